package io.migrescue.cli;

import static io.migrescue.testing.DiffPairs.diff;
import static io.migrescue.testing.DiffPairs.differences;
import static io.migrescue.testing.DiffPairs.json;
import static io.migrescue.testing.DiffPairs.load;
import static io.migrescue.testing.DiffPairs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift cases of field reports 01, 02 and 03 rebuilt as real PostgreSQL database pairs (and a MariaDB pair):
 * diff finds exactly what the engineers found by hand, and nothing else (no column-order noise); the script it writes
 * makes a copy of the target like the source, and its rollback brings the copy back to the target.
 */
class DiffScriptRoundTripIT {
    private static final String[] FR01_SCOPE = {
        "--source-schema", "public", "--target-schema", "myschema", "--target-schema", "public"
    };
    private static final String[] FR01_PROD_SCOPE = {
        "--source-schema",
        "myschema",
        "--source-schema",
        "public",
        "--target-schema",
        "myschema",
        "--target-schema",
        "public"
    };

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
    void fieldReport01TablesMovedToAnotherSchemaAreMatchedAndOnlyVoteStatsIsMissing(@TempDir Path dir)
            throws Exception {
        try (ScratchDatabase local = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr01 local");
                ScratchDatabase prod = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr01 prod")) {
            fr01Local(local);
            fr01Prod(prod);

            CliRun run = diff(local, prod, withFormat("json", FR01_SCOPE));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(differences(run))
                    .containsExactlyInAnyOrder(
                            "MISSING_TABLE public.vote_stats (missing in target)",
                            "MIGRATION_VERSION_DIFFERS public.schema_migrations: 15 | 14");
            JsonNode doc = json(run);
            assertThat(doc.get("moved")).hasSize(25);
            assertThat(doc.at("/moved/0/source").asText()).isEqualTo("public");
            assertThat(doc.at("/moved/0/target").asText()).isEqualTo("myschema");

            // without the mapping only prod's public is looked at: the 25 tables in myschema are "missing" there
            CliRun unmapped = diff(local, prod, "--format", "json", "--no-history");
            assertThat(differences(unmapped).stream().filter(d -> d.startsWith("MISSING_TABLE ")))
                    .hasSize(26)
                    .contains("MISSING_TABLE public.elections (missing in target)");

            CliRun text = diff(local, prod, FR01_SCOPE);
            assertThat(text.out())
                    .contains("Tables    31 matched, 25 of them in another schema (public → myschema)")
                    .contains("MISSING_TABLE")
                    .contains("public.vote_stats")
                    .contains("missing in target (source: 4 columns)");

            roundTrip(
                    local,
                    prod,
                    DiffScriptRoundTripIT::fr01Prod,
                    List.of(FR01_SCOPE),
                    List.of(FR01_PROD_SCOPE),
                    Set.of("MIGRATION_VERSION_DIFFERS public.schema_migrations: 15 | 14"),
                    Set.of(),
                    dir);
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
            assertThat(differences(run))
                    .containsExactlyInAnyOrder(
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
            assertThat(differences(order))
                    .filteredOn(d -> d.startsWith("COLUMN_ORDER_DIFFERS"))
                    .extracting(d -> d.split(":")[0])
                    .containsExactlyInAnyOrder(
                            "COLUMN_ORDER_DIFFERS public.users",
                            "COLUMN_ORDER_DIFFERS public.area_managers",
                            "COLUMN_ORDER_DIFFERS public.cities",
                            "COLUMN_ORDER_DIFFERS public.neighborhoods",
                            "COLUMN_ORDER_DIFFERS public.activists");

            CliRun sql = diff(dev, prod, "--format", "sql");
            assertThat(sql.out())
                    .contains("DROP CONSTRAINT \"activists_activist_coordinator_id_city_id_fkey\"")
                    .contains(
                            "ADD CONSTRAINT \"activists_activist_coordinator_id_fkey\" FOREIGN KEY (\"activist_coordinator_id\")"
                                    + " REFERENCES \"public\".\"activist_coordinators\" (\"id\")")
                    .contains("DROP INDEX \"public\".\"wiki_pages_tags_idx\"")
                    .contains("CREATE INDEX \"wiki_pages_tags_idx\" ON \"public\".\"wiki_pages\" USING btree (tags)")
                    .contains("ADD COLUMN \"cancelled_at\" timestamp(3) without time zone");
            // tables (and columns) before the foreign keys that need them; old keys dropped before anything else
            assertThat(sql.out().indexOf("ADD COLUMN \"cancelled_by\""))
                    .isLessThan(sql.out().indexOf("ADD CONSTRAINT \"attendance_records_cancelled_by_fkey\""));
            assertThat(sql.out().indexOf("DROP CONSTRAINT"))
                    .isLessThan(sql.out().indexOf("ADD COLUMN"));

            roundTrip(dev, prod, db -> fr02(db, "prod"), List.of(), List.of(), Set.of(), Set.of(), dir);
        }
    }

    // ---- field report 03: Supabase dev against prod; tables, a column, timestamp vs timestamptz, migrations, rows

    /** Rows per table as the report's data volume table gives them: {table, development, production}. */
    private static final Object[][] FR03_ROWS = {
        {"products", 129, 129},
        {"categories", 16, 15},
        {"orders", 39, 6},
        {"profiles", 7, 5},
        {"variants", 122, 6},
        {"payments", 11, 0},
        {"webhook_logs", 683, 13},
        {"catering_orders", 20, 0},
        {"protected_products", 28, 12}
    };
    /** Dev ran 32 migrations and prod 26: 25 in common, 7 in dev only (the availability system, latest 2025-09-12), 1 in prod only. */
    private static final List<String> FR03_DEV_ONLY = List.of(
            "20250905090000",
            "20250906090000",
            "20250907090000",
            "20250908090000",
            "20250909090000",
            "20250910090000",
            "20250912093000"); // …, add_availability_system

    private static final String FR03_PROD_ONLY = "20250913101500"; // add_missing_fee_columns_urgent

    private static void fr03(ScratchDatabase db, String side) {
        load(db, "fr03-common.sql");
        load(db, "fr03-" + side + ".sql");
        int column = side.equals("dev") ? 1 : 2;
        List<String> rows = new ArrayList<>();
        for (Object[] t : FR03_ROWS) {
            int n = (Integer) t[column];
            String insert = switch ((String) t[0]) {
                case "products" -> "INSERT INTO products (name) SELECT 'product ' || g FROM generate_series(1, %d) g";
                case "categories" ->
                    "INSERT INTO categories (name, slug) SELECT 'category ' || g, 'c' || g FROM generate_series(1, %d) g";
                case "orders" -> "INSERT INTO orders (total) SELECT 10 * g FROM generate_series(1, %d) g";
                case "profiles" ->
                    "INSERT INTO profiles (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, %d) g";
                case "variants" ->
                    "INSERT INTO variants (product_id, name) SELECT gen_random_uuid(), 'v' || g FROM generate_series(1, %d) g";
                case "payments" ->
                    "INSERT INTO payments (order_id, provider, amount) SELECT (SELECT min(id::text)::uuid FROM orders),"
                            + " 'square', 10 FROM generate_series(1, %d) g";
                case "webhook_logs" ->
                    "INSERT INTO webhook_logs (provider, payload) SELECT 'square', '{}' FROM generate_series(1, %d) g";
                case "catering_orders" ->
                    "INSERT INTO catering_orders (event_date, guests) SELECT current_date, g FROM generate_series(1, %d) g";
                default ->
                    "INSERT INTO protected_products (product_id) SELECT gen_random_uuid() FROM generate_series(1, %d) g";
            };
            rows.add(String.format(insert, n));
        }
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            versions.add(java.time.LocalDate.of(2025, 5, 1)
                            .plusDays(4L * i)
                            .toString()
                            .replace("-", "") + "120000");
        }
        versions.addAll(side.equals("dev") ? FR03_DEV_ONLY : List.of(FR03_PROD_ONLY));
        versions.forEach(v -> rows.add("INSERT INTO supabase_migrations.schema_migrations VALUES ('" + v + "')"));
        rows.add("ANALYZE");
        try {
            db.execute(rows.toArray(String[]::new));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static final List<String> FR03_SCHEMA_DIFFERENCES = List.of(
            "MISSING_TABLE public.availability_rules (missing in target)",
            "MISSING_TABLE public.availability_schedule (missing in target)",
            "MISSING_COLUMN public.store_settings.usage_flags (missing in source)",
            "COLUMN_TYPE_DIFFERS public.products.description_validated_at: timestamp without time zone | timestamp with time zone");

    private static Set<String> fr03History() {
        Set<String> history = new java.util.TreeSet<>();
        FR03_DEV_ONLY.forEach(v -> history.add("MIGRATION_MISSING " + v + " (missing in target)"));
        history.add("MIGRATION_MISSING " + FR03_PROD_ONLY + " (missing in source)");
        return history;
    }

    @Test
    void fieldReport03TablesColumnTimeZoneMigrationsAndRows(@TempDir Path dir) throws Exception {
        try (ScratchDatabase dev = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr03 dev");
                ScratchDatabase prod = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr03 prod")) {
            fr03(dev, "dev");
            fr03(prod, "prod");

            CliRun run = diff(dev, prod, "--format", "json", "--counts", "exact");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            Set<String> expected = new java.util.TreeSet<>(FR03_SCHEMA_DIFFERENCES);
            expected.addAll(fr03History());
            assertThat(differences(run)).containsExactlyInAnyOrderElementsOf(expected);
            JsonNode counts = json(run).get("counts");
            assertThat(counts.get("mode").asText()).isEqualTo("exact");
            for (Object[] t : FR03_ROWS) {
                JsonNode table = null;
                for (JsonNode c : counts.get("tables")) {
                    table = c.get("table").asText().equals("public." + t[0]) ? c : table;
                }
                assertThat(table).as("counts of " + t[0]).isNotNull();
                assertThat(table.get("source").asLong()).as(t[0] + " in dev").isEqualTo(((Integer) t[1]).longValue());
                assertThat(table.get("target").asLong()).as(t[0] + " in prod").isEqualTo(((Integer) t[2]).longValue());
            }

            // estimates: planner statistics (the pairs were analysed), no table read
            CliRun estimated = diff(dev, prod, "--counts", "--no-history");
            assertThat(estimated.out())
                    .contains("Rows      estimates: ")
                    .containsPattern("public\\.webhook_logs +source 683 +target 13");

            // by default the data-losing changes are written commented out; applied, they are the differences left
            try (ScratchDatabase copy = ScratchDatabase.create(Engine.POSTGRESQL, "diff fr03 prod copy")) {
                fr03(copy, "prod");
                CliRun careful = diff(dev, copy, "--format", "sql");
                assertThat(careful.out())
                        .contains(
                                "-- DATA LOSS, not run (--allow-destructive runs it): drop column public.store_settings.usage_flags")
                        .contains("-- ALTER TABLE \"public\".\"store_settings\" DROP COLUMN \"usage_flags\";")
                        .contains(
                                "-- DATA LOSS, not run (--allow-destructive runs it): change column public.products.description_validated_at (type)")
                        .contains("-- Migration history (this script does not write it");
                run(copy, careful.out());
                assertThat(differences(diff(dev, copy, "--format", "json", "--no-history")))
                        .containsExactlyInAnyOrder(
                                "MISSING_COLUMN public.store_settings.usage_flags (missing in source)",
                                "COLUMN_TYPE_DIFFERS public.products.description_validated_at: timestamp without time zone | timestamp with time zone");
            }

            roundTrip(dev, prod, db -> fr03(db, "prod"), List.of(), List.of(), fr03History(), Set.of(), dir);
        }
    }

    // ---- MariaDB: staging against production after V3 failed there

    private static void mariadb(ScratchDatabase db, String side) {
        load(db, "mariadb-common.sql");
        load(db, "mariadb-" + side + ".sql");
    }

    @Test
    void mariadbMissingTableMissingColumnSequenceAndAFailedMigration(@TempDir Path dir) throws Exception {
        try (ScratchDatabase staging = ScratchDatabase.create(Engine.MARIADB, "diff maria staging");
                ScratchDatabase production = ScratchDatabase.create(Engine.MARIADB, "diff maria production")) {
            mariadb(staging, "staging");
            mariadb(production, "production");

            CliRun run = diff(staging, production, "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            String s = staging.name();
            assertThat(differences(run))
                    .containsExactlyInAnyOrder(
                            "MISSING_TABLE " + s + ".invoices (missing in target)",
                            "MISSING_COLUMN " + s + ".orders.note (missing in target)",
                            "MISSING_SEQUENCE " + s + ".invoice_numbers (missing in target)",
                            "MIGRATION_STATE_DIFFERS 3: applied | failed");
            assertThat(json(run).at("/databases/target/engine").asText()).isEqualTo("mariadb");

            CliRun sql = diff(staging, production, "--format", "sql");
            String p = "`" + production.name() + "`";
            assertThat(sql.out())
                    .contains("CREATE SEQUENCE " + p + ".`invoice_numbers` START WITH 1000")
                    .contains("CREATE TABLE " + p + ".`invoices` (")
                    .contains("`status` enum('open','paid') NOT NULL DEFAULT 'open'")
                    .contains("CONSTRAINT `invoices_amount_chk` CHECK (`amount` >= 0)")
                    .contains("ALTER TABLE " + p + ".`orders` ADD COLUMN `note` varchar(255) NULL")
                    .contains("ALTER TABLE " + p
                            + ".`invoices` ADD CONSTRAINT `invoices_order_fk` FOREIGN KEY (`order_id`) REFERENCES " + p
                            + ".`orders` (`id`)")
                    .contains("MariaDB commits each DDL statement")
                    .doesNotContain("BEGIN;");

            roundTrip(
                    staging,
                    production,
                    db -> mariadb(db, "production"),
                    List.of(),
                    List.of(),
                    Set.of("MIGRATION_STATE_DIFFERS 3: applied | failed"),
                    Set.of(),
                    dir);
        }
    }

    // ---- every kind of difference on PostgreSQL, and the script for each

    private static final String[] AUDIT_SCOPE = {
        "--source-schema", "public", "--source-schema", "audit", "--target-schema", "public", "--target-schema", "audit"
    };

    @Test
    void everyKindOfPostgresDifferenceIsFoundFixedAndRolledBack(@TempDir Path dir) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds target")) {
            load(source, "pg-every-kind-source.sql");
            load(target, "pg-every-kind-target.sql");

            CliRun run = diff(source, target, withFormat("json", AUDIT_SCOPE));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            String seq = " INCREMENT 1 MIN 1 MAX 9223372036854775807 CACHE 1 NO CYCLE";
            assertThat(differences(run))
                    .containsExactlyInAnyOrder(
                            "MISSING_SCHEMA audit (missing in target)",
                            "MISSING_TABLE audit.events (missing in target)",
                            "MISSING_ENUM public.priority (missing in target)",
                            "ENUM_VALUES_DIFFER public.status: new, paid, shipped, cancelled | new, paid, cancelled",
                            "SEQUENCE_DIFFERS public.invoice_no: bigint START 1000" + seq + " | bigint START 1" + seq,
                            "MISSING_SEQUENCE public.legacy_seq (missing in source)",
                            "COLUMN_EXTRA_DIFFERS public.customers.id: generated by default as identity | null",
                            "COLUMN_NULLABILITY_DIFFERS public.customers.email: NOT NULL | NULL",
                            "COLUMN_NULLABILITY_DIFFERS public.customers.region: NOT NULL | NULL",
                            "COLUMN_DEFAULT_DIFFERS public.customers.region: 'eu'::text | 'us'::text",
                            "CONSTRAINT_NAME_DIFFERS public.customers.customers_email_key: customers_email_key | customers_email_unique",
                            "INDEX_NAME_DIFFERS public.order_lines.order_lines_sku_idx: order_lines_sku_idx | order_lines_by_sku",
                            "MISSING_INDEX public.order_lines.order_lines_qty_idx (missing in source)",
                            "UNIQUE_COLUMNS_DIFFER public.order_lines.order_lines_sku_line_key: UNIQUE (order_id, sku) | UNIQUE (sku)",
                            "INDEX_DEFINITION_DIFFERS public.orders.orders_customer_placed_idx: "
                                    + "CREATE INDEX orders_customer_placed_idx ON public.orders USING btree (customer_id, placed_at DESC)"
                                    + " | CREATE INDEX orders_customer_placed_idx ON public.orders USING btree (customer_id, placed_at)",
                            "INDEX_UNIQUENESS_DIFFERS public.orders.orders_invoice_uq: unique | not unique",
                            "INDEX_PREDICATE_DIFFERS public.orders.orders_open_idx: (status = 'new'::status) | (status <> 'cancelled'::status)",
                            "FOREIGN_KEY_ACTIONS_DIFFER public.orders.orders_customer_id_fkey: FOREIGN KEY (customer_id) REFERENCES"
                                    + " public.customers (id) ON DELETE CASCADE | FOREIGN KEY (customer_id) REFERENCES public.customers (id)",
                            "CHECK_DIFFERS public.orders.orders_total_positive: CHECK (total > 0::numeric) | CHECK (total >= 0::numeric)",
                            "COLUMN_NULLABILITY_DIFFERS public.settings.scope: NOT NULL | NULL",
                            "PRIMARY_KEY_DIFFERS public.settings.settings_pkey: PRIMARY KEY (key, scope) | PRIMARY KEY (key)",
                            "MISSING_COLUMN public.tags.priority (missing in target)");

            CliRun sql = diff(
                    source,
                    target,
                    AUDIT_SCOPE[0],
                    AUDIT_SCOPE[1],
                    AUDIT_SCOPE[2],
                    AUDIT_SCOPE[3],
                    AUDIT_SCOPE[4],
                    AUDIT_SCOPE[5],
                    AUDIT_SCOPE[6],
                    AUDIT_SCOPE[7],
                    "--format",
                    "sql");
            String script = sql.out();
            // a new enum value must be committed before it is used: it comes before the transaction
            assertThat(script.indexOf("ALTER TYPE \"public\".\"status\" ADD VALUE 'shipped' AFTER 'paid'"))
                    .isPositive()
                    .isLessThan(script.indexOf("BEGIN;"));
            // schema, then type, then the table and column that use them
            assertThat(script.indexOf("CREATE SCHEMA \"audit\""))
                    .isLessThan(script.indexOf("CREATE TABLE \"audit\".\"events\""));
            assertThat(script.indexOf("CREATE TYPE \"public\".\"priority\""))
                    .isLessThan(script.indexOf("ADD COLUMN \"priority\""));
            assertThat(script)
                    .contains("-- DATA LOSS, not run (--allow-destructive runs it): drop sequence public.legacy_seq")
                    .contains(
                            "ALTER TABLE \"public\".\"customers\" RENAME CONSTRAINT \"customers_email_unique\" TO \"customers_email_key\"")
                    .contains("ALTER INDEX \"public\".\"order_lines_by_sku\" RENAME TO \"order_lines_sku_idx\"")
                    .contains(
                            "ALTER TABLE \"public\".\"customers\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY")
                    .contains("ALTER SEQUENCE \"public\".\"invoice_no\" AS bigint START WITH 1000");

            // PostgreSQL cannot drop an enum value: the rollback says so, and that one difference stays
            roundTrip(
                    source,
                    target,
                    db -> load(db, "pg-every-kind-target.sql"),
                    List.of(AUDIT_SCOPE),
                    List.of(AUDIT_SCOPE),
                    Set.of(),
                    Set.of("ENUM_VALUES_DIFFER public.status: new, paid, cancelled | new, paid, shipped, cancelled"),
                    dir);
        }
    }

    // ---- the round trip: fix a copy of the target, then roll it back

    /**
     * Builds a copy of the target, writes the fix script (destructive statements allowed) and its rollback for it,
     * applies the fix: the copy is then like the source but for {@code leftAfterFix} (migration history, which a
     * schema script does not write); applies the rollback: the copy is like the target again, but for
     * {@code leftAfterRollback} (what the rollback says it cannot undo).
     */
    private static void roundTrip(
            ScratchDatabase source,
            ScratchDatabase target,
            Consumer<ScratchDatabase> buildTarget,
            List<String> scope,
            List<String> targetScope,
            Set<String> leftAfterFix,
            Set<String> leftAfterRollback,
            Path dir)
            throws Exception {
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
            assertThat(differences(back))
                    .as(Files.readString(rollback))
                    .containsExactlyInAnyOrderElementsOf(leftAfterRollback);
            assertThat(back.exitCode()).isEqualTo(leftAfterRollback.isEmpty() ? 0 : 1);
        }
    }

    private static String[] withFormat(String format, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", format));
        return all.toArray(String[]::new);
    }
}
