package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * node-pg-migrate (PostgreSQL only), as version 9.0 does it (dist/legacy runner.js, migration.js, sqlMigration.js;
 * proven with the real tool in NodePgMigrateRealToolIT). Its history is {@code pgmigrations (id serial PRIMARY KEY,
 * name varchar(255) NOT NULL, run_on timestamp NOT NULL)} ({@code --migrations-table}, in {@code --migrations-schema}
 * or the first {@code --schema}): one row per migration that succeeded, keyed by the file name without its extension,
 * and read back ordered by {@code run_on, id}. A failed migration leaves no row. Its lock is a session advisory lock
 * ({@code pg_try_advisory_lock(7241865325823964)}) that ends with the run's connection, so no table holds it.
 *
 * <p>Every migration runs in a transaction (the CLI puts the whole run in one, {@code --single-transaction}), unless
 * its {@code up} calls {@code pgm.noTransaction()}: then the run commits, and each of its statements commits alone,
 * so a failure leaves the statements before it in place. An SQL migration always runs in the transaction.
 */
final class NodePgMigrateTool extends MigrationTool {
    static final String TOOL = "node-pg-migrate";
    private static final List<String> EXTENSIONS = List.of(".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".sql");
    private static final Pattern UP = marker("up");
    private static final Pattern DOWN = marker("down");
    /** What tells a JavaScript/TypeScript file as node-pg-migrate's: it calls the migration builder, {@code pgm}. */
    private static final Pattern BUILDER =
            Pattern.compile("\\bpgm\\s*\\.\\s*\\w+\\s*\\(|\\bMigrationBuilder\\b|['\"]node-pg-migrate['\"]");

    private static final String MICROSECOND = "INTERVAL '1 microsecond'";
    private static final DateTimeFormatter UTC_PREFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /**
     * node-pg-migrate's order (utils/comparators.js): by the number in front, a 17-digit one read as a UTC instant
     * {@code yyyyMMddHHmmssSSS} (its {@code utc} file names) and any other as the number itself; then by name.
     */
    static final Comparator<String> ORDER = Comparator.comparing(NodePgMigrateTool::prefixValue)
            .thenComparing(name -> name.replaceAll("\\p{Punct}", "").toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    NodePgMigrateTool() {
        super(
                TOOL,
                "pgmigrations",
                new Refusals(
                        "node-pg-migrate keeps no lock in pgmigrations: it takes a session advisory lock"
                                + " (pg_try_advisory_lock(7241865325823964)) that the server frees when the"
                                + " migrating session ends",
                        "node-pg-migrate has no dirty flag: a migration has a row once it succeeded, or none"),
                "id",
                "name",
                "run_on");
    }

    /** The rows in the order node-pg-migrate reads them ({@code ORDER BY run_on, id}): the order its check compares. */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT name, run_on FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY "
                + dialect.quote("run_on") + ", " + dialect.quote("id");
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("name");
            return new HistoryEntry(name, name, EntryState.APPLIED, Rows.instant(rs, "run_on"), null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }

    /**
     * Inserts {@code (name, run_on)} as a successful {@code up} does ({@code run_on} its {@code NOW()}). A migration
     * that sorts before a recorded one is put in its place among the rows instead: node-pg-migrate's order check
     * compares the rows, read by {@code run_on, id}, with the files, so a row stamped now would make every later
     * {@code up} fail with "Not run migration … is preceding already run migration …". The rows from the first later one
     * on move one microsecond later (a whole run shares one {@code NOW()}, so only a move makes room) and the new row
     * takes that first one's time.
     */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String name = name(file);
        if (HistorySql.entry(h, name).isPresent()) {
            return List.of();
        }
        String table = HistorySql.table(d, h);
        String runOn = HistorySql.column(d, "run_on");
        String insert = "INSERT INTO " + table + " (" + HistorySql.columns(d, "name", "run_on") + ") ";
        List<String> ids = h.entries().stream().map(HistoryEntry::id).toList();
        int first = 0;
        while (first < ids.size() && ORDER.compare(ids.get(first), name) < 0) {
            first++;
        }
        if (first == ids.size()) {
            Timestamps.Value time = Timestamps.databaseClock(d, now);
            return List.of(BoundStatement.of(insert + "VALUES (?, " + time.sql() + ")", name, time.param()));
        }
        List<String> later = ids.subList(first, ids.size());
        String named = " WHERE " + HistorySql.column(d, "name") + " IN ("
                + String.join(", ", later.stream().map(l -> "?").toList()) + ")";
        List<Object> params = new ArrayList<>(List.of(name));
        params.addAll(later);
        return List.of(
                BoundStatement.of(
                        "UPDATE " + table + " SET " + runOn + " = " + runOn + " + " + MICROSECOND + named,
                        later.toArray()),
                BoundStatement.of(
                        insert + "SELECT ?, MIN(" + runOn + ") - " + MICROSECOND + " FROM " + table + named,
                        params.toArray()));
    }

    /** {@code down} deletes the migration's row ({@code DELETE … WHERE name = …}); no row, nothing to do. */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        return HistorySql.deleteEntry(d, h, "name", id);
    }

    /** The row renamed to the file's new name; it keeps its {@code run_on}, so its place in the order. */
    @Override
    public List<BoundStatement> repoint(Dialect d, MigrationHistory h, String recordedId, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        return HistorySql.renameEntry(d, h, "name", recordedId, name(file));
    }

    /**
     * No mark for a migration whose file is gone, and its row stops every {@code up} (the order check meets a name
     * with no file) and {@code down} ("Definitions of migrations … have been deleted"): the row goes.
     */
    @Override
    public List<BoundStatement> recordDeleted(Dialect d, MigrationHistory h, String recordedId, Instant now) {
        return recordRolledBack(d, h, recordedId, List.of(), now);
    }

    /**
     * The migration files of {@code dir} (not its sub-folders; dot files ignored, as node-pg-migrate ignores them) in
     * its order; empty unless a JavaScript/TypeScript file calls {@code pgm} or an SQL file has its
     * {@code -- Up Migration} marker. Each is known by its name without the extension, as {@code pgmigrations} keys it.
     */
    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(dir)) {
            candidates = children.filter(p -> Files.isRegularFile(p) && isMigrationName(fileName(p)))
                    .toList();
        }
        boolean ours = false;
        for (Path p : candidates) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            ours |= fileName(p).toLowerCase(Locale.ROOT).endsWith(".sql")
                    ? UP.matcher(text).find()
                    : BUILDER.matcher(text).find();
        }
        if (!ours) {
            return List.of();
        }
        return candidates.stream()
                .map(p -> {
                    String name = MigrationNames.stem(fileName(p));
                    return new MigrationFile(name, name, p, TOOL);
                })
                .sorted(Comparator.comparing(MigrationFile::id, ORDER))
                .toList();
    }

    /** In a transaction unless {@code up} calls {@code pgm.noTransaction()}; an SQL migration always is. */
    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch(
                "\\.\\s*noTransaction\\s*\\(\\s*\\)",
                "pgm.noTransaction() in the up function of a JavaScript/TypeScript migration (an SQL migration always"
                        + " runs in a transaction: write it as a .js migration calling pgm.sql)"));
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("node-pg-migrate up fails on it (Not run migration … is preceding already run migration …)"
                + " unless run with --no-check-order, which runs it after the later ones and leaves every later"
                + " checked up failing the same way");
    }

    /**
     * From the {@code -- Up Migration} comment to the {@code -- Down Migration} one (or the end); the whole file when it
     * has no such comment. The lines before it stay as empty lines, so statements keep the file's line numbers.
     */
    @Override
    public String upSection(String text) {
        Matcher up = UP.matcher(text);
        if (!up.find()) {
            return text;
        }
        Matcher down = DOWN.matcher(text);
        int end = down.find(up.start()) ? down.start() : text.length();
        long linesBefore =
                text.substring(0, up.start()).chars().filter(c -> c == '\n').count();
        return "\n".repeat((int) linesBefore) + text.substring(up.start(), end);
    }

    private static BigInteger prefixValue(String name) {
        String digits = name.replaceFirst("^(\\d*).*$", "$1");
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        if (digits.length() == 17) {
            try {
                return BigInteger.valueOf(LocalDateTime.parse(digits, UTC_PREFIX)
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli());
            } catch (java.time.format.DateTimeParseException notADate) {
                return new BigInteger(digits); // JavaScript's Date makes NaN of it; the tool fails on such a name
            }
        }
        return new BigInteger(digits);
    }

    /** {@code 1700000000000_users} of {@code 1700000000000_users.js}: the name the tool records. */
    private static String name(MigrationFile file) {
        return MigrationNames.stem(MigrationNames.fileName(file));
    }

    private static boolean isMigrationName(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return !file.startsWith(".")
                && !lower.endsWith(".d.ts")
                && Character.isDigit(file.charAt(0))
                && EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String fileName(Path p) {
        return p.getFileName().toString();
    }

    private static Pattern marker(String direction) {
        // sqlMigration.js: ^\s*--[\s-]*up\s+migration, case-insensitive, multi-line
        return Pattern.compile(
                "^\\s*--[\\s-]*" + direction + "\\s+migration", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    }
}
