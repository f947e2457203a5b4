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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baseline, lost revision and two heads, decided from statement maps alone. */
class HistoryMismatchTest {
    private static final PlaybookRanking NONE = new PlaybookRanking(List.of());

    private static Effect.CreateTable create(String table, String... columns) {
        return new Effect.CreateTable(
                null,
                table,
                java.util.Arrays.stream(columns)
                        .map(c -> new ColumnDef(c, "integer", true, null))
                        .toList(),
                List.of(),
                false);
    }

    private static MappedMigration mapped(String id, CatalogLookup lookup, Effect... effects) {
        List<StatementWithEffects> statements = new java.util.ArrayList<>();
        for (Effect e : effects) {
            statements.add(
                    new StatementWithEffects(new SqlStatement(statements.size() + 1, "statement " + e, 1), List.of(e)));
        }
        return new MappedMigration(
                new MigrationFile(id, id, null, "drizzle"), PartialApplicationMap.build(statements, lookup, 0));
    }

    private static CatalogLookup pushed(boolean withBody) {
        CatalogBuilder.TableBuilder posts = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "integer", false)
                .add()
                .table("posts")
                .column("id", "integer", false)
                .column("title", "integer", true);
        Catalog catalog =
                (withBody ? posts.column("body", "integer", true) : posts).add().build();
        return new CatalogLookup(catalog, "public");
    }

    private static final MigrationHistory EMPTY =
            new MigrationHistory("drizzle", "drizzle", "__drizzle_migrations", List.of(), null);

    @Test
    void migrationsInEffectAreRecordedUpToTheFirstThatIsNot() {
        CatalogLookup lookup = pushed(false);
        List<MappedMigration> pending = List.of(
                mapped("0000_users", lookup, create("users", "id")),
                mapped("0001_posts", lookup, create("posts", "id", "title")),
                mapped("0002_tags", lookup, create("tags", "id")),
                mapped("0003_more", lookup, create("more", "id")));

        Finding f = UnrecordedMigrations.find(EMPTY, pending, lookup, NONE).orElseThrow();

        assertThat(f.kind()).isEqualTo(FindingKind.UNRECORDED_MIGRATIONS);
        assertThat(f.objects())
                .containsEntry("migrations", "0000_users, 0001_posts")
                .containsEntry("next", "0002_tags");
        assertThat(f.migration().id()).isEqualTo("0001_posts");
        assertThat(f.migration().fullyApplied()).isTrue();
        assertThat(f.migration().statements()).hasSize(2);
        assertThat(f.evidence())
                .anyMatch(e -> e.startsWith("0002_tags") && e.contains("left for drizzle to run"))
                .anyMatch(e -> e.contains("1 later migration(s)"));
    }

    @Test
    void nothingInEffectIsTheNormalPendingState() {
        CatalogLookup lookup = pushed(false);
        assertThat(UnrecordedMigrations.find(
                        EMPTY, List.of(mapped("0000_tags", lookup, create("tags", "id"))), lookup, NONE))
                .isEmpty();
    }

    @Test
    void aTableWithColumnsNoPendingMigrationMakesStopsTheBaselineAndIsShown() {
        CatalogLookup lookup = pushed(true);
        List<MappedMigration> pending = List.of(mapped("0000_posts", lookup, create("posts", "id", "title")));
        Finding f = UnrecordedMigrations.find(EMPTY, pending, lookup, NONE).orElseThrow();
        assertThat(f.playbooks()).isEmpty();
        assertThat(f.evidence().get(0)).contains("another shape").contains("body");

        // the column comes from a later pending migration that is in effect too: the same shape after all
        List<MappedMigration> both = List.of(
                mapped("0000_posts", lookup, create("posts", "id", "title")),
                mapped(
                        "0001_body",
                        lookup,
                        new Effect.AddColumn(null, "posts", new ColumnDef("body", "integer", true, null))));
        assertThat(UnrecordedMigrations.find(EMPTY, both, lookup, NONE)
                        .orElseThrow()
                        .objects())
                .containsEntry("migrations", "0000_posts, 0001_body");
    }

    private static MigrationFile script(Path dir, String id, String parent) throws Exception {
        Path file = dir.resolve(id + ".py");
        Files.writeString(
                file,
                "revision = '" + id + "'\ndown_revision = " + (parent == null ? "None" : "'" + parent + "'")
                        + "\n\ndef upgrade():\n    pass\n");
        return new MigrationFile(id, id, file, "alembic");
    }

    private static MappedMigration alembic(MigrationFile f, CatalogLookup lookup, Effect e) {
        List<StatementWithEffects> s =
                List.of(new StatementWithEffects(new SqlStatement(1, "statement", 1), List.of(e)));
        return new MappedMigration(f, PartialApplicationMap.build(s, lookup, 0));
    }

    @Test
    void aLostRevisionIsMatchedToTheRevisionTheSchemaHolds(@TempDir Path dir) throws Exception {
        CatalogLookup lookup = pushed(false);
        MigrationFile a = script(dir, "aaa", null);
        MigrationFile b = script(dir, "bbb", "aaa");
        MigrationFile c = script(dir, "ccc", "bbb");
        List<MappedMigration> all = List.of(
                alembic(a, lookup, create("users", "id")),
                alembic(b, lookup, create("posts", "id")),
                alembic(c, lookup, create("tags", "id")));
        MigrationHistory h = new MigrationHistory(
                "alembic",
                "public",
                "alembic_version",
                List.of(new HistoryEntry("gone", "gone", EntryState.APPLIED, null, null, null)),
                null);
        List<MigrationFile> files = List.of(a, b, c);
        assertThat(LostRevision.lost(h, files)).containsExactly("gone");

        Finding f = LostRevision.find(h, List.of("gone"), all, NONE).orElseThrow();
        assertThat(f.objects()).containsEntry("revision", "bbb").containsEntry("next", "ccc");
        assertThat(f.migration().fullyApplied()).isTrue();
        assertThat(f.evidence())
                .anyMatch(e -> e.startsWith("best match bbb") && e.contains("3 of 3"))
                .anyMatch(e -> e.startsWith("candidate  ccc") && e.contains("2 of 3"));

        // no lost revision: nothing to match
        MigrationHistory fine = new MigrationHistory(
                "alembic",
                "public",
                "alembic_version",
                List.of(new HistoryEntry("bbb", "bbb", EntryState.APPLIED, null, null, null)),
                null);
        assertThat(LostRevision.lost(fine, files)).isEmpty();
    }

    @Test
    void twoHeadsAreNamedWithTheMerge(@TempDir Path dir) throws Exception {
        MigrationFile a = script(dir, "aaa", null);
        MigrationFile b = script(dir, "bbb", "aaa");
        MigrationFile c = script(dir, "ccc", "aaa");
        Finding f = AlembicHeads.find(null, List.of(a, b, c)).orElseThrow();
        assertThat(f.kind()).isEqualTo(FindingKind.MULTIPLE_HEADS);
        assertThat(f.playbooks()).isEmpty();
        assertThat(f.evidence()).anyMatch(e -> e.contains("alembic merge -m \"merge heads\" bbb ccc"));
        assertThat(AlembicHeads.find(null, List.of(a, b))).isEmpty();
    }
}
