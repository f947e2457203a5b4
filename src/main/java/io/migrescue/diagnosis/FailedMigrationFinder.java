package io.migrescue.diagnosis;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Which migration failed: the history says so first (Flyway {@code success = 0}, Prisma unfinished, golang-migrate
 * dirty), the error text second, and otherwise it is the first migration file no history records as applied.
 */
public final class FailedMigrationFinder {
    private FailedMigrationFinder() {}

    /**
     * @param file the migration file, or null when no directory was given or it holds no such file
     */
    public record Target(String tool, String id, MigrationFile file, String foundBy) {}

    public static Optional<Target> find(List<MigrationHistory> history, ParsedError error, List<MigrationFile> files) {
        for (MigrationHistory h : history) {
            for (HistoryEntry e : h.entries()) {
                if (e.state() == EntryState.FAILED || e.state() == EntryState.DIRTY) {
                    return Optional.of(new Target(
                            h.tool(), e.id(), MigrationFiles.find(files, e.id()).orElse(null), "history"));
                }
            }
        }
        if (error != null) {
            for (String named : new String[] {error.migration(), error.version()}) {
                if (named != null) {
                    Optional<MigrationFile> file = MigrationFiles.find(files, named);
                    String id = file.map(MigrationFile::id).orElse(error.version() != null ? error.version() : named);
                    return Optional.of(new Target(
                            file.map(MigrationFile::tool).orElse(null), id, file.orElse(null), "error-text"));
                }
            }
        }
        List<MigrationFile> pending = pending(history, files);
        MigrationFile naming = firstNaming(pending, error);
        if (naming != null) {
            return Optional.of(new Target(naming.tool(), naming.id(), naming, "pending-file-naming-its-object"));
        }
        return pending.stream().findFirst().map(f -> new Target(f.tool(), f.id(), f, "first-pending-file"));
    }

    /**
     * With several pending files and an error that names no migration, the first whose statements name the index or
     * constraint the error is about: one run can apply several files in one transaction (Drizzle's migrator, a pasted
     * script), so the first pending one may be innocent. Null when there is one file, no such name, or no file names
     * it. A table name alone is not enough: earlier files often touch the same table.
     */
    static MigrationFile firstNaming(List<MigrationFile> pending, ParsedError error) {
        if (error == null || error.engine() == null || pending.size() < 2) {
            return null;
        }
        String name = error.objects().index() != null
                ? error.objects().index()
                : error.objects().constraint();
        if (name == null || name.isBlank()) {
            return null;
        }
        java.util.regex.Pattern named = java.util.regex.Pattern.compile(
                "(?<![\\w$])" + java.util.regex.Pattern.quote(name) + "(?![\\w$])",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        for (MigrationFile f : pending) {
            try {
                for (SqlStatement statement : io.migrescue.migration.MigrationStatements.of(f, error.engine())) {
                    if (named.matcher(statement.sql()).find()) {
                        return f;
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file that cannot be read names nothing here; the next one is tried
            }
        }
        return null;
    }

    /** The migration files no history records as applied (nor as below an applied head), in the tools' order. */
    public static List<MigrationFile> pending(List<MigrationHistory> history, List<MigrationFile> files) {
        java.util.Set<String> belowHeads = belowHeads(history, files);
        return files.stream()
                .filter(f -> !belowHeads.contains(f.id()) && history.stream().noneMatch(h -> recorded(h, f)))
                .toList();
    }

    /** Migrations applied by the graph (an Alembic head means every revision below it), whatever their own rows say. */
    static java.util.Set<String> belowHeads(List<MigrationHistory> history, List<MigrationFile> files) {
        java.util.Set<String> applied = new java.util.HashSet<>();
        for (MigrationHistory h : history) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            h.entries().stream().filter(e -> e.state() == EntryState.APPLIED).forEach(e -> ids.add(e.id()));
            io.migrescue.migration.CodeMigrationReaders.forTool(h.tool())
                    .ifPresent(r -> applied.addAll(r.applied(ids, files)));
        }
        return applied;
    }

    static boolean recorded(MigrationHistory h, MigrationFile f) {
        return h.entries().stream()
                .anyMatch(e -> e.state() == EntryState.APPLIED
                        && (sameId(e.id(), f)
                                || sameDrizzleHash(e, f)
                                || "liquibase".equals(h.tool()) && sameChangelog(e.id(), f)));
    }

    /** A Liquibase changelog is keyed per changeset ({@code ID::AUTHOR::FILENAME}): one of its changesets ran, so it is known. */
    private static boolean sameChangelog(String recorded, MigrationFile f) {
        String[] key = recorded.split("::", 3);
        String name = f.path() == null ? null : f.path().getFileName().toString();
        return key.length == 3 && name != null && (key[2].equals(name) || key[2].endsWith("/" + name));
    }

    /**
     * golang-migrate stores 20240115093000 as a number; Laravel and plain files are keyed by name; the Supabase CLI,
     * goose and Atlas key a file {@code 20240115093000_orders.sql} by the number in front.
     */
    private static boolean sameId(String recorded, MigrationFile f) {
        String a = recorded.replaceFirst("^0+(?=\\d)", "");
        String b = f.id().replaceFirst("^0+(?=\\d)", "");
        String number = b.replaceFirst("^(\\d+)_.*$", "$1");
        return a.equalsIgnoreCase(b) || recorded.equalsIgnoreCase(f.name()) || a.equals(number);
    }

    /** A Drizzle row holds the SHA-256 of the file's SQL, not its tag. */
    private static boolean sameDrizzleHash(HistoryEntry e, MigrationFile f) {
        if (!"drizzle".equals(f.tool()) || e.checksum() == null || f.path() == null) {
            return false;
        }
        try {
            return e.checksum().equals(io.migrescue.files.Digests.sha256HexOfText(f.path())); // as Drizzle hashes it
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The statement an error names: by its text when the wrapper carries it, else by the line. Null if neither fits. */
    public static Integer locate(List<SqlStatement> statements, ParsedError error) {
        if (error == null) {
            return null;
        }
        if (error.statement() != null) {
            String wanted = squash(error.statement());
            for (SqlStatement s : statements) {
                String have = squash(s.sql());
                if (!wanted.isEmpty()
                        && (have.equals(wanted)
                                || have.contains(wanted)
                                || wanted.contains(have) && have.length() > 20)) {
                    return s.number();
                }
            }
        }
        if (error.line() != null) {
            for (SqlStatement s : statements) {
                if (error.line() >= s.line() && error.line() <= s.endLine()) {
                    return s.number();
                }
            }
        }
        return null;
    }

    /**
     * The statement that makes the object an "already exists" error names (a tool such as drizzle-kit prints neither the
     * statement nor the line): the first that creates that table, adds that column or creates that index; or the one
     * adding the key whose rows were refused (orphans, duplicates) under the name the error gives. Null if none.
     */
    public static Integer locateCreating(
            List<StatementWithEffects> statements, FindingKind kind, ErrorObjects objects) {
        if (objects == null
                || kind != FindingKind.TABLE_ALREADY_EXISTS
                        && kind != FindingKind.DUPLICATE_COLUMN
                        && kind != FindingKind.DUPLICATE_INDEX_NAME
                        && kind != FindingKind.FK_ORPHAN_ROWS
                        && kind != FindingKind.DUPLICATE_ROWS
                        && kind != FindingKind.CHECK_VIOLATION) {
            return null;
        }
        for (StatementWithEffects s : statements) {
            for (io.migrescue.sql.Effect e : s.effects()) {
                boolean makes = switch (kind) {
                    case TABLE_ALREADY_EXISTS ->
                        e instanceof io.migrescue.sql.Effect.CreateTable c
                                && c.table().equalsIgnoreCase(String.valueOf(objects.table()));
                    case DUPLICATE_COLUMN ->
                        e instanceof io.migrescue.sql.Effect.AddColumn a
                                && a.column().name().equalsIgnoreCase(String.valueOf(objects.column()))
                                && (objects.table() == null || a.table().equalsIgnoreCase(objects.table()));
                    // the data refused the key the statement adds: the error names it (Django's error has no SQL)
                    case FK_ORPHAN_ROWS, DUPLICATE_ROWS ->
                        e instanceof io.migrescue.sql.Effect.AddConstraint a
                                        && a.constraint().name() != null
                                        && a.constraint().name().equalsIgnoreCase(String.valueOf(objects.constraint()))
                                || e instanceof io.migrescue.sql.Effect.CreateIndex i
                                        && i.unique()
                                        && (i.name() != null
                                                        && i.name()
                                                                .equalsIgnoreCase(String.valueOf(
                                                                        objects.index() != null
                                                                                ? objects.index()
                                                                                : objects.constraint()))
                                                || objects.index() == null
                                                        && objects.constraint() == null
                                                        && sameColumns(i.columns(), objects.column()));
                    // the CHECK the rows refused, by its name, or the table's unnamed one (the server named it)
                    case CHECK_VIOLATION ->
                        e instanceof io.migrescue.sql.Effect.AddConstraint a
                                && "CHECK".equals(a.constraint().kind())
                                && (a.constraint().name() != null
                                        ? a.constraint().name().equalsIgnoreCase(String.valueOf(objects.constraint()))
                                        : objects.table() != null && a.table().equalsIgnoreCase(objects.table()));
                    default ->
                        e instanceof io.migrescue.sql.Effect.CreateIndex i
                                && i.name() != null
                                && i.name()
                                        .equalsIgnoreCase(String.valueOf(
                                                objects.index() != null ? objects.index() : objects.constraint()));
                };
                if (makes) {
                    return s.statement().number();
                }
            }
        }
        return null;
    }

    /** An error that names only the key's columns ({@code Key (a, b)=(…) is duplicated.}). */
    private static boolean sameColumns(List<String> columns, String named) {
        return named != null && String.join(",", columns).equalsIgnoreCase(named.replaceAll("[\\s\"`]", ""));
    }

    private static String squash(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll(";$", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
