package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the XML and the YAML/JSON readers of a Liquibase changelog share: making its changes, finding their lines. */
final class LiquibaseChanges {
    private LiquibaseChanges() {}

    /** The attributes of a {@code sql}/{@code sqlFile} change that say where and how its SQL runs. */
    record SqlOptions(String dbms, String delimiter, Boolean split, Boolean strip) {}

    /** A {@code sql} change, its SQL found from {@code changeLine} (0-based) of the changelog. */
    static LiquibaseChangelog.Change sql(Path file, String sql, String[] lines, int changeLine, SqlOptions o) {
        return new LiquibaseChangelog.Change(
                "sql",
                sql,
                file,
                lineOf(lines, changeLine, sql),
                o.dbms(),
                o.delimiter(),
                o.split(),
                o.strip(),
                "sql",
                null);
    }

    /** A structural change (createTable...), kept as its attributes and columns. */
    static LiquibaseChangelog.Change structural(Path file, String type, int line, String dbms, JsonNode structure) {
        return new LiquibaseChangelog.Change(
                type,
                null,
                file,
                line,
                dbms,
                null,
                null,
                null,
                LiquibaseStructuralChanges.description(type, structure),
                structure);
    }

    /**
     * An {@code sqlFile}: relative to the changelog's folder, or (as Liquibase resolves it against its search path, which
     * migrescue does not know) under the nearest folder above the changelog that holds it; its text is read as it is.
     */
    static LiquibaseChangelog.Change sqlFile(Path changelog, String path, boolean relative, SqlOptions o) {
        Path found = null;
        if (path != null && !path.isBlank()) {
            String bare = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
            for (Path dir = changelog.toAbsolutePath().getParent();
                    dir != null && found == null;
                    dir = relative ? null : dir.getParent()) {
                Path candidate = dir.resolve(bare.startsWith("/") ? bare.substring(1) : bare);
                found = Files.isRegularFile(candidate) ? candidate : null;
            }
        }
        String sql = null;
        if (found != null) {
            try {
                sql = read(found);
            } catch (IOException e) {
                found = null;
            }
        }
        return new LiquibaseChangelog.Change(
                "sqlFile",
                sql,
                found == null ? changelog : found,
                1,
                o.dbms(),
                o.delimiter(),
                o.split(),
                o.strip(),
                path == null ? "sqlFile" : "sqlFile path=" + path,
                null);
    }

    /** The first line from {@code from} that contains {@code marker} (0-based), or {@code from}. */
    static int find(String[] lines, int from, String marker) {
        for (int i = Math.max(0, from); i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i;
            }
        }
        return Math.max(0, from);
    }

    /** The 1-based line the SQL's first line is on, searched from the change's own line; the change's line if not found. */
    static int lineOf(String[] lines, int changeLine, String sql) {
        if (sql == null) {
            return changeLine + 1;
        }
        String first = sql.strip().lines().findFirst().orElse("").strip();
        for (int i = changeLine; i < lines.length && !first.isEmpty(); i++) {
            if (lines[i].contains(first)) {
                int leading = 0;
                while (leading < sql.length() && Character.isWhitespace(sql.charAt(leading))) {
                    leading++;
                }
                // the SQL string starts where its text does: its leading blank lines come before that line
                return i
                        + 1
                        - (int) sql.substring(0, leading)
                                .chars()
                                .filter(ch -> ch == '\n')
                                .count();
            }
        }
        return changeLine + 1;
    }

    static Boolean bool(String value) {
        return value == null || value.isEmpty() ? null : Boolean.valueOf(value.strip());
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
