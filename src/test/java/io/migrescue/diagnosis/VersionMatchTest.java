package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Effect;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.testing.CatalogBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which version a catalog matches, on synthetic catalogs: linear histories and a dirty golang-migrate version. */
class VersionMatchTest {
    private static final PlaybookRanking NONE = new PlaybookRanking(List.of());

    private static Effect.CreateTable create(String table) {
        return new Effect.CreateTable(
                null, table, List.of(new ColumnDef("id", "integer", true, null)), List.of(), false);
    }

    private static CatalogLookup holding(String... tables) {
        CatalogBuilder b = CatalogBuilder.of(Engine.POSTGRESQL, "public");
        for (String t : tables) {
            b = b.table(t).column("id", "integer", false).add();
        }
        Catalog catalog = b.build();
        return new CatalogLookup(catalog, "public");
    }

    /** Migrations 1..n, each creating the tables given for it (one statement per table). */
    private static List<MappedMigration> migrations(CatalogLookup lookup, String... tablesPerVersion) {
        List<MappedMigration> all = new ArrayList<>();
        for (int v = 0; v < tablesPerVersion.length; v++) {
            List<StatementWithEffects> statements = new ArrayList<>();
            for (String t : tablesPerVersion[v].split(",")) {
                statements.add(new StatementWithEffects(
                        new SqlStatement(statements.size() + 1, "CREATE TABLE " + t, 1), List.of(create(t))));
            }
            String id = Integer.toString(v + 1);
            all.add(new MappedMigration(
                    new MigrationFile(id, "m" + id, null, "golang-migrate"),
                    PartialApplicationMap.build(statements, lookup, 0)));
        }
        return all;
    }

    private static MigrationHistory dirtyAt(String version) {
        return new MigrationHistory(
                "golang-migrate",
                "public",
                "schema_migrations",
                List.of(new HistoryEntry(version, version, EntryState.DIRTY, null, null, "dirty")),
                null);
    }

    private static Finding dirtyFinding(String version) {
        return new Finding(
                FindingKind.DIRTY_VERSION,
                Severity.ERROR,
                "golang-migrate version " + version + " is dirty",
                Map.of("tool", "golang-migrate", "version", version),
                List.of("schema_migrations holds it"),
                null,
                List.of("clear-dirty-version"),
                false);
    }

    @Test
    void theVersionWhoseEffectsAndNoLaterOnesArePresentScoresBest() {
        CatalogLookup lookup = holding("users", "orders");
        VersionMatch.Result r =
                VersionMatch.score("golang-migrate", migrations(lookup, "users", "orders", "tags"), true);
        assertThat(r.best().version()).isEqualTo("2");
        assertThat(r.best().exact()).isTrue();
        assertThat(r.of(null).agree()).isEqualTo(1); // nothing applied: only "tags not in effect" agrees
        assertThat(r.of("3").agree()).isEqualTo(2);
        assertThat(r.above()).extracting(m -> m.file().id()).containsExactly("3");
        assertThat(r.below()).extracting(m -> m.file().id()).containsExactly("1", "2");
    }

    @Test
    void onATieTheLowerVersionWinsSoTheToolRunsWhatIsUnsure() {
        // 2 half in effect: at 1 and at 2 agree equally
        CatalogLookup lookup = holding("users", "orders");
        VersionMatch.Result r =
                VersionMatch.score("golang-migrate", migrations(lookup, "users", "orders,items"), false);
        assertThat(r.best().version()).isEqualTo("1");
        assertThat(r.best().exact()).isFalse();
    }

    @Test
    void aDirtyVersionAllInEffectIsTheVersionTheDatabaseIsAt() {
        CatalogLookup lookup = holding("users", "orders");
        Finding f = DirtyVersionMatch.matched(
                dirtyFinding("2"), dirtyAt("2"), migrations(lookup, "users", "orders", "tags"), NONE);
        assertThat(f.objects()).containsEntry("matches", "2").containsEntry("next", "3");
        assertThat(f.summary()).contains("matches version 2").contains("migrate up runs 3");
        assertThat(f.playbooks()).containsExactly("clear-dirty-version");
        assertThat(f.evidence())
                .anyMatch(e -> e.startsWith("best match 2") && e.contains("3 of 3"))
                .anyMatch(e -> e.startsWith("candidate  1") && e.contains("2 of 3"))
                .anyMatch(e -> e.contains("migrate force 2"));
    }

    @Test
    void aDirtyVersionWithNothingInEffectMeansTheVersionBefore() {
        CatalogLookup lookup = holding("users");
        Finding f =
                DirtyVersionMatch.matched(dirtyFinding("2"), dirtyAt("2"), migrations(lookup, "users", "orders"), NONE);
        assertThat(f.objects()).containsEntry("matches", "1").containsEntry("next", "2");
        assertThat(f.playbooks()).containsExactly("clear-dirty-version");

        // the first migration, nothing in effect: no version at all (migrate force -1)
        Finding first =
                DirtyVersionMatch.matched(dirtyFinding("1"), dirtyAt("1"), migrations(holding(), "users"), NONE);
        assertThat(first.objects()).containsEntry("matches", "none").containsEntry("next", "1");
        assertThat(first.evidence()).anyMatch(e -> e.contains("migrate force -1"));
    }

    @Test
    void aHalfAppliedDirtyVersionIsLeftToFinishOrUndo() {
        CatalogLookup lookup = holding("users", "orders");
        Finding dirty = dirtyFinding("2");
        Finding f = DirtyVersionMatch.matched(dirty, dirtyAt("2"), migrations(lookup, "users", "orders,items"), NONE);
        assertThat(f.objects()).doesNotContainKey("matches");
        assertThat(f.summary()).isEqualTo(dirty.summary());
        assertThat(f.playbooks()).isEqualTo(dirty.playbooks());
        assertThat(f.evidence()).anyMatch(e -> e.contains("half applied"));
    }

    @Test
    void aSchemaMatchingAnotherVersionIsStampedNotCleared() {
        // 1 went dirty with all its effects, then 2 and 3 were applied by hand: forcing 1 would run them again
        CatalogLookup lookup = holding("users", "orders", "tags");
        Finding f = DirtyVersionMatch.matched(
                dirtyFinding("1"), dirtyAt("1"), migrations(lookup, "users", "orders", "tags", "more"), NONE);
        assertThat(f.objects())
                .containsEntry("matches", "3")
                .containsEntry("revision", "3")
                .containsEntry("recorded", "1")
                .containsEntry("next", "4");
        assertThat(f.playbooks()).isEmpty(); // no playbook loaded; the real ranking offers stamp-matching-version
        assertThat(f.migration().id()).isEqualTo("3");
        assertThat(f.migration().fullyApplied()).isTrue();
        assertThat(f.migration().statements()).hasSize(3);
    }

    @Test
    void noExactMatchRecommendsNothing() {
        // 1 undone by hand, 2 in effect: no version explains the schema
        CatalogLookup lookup = holding("orders");
        Finding f =
                DirtyVersionMatch.matched(dirtyFinding("2"), dirtyAt("2"), migrations(lookup, "users", "orders"), NONE);
        assertThat(f.playbooks()).isEmpty();
        assertThat(f.summary()).contains("no version matches the schema exactly");
        assertThat(Arrays.asList(f.evidence().toArray(String[]::new))).anyMatch(e -> e.contains("check them first"));
    }
}
