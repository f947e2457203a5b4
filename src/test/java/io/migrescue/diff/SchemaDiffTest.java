package io.migrescue.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure comparison, on hand-built catalogs. */
class SchemaDiffTest {
    private static Table table(String schema, String name, List<Column> columns, List<Constraint> constraints) {
        return new Table(schema, name, columns, List.of(), constraints);
    }

    private static Column column(String name, int position, String type) {
        return new Column(name, position, type, true, null, "");
    }

    private static Snapshot snapshot(List<String> schemas, List<Table> tables, List<MigrationHistory> history) {
        return new Snapshot(new Catalog(Engine.POSTGRESQL, schemas, tables), schemas, history);
    }

    private static List<String> kinds(DiffResult result) {
        return result.differences().stream()
                .map(d -> d.kind() + " " + d.object())
                .toList();
    }

    @Test
    void aTableInAnotherSchemaIsTheSameTableAndItsSchemaQualifiedDefaultsCompareEqual() {
        Column local = new Column("id", 1, "bigint", false, "nextval('votes_id_seq'::regclass)", "");
        Column prod = new Column("id", 1, "bigint", false, "nextval('myschema.votes_id_seq'::regclass)", "");
        DiffResult result = SchemaDiff.compare(
                snapshot(List.of("public"), List.of(table("public", "votes", List.of(local), List.of())), List.of()),
                snapshot(
                        List.of("myschema", "public"),
                        List.of(table("myschema", "votes", List.of(prod), List.of())),
                        List.of()),
                DiffOptions.defaults());
        assertThat(result.differences()).isEmpty();
        assertThat(result.matching().moved())
                .extracting(p -> p.target().qualifiedName())
                .containsExactly("myschema.votes");
    }

    @Test
    void aNameHeldTwiceOnOneSideIsNotGuessedAt() {
        // app corresponds to public (first in the same position), which has no users; a.users or b.users? Neither.
        DiffResult result = SchemaDiff.compare(
                snapshot(List.of("app"), List.of(table("app", "users", List.of(), List.of())), List.of()),
                snapshot(
                        List.of("public", "a", "b"),
                        List.of(table("a", "users", List.of(), List.of()), table("b", "users", List.of(), List.of())),
                        List.of()),
                DiffOptions.defaults());
        assertThat(kinds(result))
                .containsExactly("MISSING_TABLE app.users", "MISSING_TABLE a.users", "MISSING_TABLE b.users");
    }

    @Test
    void schemasPairByNameThenByPosition() {
        SchemaMapping mapping = new SchemaMapping(List.of("public", "app_dev"), List.of("app_prod", "public"));
        assertThat(mapping.targetFor("public")).isEqualTo("public");
        assertThat(mapping.targetFor("app_dev"))
                .isEqualTo("public"); // second of its side, and the second target schema is public
        assertThat(new SchemaMapping(List.of("shop_staging"), List.of("shop")).targetFor("shop_staging"))
                .isEqualTo("shop");
    }

    @Test
    void columnOrderIsReportedOnlyWhenAsked() {
        Table source = table(
                "public",
                "t",
                List.of(column("a", 1, "int"), column("b", 2, "int"), column("new", 3, "int")),
                List.of());
        Table target = table("public", "t", List.of(column("b", 1, "int"), column("a", 2, "int")), List.of());
        Snapshot s = snapshot(List.of("public"), List.of(source), List.of());
        Snapshot t = snapshot(List.of("public"), List.of(target), List.of());
        assertThat(kinds(SchemaDiff.compare(s, t, DiffOptions.defaults())))
                .containsExactly("MISSING_COLUMN public.t.new");
        DiffResult ordered = SchemaDiff.compare(s, t, new DiffOptions(true, true));
        assertThat(ordered.differences())
                .extracting(Difference::kind, Difference::source, Difference::target)
                .contains(org.assertj.core.groups.Tuple.tuple(DifferenceKind.COLUMN_ORDER_DIFFERS, "a, b", "b, a"));
    }

    @Test
    void oneForeignKeyLeftOnEachSideToTheSameTableIsOneKeyDefinedTwoWays() {
        Constraint single = new Constraint(
                "a_p_fkey",
                ConstraintType.FOREIGN_KEY,
                List.of("p_id"),
                new ForeignKey("public", "p", List.of("id"), "NO ACTION", "NO ACTION"),
                null,
                true,
                null);
        Constraint composite = new Constraint(
                "a_p_city_fkey",
                ConstraintType.FOREIGN_KEY,
                List.of("p_id", "city_id"),
                new ForeignKey("public", "p", List.of("id", "city_id"), "SET NULL", "CASCADE"),
                null,
                true,
                null);
        Constraint other = new Constraint(
                "a_q_fkey",
                ConstraintType.FOREIGN_KEY,
                List.of("q_id"),
                new ForeignKey("public", "q", List.of("id"), "NO ACTION", "NO ACTION"),
                null,
                true,
                null);
        Table p = table("public", "p", List.of(), List.of());
        Table q = table("public", "q", List.of(), List.of());
        DiffResult result = SchemaDiff.compare(
                snapshot(List.of("public"), List.of(p, q, table("public", "a", List.of(), List.of(single))), List.of()),
                snapshot(
                        List.of("public"),
                        List.of(p, q, table("public", "a", List.of(), List.of(composite, other))),
                        List.of()),
                DiffOptions.defaults());
        assertThat(kinds(result))
                .containsExactly(
                        "FOREIGN_KEY_COLUMNS_DIFFER public.a.a_p_fkey", "MISSING_CONSTRAINT public.a.a_q_fkey");
    }

    @Test
    void historiesAppliedOnOneSideOnlyFailedOnOneSideAndGolangMigrateVersions() {
        MigrationHistory sourceFlyway = new MigrationHistory(
                "flyway",
                "public",
                "flyway_schema_history",
                List.of(entry("1", EntryState.APPLIED), entry("2", EntryState.APPLIED), entry("3", EntryState.APPLIED)),
                null);
        MigrationHistory targetFlyway = new MigrationHistory(
                "flyway",
                "app",
                "flyway_schema_history",
                List.of(entry("1", EntryState.APPLIED), entry("2", EntryState.FAILED), entry("9", EntryState.APPLIED)),
                null);
        MigrationHistory sourceGolang = new MigrationHistory(
                "golang-migrate", "public", "schema_migrations", List.of(entry("15", EntryState.APPLIED)), null);
        MigrationHistory targetGolang = new MigrationHistory(
                "golang-migrate", "app", "schema_migrations", List.of(entry("14", EntryState.DIRTY)), null);
        DiffResult result = SchemaDiff.compare(
                snapshot(List.of("public"), List.of(), List.of(sourceFlyway, sourceGolang)),
                snapshot(List.of("app"), List.of(), List.of(targetFlyway, targetGolang)),
                DiffOptions.defaults());
        assertThat(result.differences())
                .extracting(
                        d -> d.kind() + " " + d.object() + " " + d.missingIn() + " " + d.source() + "|" + d.target())
                .containsExactly(
                        "MIGRATION_STATE_DIFFERS 2 null applied|failed",
                        "MIGRATION_MISSING 3 TARGET applied|null",
                        "MIGRATION_MISSING 9 SOURCE null|applied",
                        "MIGRATION_VERSION_DIFFERS public.schema_migrations null 15|14 (dirty)");
        assertThat(SchemaDiff.compare(
                                snapshot(List.of("public"), List.of(), List.of(sourceFlyway)),
                                snapshot(List.of("app"), List.of(), List.of(targetFlyway)),
                                new DiffOptions(false, false))
                        .same())
                .isTrue();
    }

    private static HistoryEntry entry(String id, EntryState state) {
        return new HistoryEntry(id, id, state, null, null, null);
    }

    @Test
    void checkClausesCompareWithoutTheParenthesesEnginesAdd() {
        assertThat(Expressions.unwrap("((price > 0))")).isEqualTo("price > 0");
        assertThat(Expressions.unwrap("(a > 0) AND (b > 0)")).isEqualTo("(a > 0) AND (b > 0)");
        assertThat(new Expressions(List.of("myschema")).normalize("'draft'::myschema.election_status"))
                .isEqualTo("'draft'::election_status");
        assertThat(new Expressions(List.of("my schema")).normalize("\"my schema\".t_id_seq"))
                .isEqualTo("t_id_seq");
        assertThat(new Expressions(List.of("app")).normalize("happy.app_user")).isEqualTo("happy.app_user");
    }
}
