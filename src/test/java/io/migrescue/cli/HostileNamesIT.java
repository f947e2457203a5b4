package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, identifiers at the edges: a migration whose table, column, index and constraint names are hostile is left
 * half-applied by real Flyway, then diagnosed (the statement map must say applied / failed / not-applied, never
 * unknown), repaired with {@code repair --yes} (it must verify), and Flyway's next run must succeed.
 * <p>
 * The migration: (1) add column C to T, (2) create M with foreign key K to T, (3) rename O to R, (4) create a table
 * someone already made by hand (fails), (5) create index I on T (C). M, O and R are T with a prefix. On PostgreSQL the index is built CONCURRENTLY and
 * Flyway runs the whole script outside a transaction ({@code flyway.mixed}), so (1)–(3) stay in effect as they do on
 * MariaDB, where DDL commits.
 */
class HostileNamesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One name as the migration writes it: {@code quoted} or bare; {@code stored} is what the server keeps (PostgreSQL
     * folds bare names to lower case and keeps the first 63 bytes of any name).
     */
    record Name(String text, boolean quoted, String stored) {
        static Name q(String text, String stored) {
            return new Name(text, true, stored);
        }

        static Name q(String text) {
            return q(text, text);
        }

        static Name bare(String text, String stored) {
            return new Name(text, false, stored);
        }

        Name prefixed(String prefix, Engine engine) {
            boolean folds = !quoted && engine == Engine.POSTGRESQL;
            return new Name(
                    prefix + text,
                    quoted,
                    kept(prefix + (folds ? text.toLowerCase(java.util.Locale.ROOT) : text), engine));
        }

        String sql(Engine engine) {
            if (!quoted) {
                return text;
            }
            return engine == Engine.POSTGRESQL
                    ? "\"" + text.replace("\"", "\"\"") + "\""
                    : "`" + text.replace("`", "``") + "`";
        }
    }

    record Case(String label, Name table, Name column, Name index, Name constraint) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** PostgreSQL's rule for a name longer than NAMEDATALEN - 1 bytes: keep whole characters within 63 bytes. */
    static String kept(String name, Engine engine) {
        if (engine != Engine.POSTGRESQL) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            String c = new String(Character.toChars(cp));
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 63) {
                break;
            }
            kept.append(c);
        }
        return kept.toString();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        Engine pg = Engine.POSTGRESQL;
        Engine maria = Engine.MARIADB;
        all.add(Arguments.of(
                maria, new Case("backticks", Name.q("we`ird"), Name.q("co`l"), Name.q("ix`1"), Name.q("fk`1"))));
        all.add(Arguments.of(
                maria,
                new Case(
                        "quotes, spaces and ;--",
                        Name.q("a;--b \"q\" 'x'"),
                        Name.q("note; DROP TABLE x;--"),
                        Name.q("ix 'q' \"d\" \\"),
                        Name.q("fk;-- \\'"))));
        all.add(Arguments.of(
                maria,
                new Case(
                        "unicode",
                        Name.q("Ünïcödé e\u0301 名前"),
                        Name.q("列 ñ"),
                        Name.q("índice"),
                        Name.q("клю\u0301ч"))));
        all.add(Arguments.of(
                maria,
                new Case(
                        "reserved words and mixed case",
                        Name.bare("MixedCase", "MixedCase"),
                        Name.q("select"),
                        Name.q("Index"),
                        Name.q("Constraint"))));
        all.add(Arguments.of(
                maria,
                new Case(
                        "64 characters",
                        Name.q("t".repeat(62)),
                        Name.q("c".repeat(64)),
                        Name.q("i".repeat(64)),
                        Name.q("k".repeat(64)))));

        all.add(Arguments.of(
                pg, new Case("double quotes", Name.q("we\"ird"), Name.q("co\"l"), Name.q("ix\"1"), Name.q("fk\"1"))));
        all.add(Arguments.of(
                pg,
                new Case(
                        "backticks, quotes, spaces and ;--",
                        Name.q("a;--b `q` 'x'"),
                        Name.q("note; DROP TABLE x;--"),
                        Name.q("ix 'q' \\"),
                        Name.q("fk;-- $$"))));
        all.add(Arguments.of(
                pg,
                new Case(
                        "unicode beyond the BMP",
                        Name.q("emoji 😀 e\u0301"),
                        Name.q("名前"),
                        Name.q("índice 🗂"),
                        Name.q("клю\u0301ч"))));
        all.add(Arguments.of(
                pg,
                new Case(
                        "reserved words and mixed case",
                        Name.bare("MixedCase", "mixedcase"),
                        Name.q("select"),
                        Name.q("Index"),
                        Name.bare("FkMixed", "fkmixed"))));
        String longAscii = "orders_" + "x".repeat(63);
        all.add(Arguments.of(
                pg,
                new Case(
                        "70 bytes, ASCII",
                        Name.bare(longAscii, kept(longAscii, pg)),
                        Name.q("c".repeat(64), kept("c".repeat(64), pg)),
                        Name.q("i".repeat(80), kept("i".repeat(80), pg)),
                        Name.bare("k".repeat(66), kept("k".repeat(66), pg)))));
        all.add(Arguments.of(
                pg,
                new Case(
                        "64+ bytes, multi-byte",
                        Name.q("ñ".repeat(40), kept("ñ".repeat(40), pg)),
                        Name.q("日".repeat(25), kept("日".repeat(25), pg)),
                        Name.q("é".repeat(33), kept("é".repeat(33), pg)),
                        Name.q("😀".repeat(17), kept("😀".repeat(17), pg)))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void halfAppliedMigrationWithHostileNamesIsMappedRepairedAndFlywayGoesOn(Engine engine, Case c, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "hostile " + c.label())) {
            boolean pg = engine == Engine.POSTGRESQL;
            Name t = c.table();
            Name made = t.prefixed("m_", engine);
            Name old = t.prefixed("o_", engine);
            Name renamed = t.prefixed("r_", engine);
            String type = "VARCHAR(40)";
            Map<String, String> settings =
                    pg ? Map.of("flyway.postgresql.transactional.lock", "false", "flyway.mixed", "true") : Map.of();
            Path migrations = dir.resolve("migrations");
            FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of(
                                    "V1__base.sql",
                                    "CREATE TABLE " + t.sql(engine) + " (id BIGINT PRIMARY KEY, note " + type + ");\n"
                                            + "CREATE TABLE " + old.sql(engine) + " (id BIGINT PRIMARY KEY);\n"
                                            + "INSERT INTO " + t.sql(engine)
                                            + " (id, note) VALUES (1, 'a'), (2, 'b');\n"),
                            settings)
                    .migrate();
            db.execute("CREATE TABLE blocker (x INT)"); // made by hand: statement 4 fails on it
            Map<String, String> v2 = new LinkedHashMap<>();
            v2.put(
                    "V2__hostile_names.sql",
                    String.join(
                            "\n",
                            "ALTER TABLE " + t.sql(engine) + " ADD COLUMN "
                                    + c.column().sql(engine) + " " + type + ";",
                            "CREATE TABLE " + made.sql(engine) + " (id BIGINT PRIMARY KEY, t_id BIGINT, CONSTRAINT "
                                    + c.constraint().sql(engine) + " FOREIGN KEY (t_id) REFERENCES " + t.sql(engine)
                                    + " (id));",
                            pg
                                    ? "ALTER TABLE " + old.sql(engine) + " RENAME TO " + renamed.sql(engine) + ";"
                                    : "RENAME TABLE " + old.sql(engine) + " TO " + renamed.sql(engine) + ";",
                            "CREATE TABLE blocker (id BIGINT PRIMARY KEY);",
                            "CREATE INDEX " + (pg ? "CONCURRENTLY " : "")
                                    + c.index().sql(engine) + " ON " + t.sql(engine) + " ("
                                    + c.column().sql(engine) + ");",
                            ""));
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, v2, settings));
            assertThat(failure).as("Flyway V2 fails on statement 4").isNotNull().contains("blocker");
            Path errorFile = dir.resolve("error.txt");
            Files.writeString(errorFile, failure);
            assertThat(exists(db, renamed.stored()))
                    .as("statement 3 took effect: " + renamed.stored())
                    .isTrue();

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    errorFile.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--format",
                    "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            JsonNode partial = finding(JSON.readTree(diagnose.out()), "PARTIALLY_APPLIED");
            List<String> states = new ArrayList<>();
            partial.at("/migration/statements")
                    .forEach(s -> states.add(s.get("state").asText()));
            assertThat(states)
                    .as(diagnose.out())
                    .containsExactly("applied", "applied", "applied", "failed", "not-applied");

            db.execute("DROP TABLE blocker"); // the operator deals with the cause first
            Fingerprint before = Fingerprint.of(db);
            CliRun dryRun = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    errorFile.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("dry").toString(),
                    "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
            assertThat(Fingerprint.of(db)).as("a dry run changes nothing").isEqualTo(before);
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    errorFile.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("backup").toString(),
                    "--format",
                    "json",
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            JsonNode report = JSON.readTree(repair.out());
            assertThat(report.at("/playbook").asText()).isEqualTo("complete-partial-migration");
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/verification").findValuesAsText("holds"))
                    .isNotEmpty()
                    .containsOnly("true");
            assertThat(indexExists(db, t.stored(), c.index().stored()))
                    .as("index " + c.index().stored())
                    .isTrue();

            Files.writeString(
                    migrations.resolve("V3__note.sql"),
                    "ALTER TABLE " + renamed.sql(engine) + " ADD COLUMN extra " + type + ";\n");
            MigrateResult next =
                    FlywayRun.flyway(db, migrations, Map.of(), settings).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM " + Name.q(t.stored()).sql(engine)))
                    .isEqualTo("2");
        }
    }

    /**
     * The second case: a foreign key over orphan rows between tables whose names PostgreSQL cuts to 63 bytes
     * (the error text names the cut table, the migration the whole one), or whose MariaDB names hold backticks; the
     * orphan-rows playbook plans with the names the server stores, verifies, and Flyway's next run succeeds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void orphanRowsUnderLongOrQuotedNames(Engine engine, @TempDir Path dir) throws Exception {
        boolean pg = engine == Engine.POSTGRESQL;
        String longName = "customers_" + "x".repeat(54); // 64 characters
        Name parent = pg ? Name.bare(longName, kept(longName, engine)) : Name.q("cus`tomers");
        Name child = pg
                ? Name.q("Orders ñ " + "é".repeat(30), kept("Orders ñ " + "é".repeat(30), engine))
                : Name.q("or`ders;--");
        Name column = pg
                ? Name.q("customer " + "id".repeat(30), kept("customer " + "id".repeat(30), engine))
                : Name.q("cus`tomer id");
        Name fk = pg ? Name.bare("fk_" + "o".repeat(64), kept("fk_" + "o".repeat(64), engine)) : Name.q("fk`orders;--");
        try (ScratchDatabase db = ScratchDatabase.create(engine, "hostile orphans")) {
            Path migrations = dir.resolve("migrations");
            FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of(
                                    "V1__tables.sql",
                                    String.join(
                                            "\n",
                                            "CREATE TABLE " + parent.sql(engine) + " (id BIGINT PRIMARY KEY);",
                                            "CREATE TABLE " + child.sql(engine) + " (id BIGINT PRIMARY KEY, "
                                                    + column.sql(engine) + " BIGINT);",
                                            "INSERT INTO " + parent.sql(engine) + " (id) VALUES (1), (2);",
                                            "INSERT INTO " + child.sql(engine)
                                                    + " VALUES (10, 1), (11, 2), (12, 99), (13, NULL);",
                                            "")))
                    .migrate();
            Map<String, String> v2 = Map.of(
                    "V2__fk.sql",
                    "ALTER TABLE " + child.sql(engine) + " ADD CONSTRAINT " + fk.sql(engine) + " FOREIGN KEY ("
                            + column.sql(engine) + ") REFERENCES " + parent.sql(engine) + " (id);\n");
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, v2));
            assertThat(failure).isNotNull();
            Path errorFile = dir.resolve("error.txt");
            Files.writeString(errorFile, failure);

            if (pg) {
                CliRun diagnose = CliRun.on(
                        db,
                        "diagnose",
                        "--error-file",
                        errorFile.toString(),
                        "--migrations",
                        migrations.toString(),
                        "--format",
                        "json");
                JsonNode statement =
                        finding(JSON.readTree(diagnose.out()), "FK_ORPHAN_ROWS").at("/migration/statements/0");
                assertThat(statement.get("state").asText()).isEqualTo("failed");
                assertThat(statement.get("reason").asText()).contains("PostgreSQL keeps the first 63: " + fk.stored());
            }
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "fix-orphan-rows",
                    "--error-file",
                    errorFile.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("backup").toString(),
                    "--param",
                    "policy=delete",
                    "--format",
                    "json",
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            JsonNode report = JSON.readTree(repair.out());
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/verification").findValuesAsText("holds"))
                    .isNotEmpty()
                    .containsOnly("true");
            assertThat(db.scalar(
                            "SELECT COUNT(*) FROM " + Name.q(child.stored()).sql(engine)))
                    .isEqualTo("3");

            Files.writeString(
                    migrations.resolve("V3__note.sql"),
                    "ALTER TABLE " + child.sql(engine) + " ADD COLUMN note VARCHAR(40);\n");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    /**
     * The SQL migrescue writes besides playbook DDL: a backup and a restore of tables whose every name is hostile bring
     * schema and rows back exactly; the fix script of a diff, run by the engine's client, leaves no difference.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void backupRestoreAndDiffScriptsQuoteEveryName(Engine engine, @TempDir Path dir) throws Exception {
        boolean pg = engine == Engine.POSTGRESQL;
        Name parent = pg ? Name.q("pa\"rent;--'x' `y` 😀") : Name.q("pa`rent;--'x' \"y\"");
        Name child = pg ? Name.q("ñ".repeat(40), kept("ñ".repeat(40), engine)) : Name.q("Ünï cödé 名");
        // not a backslash right before a backtick: Connector/J 9 reads it as an escape inside a quoted name and
        // miscounts
        // the parameters of a bound statement
        Name column = Name.q(pg ? "co\"l $$" : "co`l \\ x");
        Name reserved = Name.q("select");
        Name fk = Name.q(pg ? "fk;-- " + "é".repeat(33) : "fk;--`");
        Name index = Name.q(pg ? "ix 'q' \"d\"" : "ix 'q' `d`");
        String text = pg ? "text" : "VARCHAR(100)";
        try (ScratchDatabase prod = ScratchDatabase.create(engine, "hostile backup diff prod");
                ScratchDatabase dev = ScratchDatabase.create(engine, "hostile backup diff dev")) {
            for (ScratchDatabase db : List.of(prod, dev)) {
                db.execute(
                        "CREATE TABLE " + parent.sql(engine) + " (id BIGINT PRIMARY KEY, " + column.sql(engine) + " "
                                + text + ")",
                        "CREATE TABLE " + child.sql(engine) + " (id BIGINT PRIMARY KEY, parent_id BIGINT, "
                                + reserved.sql(engine) + " " + text + ", CONSTRAINT " + fk.sql(engine)
                                + " FOREIGN KEY (parent_id) REFERENCES " + parent.sql(engine) + " (id))",
                        "CREATE INDEX " + index.sql(engine) + " ON " + child.sql(engine) + " (" + reserved.sql(engine)
                                + ")",
                        "INSERT INTO " + parent.sql(engine) + " VALUES (1, 'it''s'), (2, NULL)",
                        "INSERT INTO " + child.sql(engine) + " VALUES (10, 1, 'a;--'), (11, 2, 'b'), (12, NULL, NULL)");
            }
            Fingerprint before = Fingerprint.of(prod);
            Path backup = dir.resolve("b");
            CliRun saved = CliRun.on(
                    prod, "backup", "--table", parent.stored(), "--table", child.stored(), "--to", backup.toString());
            assertThat(saved.exitCode()).as(saved.all()).isZero();
            prod.execute(
                    "DELETE FROM " + child.sql(engine) + " WHERE id = 11",
                    "UPDATE " + parent.sql(engine) + " SET " + column.sql(engine) + " = 'changed'",
                    "INSERT INTO " + child.sql(engine) + " VALUES (13, 1, 'added')");
            CliRun restored = CliRun.on(prod, "restore", "--from", backup.toString(), "--yes");
            assertThat(restored.exitCode()).as(restored.all()).isZero();
            assertThat(Fingerprint.of(prod)).isEqualTo(before);

            Name extraColumn = Name.q(pg ? "new \"col\" 日本" : "new `col` 日本");
            Name extraIndex = Name.q(pg ? "ix2 " + "ñ".repeat(35) : "ix2 ;--");
            Name extraTable = Name.q(pg ? "Order" : "Order`s");
            dev.execute(
                    "ALTER TABLE " + parent.sql(engine) + " ADD COLUMN " + extraColumn.sql(engine) + " " + text,
                    "CREATE INDEX " + extraIndex.sql(engine) + " ON " + parent.sql(engine) + " ("
                            + extraColumn.sql(engine) + ")",
                    "CREATE TABLE " + extraTable.sql(engine) + " (id BIGINT PRIMARY KEY, " + reserved.sql(engine) + " "
                            + text + ")");
            CliRun script = DiffPairs.diff(dev, prod, "--format", "sql");
            assertThat(script.exitCode()).as(script.all()).isEqualTo(1);
            DiffPairs.run(prod, script.out());
            CliRun after = DiffPairs.diff(dev, prod, "--format", "json", "--no-history");
            assertThat(DiffPairs.differences(after)).as(script.out()).isEmpty();
        }
    }

    private static JsonNode finding(JsonNode doc, String kind) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " finding in " + doc.get("findings"));
    }

    private static boolean exists(ScratchDatabase db, String table) throws Exception {
        try (var c = db.connect();
                var st = c.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            st.setString(1, db.defaultSchema());
            st.setString(2, table);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static boolean indexExists(ScratchDatabase db, String table, String index) throws Exception {
        String sql = db.engine() == Engine.POSTGRESQL
                ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = ? AND tablename = ? AND indexname = ?"
                : "SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics WHERE table_schema = ? AND table_name = ?"
                        + " AND index_name = ?";
        try (var c = db.connect();
                var st = c.prepareStatement(sql)) {
            st.setString(1, db.defaultSchema());
            st.setString(2, table);
            st.setString(3, index);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
