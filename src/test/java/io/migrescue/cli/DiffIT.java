package io.migrescue.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.migrescue.testing.DiffPairs.diff;
import static io.migrescue.testing.DiffPairs.differences;
import static io.migrescue.testing.DiffPairs.json;
import static io.migrescue.testing.DiffPairs.load;
import static io.migrescue.testing.DiffPairs.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift cases of field reports 01, 02 and 03 rebuilt as real PostgreSQL database pairs (and a MariaDB pair):
 * diff finds exactly what the engineers found by hand, and nothing else (no column-order noise); the script it writes
 * makes a copy of the target like the source, and its rollback brings the copy back to the target.
 */
class DiffIT {
    private static final String[] FR01_SCOPE = {"--source-schema", "public", "--target-schema", "myschema", "--target-schema", "public"};
    private static final String[] FR01_PROD_SCOPE = {"--source-schema", "myschema", "--source-schema", "public",
            "--target-schema", "myschema", "--target-schema", "public"};

    // ---- field report 01: prod's myschema + public against a laptop's public; vote_stats missing in prod

    private static void fr01Local(ScratchDatabase db) {
        load(db, "fr01-schema.sql", Map.of("old", "public", "new", "public"));
        load(db, "fr01-local-only.sql");
    }

    private static void fr01Prod(ScratchDatabase db) {
        run(db, "CREATE SCHEMA myschema");
        load(db, "fr01-schema.sql", Map.of("old", "myschema", "new", "public"));
        load(db, "fr01-prod-only.sql");
    }

    @Test
    void fieldReport01TablesMovedToAnotherSchemaAreMatchedAndOnlyVoteStatsIsMissing(@TempDir Path dir) throws Exception {
        try (ScratchDatabase local = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr01 local");
             ScratchDatabase prod = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr01 prod")) {
            fr01Local(local);
            fr01Prod(prod);

            CliRun run = diff(local, prod, withFormat("json", FR01_SCOPE));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(differences(run)).containsExactlyInAnyOrder(
                    "MISSING_TABLE public.vote_stats (missing in target)",
                    "MIGRATION_VERSION_DIFFERS public.schema_migrations: 15 | 14");
            JsonNode doc = json(run);
            assertThat(doc.get("moved")).hasSize(25);
            assertThat(doc.at("/moved/0/source").asText()).isEqualTo("public");
            assertThat(doc.at("/moved/0/target").asText()).isEqualTo("myschema");

            // without the mapping only prod's public is looked at: the 25 tables in myschema are "missing" there
            CliRun unmapped = diff(local, prod, "--format", "json", "--no-history");
            assertThat(differences(unmapped).stream().filter(d -> d.startsWith("MISSING_TABLE "))).hasSize(26)
                    .contains("MISSING_TABLE public.elections (missing in target)");

            CliRun text = diff(local, prod, FR01_SCOPE);
            assertThat(text.out()).contains("Tables    31 matched, 25 of them in another schema (public → myschema)")
                    .contains("MISSING_TABLE").contains("public.vote_stats").contains("missing in target (source: 4 columns)");

            roundTrip(local, prod, DiffIT::fr01Prod, List.of(FR01_SCOPE), List.of(FR01_PROD_SCOPE),
                    Set.of("MIGRATION_VERSION_DIFFERS public.schema_migrations: 15 | 14"), dir);
        }
    }

    // ---- field report 02: dev against prod, Prisma db push on both; FKs, an index method, two columns, column order

    private static void fr02(ScratchDatabase db, String side) {
        load(db, "fr02-common.sql");
        load(db, "fr02-" + side + ".sql");
        load(db, "fr02-common-fks.sql");
    }

    @Test
    void fieldReport02ColumnsForeignKeysAndIndexMethodWithoutColumnOrderNoise(@TempDir Path dir) throws Exception {
        try (ScratchDatabase dev = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr02 dev");
             ScratchDatabase prod = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr02 prod")) {
            fr02(dev, "dev");
            fr02(prod, "prod");

            CliRun run = diff(dev, prod, "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(differences(run)).containsExactlyInAnyOrder(
                    "MISSING_COLUMN public.attendance_records.cancelled_at (missing in target)",
                    "MISSING_COLUMN public.attendance_records.cancelled_by (missing in target)",
                    "MISSING_CONSTRAINT public.attendance_records.attendance_records_cancelled_by_fkey (missing in target)",
                    "FOREIGN_KEY_COLUMNS_DIFFER public.activists.activists_activist_coordinator_id_fkey: "
                            + "CONSTRAINT activists_activist_coordinator_id_fkey FOREIGN KEY (activist_coordinator_id)"
                            + " REFERENCES public.activist_coordinators (id)"
                            + " | CONSTRAINT activists_activist_coordinator_id_city_id_fkey FOREIGN KEY (activist_coordinator_id, city_id)"
                            + " REFERENCES public.activist_coordinators (id, city_id) ON DELETE SET NULL ON UPDATE CASCADE",
                    "FOREIGN_KEY_COLUMNS_DIFFER public.neighborhoods.neighborhoods_city_coordinator_id_fkey: "
                            + "CONSTRAINT neighborhoods_city_coordinator_id_fkey FOREIGN KEY (city_coordinator_id)"
                            + " REFERENCES public.city_coordinators (id)"
                            + " | CONSTRAINT neighborhoods_city_coordinator_id_city_id_fkey FOREIGN KEY (city_coordinator_id, city_id)"
                            + " REFERENCES public.city_coordinators (id, city_id) ON DELETE SET NULL ON UPDATE CASCADE",
                    "INDEX_METHOD_DIFFERS public.wiki_pages.wiki_pages_tags_idx: btree | gin");
            JsonNode cancelledAt = null;
            for (JsonNode d : json(run).get("differences")) {
                cancelledAt = d.get("object").asText().endsWith(".cancelled_at") ? d : cancelledAt;
            }
            assertThat(cancelledAt.get("definition").asText()).isEqualTo("timestamp(3) without time zone NULL");

            // the five reordered tables of the report, only when asked
            CliRun order = diff(dev, prod, "--format", "json", "--column-order");
            assertThat(differences(order)).filteredOn(d -> d.startsWith("COLUMN_ORDER_DIFFERS")).extracting(d -> d.split(":")[0])
                    .containsExactlyInAnyOrder("COLUMN_ORDER_DIFFERS public.users", "COLUMN_ORDER_DIFFERS public.area_managers",
                            "COLUMN_ORDER_DIFFERS public.cities", "COLUMN_ORDER_DIFFERS public.neighborhoods",
                            "COLUMN_ORDER_DIFFERS public.activists");

            CliRun sql = diff(dev, prod, "--format", "sql");
            assertThat(sql.out())
                    .contains("DROP CONSTRAINT \"activists_activist_coordinator_id_city_id_fkey\"")
                    .contains("ADD CONSTRAINT \"activists_activist_coordinator_id_fkey\" FOREIGN KEY (\"activist_coordinator_id\")"
                            + " REFERENCES \"public\".\"activist_coordinators\" (\"id\")")
                    .contains("DROP INDEX \"public\".\"wiki_pages_tags_idx\"")
                    .contains("CREATE INDEX \"wiki_pages_tags_idx\" ON \"public\".\"wiki_pages\" USING btree (tags)")
                    .contains("ADD COLUMN \"cancelled_at\" timestamp(3) without time zone");
            // tables (and columns) before the foreign keys that need them; old keys dropped before anything else
            assertThat(sql.out().indexOf("ADD COLUMN \"cancelled_by\"")).isLessThan(sql.out().indexOf("attendance_records_cancelled_by_fkey"));
            assertThat(sql.out().indexOf("DROP CONSTRAINT")).isLessThan(sql.out().indexOf("ADD COLUMN"));

            roundTrip(dev, prod, db -> fr02(db, "prod"), List.of(), List.of(), Set.of(), dir);
        }
    }

    // ---- the round trip: fix a copy of the target, then roll it back

    /**
     * Builds a copy of the target, writes the fix script (destructive statements allowed) and its rollback for it,
     * applies the fix: the copy is then like the source but for {@code leftAfterFix} (migration history, which a
     * schema script does not write); applies the rollback: the copy is like the target again.
     */
    private static void roundTrip(ScratchDatabase source, ScratchDatabase target, Consumer<ScratchDatabase> buildTarget,
                                  List<String> scope, List<String> targetScope, Set<String> leftAfterFix, Path dir) throws Exception {
        try (ScratchDatabase copy = ScratchDatabase.create(target.engine(), "diff copy of target")) {
            buildTarget.accept(copy);
            Path rollback = dir.resolve("rollback.sql");
            List<String> args = new ArrayList<>(scope);
            args.addAll(List.of("--format", "sql", "--allow-destructive", "--rollback", rollback.toString()));
            CliRun script = diff(source, copy, args.toArray(String[]::new));
            assertThat(script.exitCode()).as(script.all()).isEqualTo(1);
            assertThat(script.err()).contains("rollback script written to");

            run(copy, script.out());
            CliRun after = diff(source, copy, withFormat("json", scope.toArray(String[]::new)));
            assertThat(differences(after)).as(script.out()).containsExactlyInAnyOrderElementsOf(leftAfterFix);

            run(copy, Files.readString(rollback));
            CliRun back = diff(target, copy, withFormat("json", targetScope.toArray(String[]::new)));
            assertThat(differences(back)).as(Files.readString(rollback)).isEmpty();
            assertThat(back.exitCode()).isZero();
        }
    }

    private static String[] withFormat(String format, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", format));
        return all.toArray(String[]::new);
    }
}
