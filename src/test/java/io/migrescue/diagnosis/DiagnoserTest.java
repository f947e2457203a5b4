package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.Playbooks;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure diagnosis: no database, no JDBC; catalogs built by hand. */
class DiagnoserTest {
    private static final PlaybookRanking RANKING = Playbooks.load(null).ranking();

    private static ParsedError error(
            Engine engine, String sqlState, Integer code, Integer errno, String message, ErrorObjects objects) {
        return new ParsedError(
                engine, "laravel", sqlState, code, errno, message, null, null, null, null, null, null, objects,
                message);
    }

    private static final Catalog FIELD_REPORT_05 = CatalogBuilder.of(Engine.MARIADB, "lkb")
            .table("users")
            .column("id", "bigint(20) unsigned", false)
            .primaryKey("PRIMARY", "id")
            .add()
            .table("skp_tahunan_backup_v1")
            .column("id", "bigint(20) unsigned", false)
            .column("user_id", "bigint(20) unsigned", false)
            .column("approved_by", "bigint(20) unsigned", true)
            .primaryKey("PRIMARY", "id")
            .foreignKey("fk_skp_tahunan_user", "user_id", "users", "id")
            .foreignKey("fk_skp_tahunan_approved_by", "approved_by", "users", "id")
            .add()
            .build();

    private static final Effect.CreateTable CREATE_SKP = new Effect.CreateTable(
            null,
            "skp_tahunan",
            List.of(
                    new Effect.ColumnDef("id", "bigint unsigned", false, null),
                    new Effect.ColumnDef("user_id", "bigint unsigned", false, null)),
            List.of(new Effect.ConstraintDef(
                    "fk_skp_tahunan_user",
                    "FOREIGN_KEY",
                    List.of("user_id"),
                    null,
                    "users",
                    List.of("id"),
                    "CASCADE",
                    null,
                    null)),
            false);

    @Test
    void errno121NamesTheTableThatHoldsTheForeignKeyName() {
        ParsedError e = error(
                Engine.MARIADB,
                "HY000",
                1005,
                121,
                "Can't create table `lkb`.`skp_tahunan` (errno: 121 \"Duplicate key on write or update\")",
                new ErrorObjects("lkb", "skp_tahunan", null, null, null, null, null));
        List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                FIELD_REPORT_05,
                "lkb",
                List.of(),
                e,
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                List.of(CREATE_SKP),
                null,
                List.of(),
                RANKING));

        assertThat(findings).first().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE_CONSTRAINT_NAME);
            assertThat(f.stale()).isFalse();
            assertThat(f.objects())
                    .containsEntry("table", "skp_tahunan")
                    .containsEntry("constraint", "fk_skp_tahunan_user")
                    .containsEntry("heldBy", "skp_tahunan_backup_v1");
            assertThat(f.evidence())
                    .anyMatch(l -> l.contains(
                            "held by table skp_tahunan_backup_v1: FOREIGN KEY (user_id) REFERENCES users (id)"))
                    .anyMatch(
                            l -> l.contains(
                                    "the migration wants it on table skp_tahunan: FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"))
                    .anyMatch(l -> l.contains("RENAME TABLE keeps them"));
            assertThat(f.playbooks()).startsWith("rename-conflicting-constraint");
        });
    }

    @Test
    void aDuplicateNameNobodyHoldsAnyMoreMeansTheLogIsStale() {
        Catalog repaired = CatalogBuilder.of(Engine.MARIADB, "lkb")
                .table("users")
                .column("id", "bigint", false)
                .add()
                .build();
        ParsedError e = error(
                Engine.MYSQL,
                "HY000",
                1826,
                null,
                "Duplicate foreign key constraint name 'fk_skp_tahunan_user'",
                new ErrorObjects(null, null, "fk_skp_tahunan_user", null, null, null, null));
        Finding f = Diagnoser.diagnose(new DiagnosisInput(
                        repaired,
                        "lkb",
                        List.of(),
                        e,
                        FindingKind.DUPLICATE_CONSTRAINT_NAME,
                        List.of(),
                        null,
                        List.of(),
                        RANKING))
                .get(0);
        assertThat(f.stale()).isTrue();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).anyMatch(l -> l.contains("older than the database state"));
        assertThat(f.playbooks()).isEmpty();
    }

    @Test
    void missingTableFoundInAnotherSchema() {
        Catalog catalog = new Catalog(
                Engine.POSTGRESQL,
                List.of("public", "myschema"),
                List.of(new io.migrescue.model.Table("myschema", "vote_stats", List.of(), List.of(), List.of())));
        ParsedError e = error(
                Engine.POSTGRESQL,
                "42P01",
                null,
                null,
                "relation \"vote_stats\" does not exist",
                new ErrorObjects(null, "vote_stats", null, null, null, null, null));
        Finding f = Diagnoser.diagnose(new DiagnosisInput(
                        catalog,
                        "public",
                        List.of(),
                        e,
                        FindingKind.MISSING_TABLE,
                        List.of(),
                        null,
                        List.of(),
                        RANKING))
                .get(0);
        assertThat(f.objects()).containsEntry("foundIn", "myschema");
        assertThat(f.evidence()).anyMatch(l -> l.contains("exists in schema myschema"));
        assertThat(f.playbooks()).containsExactly("create-missing-table");
    }

    @Test
    void failedHistoryEntryWithItsMapAndAPartialApplicationFinding() {
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "lkb",
                "flyway_schema_history",
                List.of(
                        new HistoryEntry("1", "init", EntryState.APPLIED, Instant.EPOCH, "1", null),
                        new HistoryEntry("2", "total refactor", EntryState.FAILED, Instant.EPOCH, "2", null)),
                null);
        List<StatementVerdict> map = List.of(
                new StatementVerdict(1, 1, "RENAME TABLE …", List.of(), StatementState.APPLIED, "exists", null),
                new StatementVerdict(
                        2, 3, "CREATE TABLE …", List.of(), StatementState.FAILED, "missing", "would fail: …"));
        FailedMigration m = new FailedMigration("flyway", "2", "V2__total_refactor.sql", "history", map);
        List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                FIELD_REPORT_05, "lkb", List.of(flyway), null, null, List.of(), m, List.of(), RANKING));
        assertThat(findings)
                .extracting(Finding::kind)
                .containsExactly(FindingKind.PARTIALLY_APPLIED, FindingKind.FAILED_MIGRATION);
        assertThat(findings.get(1).migration()).isSameAs(m);
        // statement 2 would fail as the catalog stands: finishing the migration is never recommended (issue 10)
        assertThat(findings.get(1).playbooks()).containsExactly("revert-partial-migration");
    }

    /**
     * Field report 05 without the error text: the statement map predicts errno 121 for statement 2, and that cause is
     * confirmed and ranked exactly as the error text would have been.
     */
    @Test
    void withoutTheErrorTextThePredictedCauseLeadsTheRanking() {
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "lkb",
                "flyway_schema_history",
                List.of(
                        new HistoryEntry("1", "init", EntryState.APPLIED, Instant.EPOCH, "1", null),
                        new HistoryEntry("2", "total refactor", EntryState.FAILED, Instant.EPOCH, "2", null)),
                null);
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2__total_refactor.sql",
                "history",
                PartialApplicationMap.build(
                        List.of(
                                new StatementWithEffects(
                                        new io.migrescue.sql.SqlStatement(
                                                1, "RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1", 1),
                                        List.of(new Effect.RenameTable(
                                                null, "skp_tahunan", null, "skp_tahunan_backup_v1"))),
                                new StatementWithEffects(
                                        new io.migrescue.sql.SqlStatement(2, "CREATE TABLE skp_tahunan (…)", 3),
                                        List.of(CREATE_SKP))),
                        new CatalogLookup(FIELD_REPORT_05, "lkb"),
                        null));
        assertThat(m.statements().get(1).prediction()).contains("held by table skp_tahunan_backup_v1");

        List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                FIELD_REPORT_05, "lkb", List.of(flyway), null, null, List.of(), m, List.of(), RANKING));
        assertThat(findings)
                .extracting(Finding::kind)
                .containsExactly(
                        FindingKind.DUPLICATE_CONSTRAINT_NAME,
                        FindingKind.PARTIALLY_APPLIED,
                        FindingKind.FAILED_MIGRATION);
        Finding cause = findings.get(0);
        assertThat(cause.objects())
                .containsEntry("table", "skp_tahunan")
                .containsEntry("constraint", "fk_skp_tahunan_user")
                .containsEntry("heldBy", "skp_tahunan_backup_v1");
        assertThat(cause.evidence())
                .first()
                .asString()
                .startsWith("no error text; from the statement map: statement 2 of migration 2 would fail");
        for (Finding f : findings) {
            assertThat(f.playbooks())
                    .as(f.kind().name())
                    .containsExactly("rename-conflicting-constraint", "revert-partial-migration");
        }
    }

    /** After a verified repair the same error file is history: the migration it is about is recorded as applied now. */
    @Test
    void anErrorAboutAMigrationRecordedAsAppliedSinceIsStale() {
        Catalog repaired = CatalogBuilder.of(Engine.MARIADB, "lkb")
                .table("users")
                .column("id", "bigint", false)
                .primaryKey("PRIMARY", "id")
                .add()
                .table("skp_tahunan")
                .column("id", "bigint", false)
                .column("user_id", "bigint", false)
                .foreignKey("fk_skp_tahunan_user", "user_id", "users", "id")
                .add()
                .build();
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "lkb",
                "flyway_schema_history",
                List.of(new HistoryEntry("2", "total refactor", EntryState.APPLIED, Instant.EPOCH, "2", null)),
                null);
        ParsedError e = new ParsedError(
                Engine.MARIADB,
                "flyway",
                "HY000",
                1005,
                121,
                "Can't create table `lkb`.`skp_tahunan` (errno: 121 \"Duplicate key on write or update\")",
                null,
                null,
                null,
                "V2__total_refactor.sql",
                "2",
                null,
                new ErrorObjects("lkb", "skp_tahunan", null, null, null, null, null),
                null);
        FailedMigration m = new FailedMigration("flyway", "2", "V2__total_refactor.sql", "error-text", List.of());
        List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                repaired,
                "lkb",
                List.of(flyway),
                e,
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                List.of(CREATE_SKP),
                m,
                List.of(),
                RANKING));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).stale()).isTrue();
        assertThat(findings.get(0).playbooks()).isEmpty();
        assertThat(findings.get(0).evidence()).last().asString().contains("flyway records migration 2 as applied now");
    }
}
