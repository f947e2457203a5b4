package io.migrescue.app;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each table as the migrations mean it, for create-missing-table: its last CREATE TABLE, then every later statement
 * that touches only that table (indexes, constraints, comments, column changes) in the same migration and in the
 * migrations after it, up to the failed one (which the tool runs again itself). When it is not known which migration
 * failed (no history, no file named), which later migrations ran is not known either: then only the defining
 * migration's own statements are taken. A DROP forgets the table; a RENAME carries its statements to the new name.
 */
final class MigratedTables {
    private static final Pattern COMMENT_ON = Pattern.compile(
            "(?is)^\\s*COMMENT\\s+ON\\s+(TABLE|COLUMN)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*)");

    /** MySQL/MariaDB: a table's comment is an ALTER TABLE option, which the effects do not model. */
    private static final Pattern TABLE_COMMENT = Pattern.compile(
            "(?is)^\\s*ALTER\\s+TABLE\\s+((?:`[^`]+`|[\\w$]+)(?:\\s*\\.\\s*(?:`[^`]+`|[\\w$]+))?)\\s+COMMENT\\s*=?\\s*'[^']*'\\s*;?\\s*$");

    private MigratedTables() {}

    /**
     * @param files      in the tool's order
     * @param stopBefore the failed migration's file name: it and what follows are not in effect anywhere yet; null: not
     *                   known, so only the defining migration's own later statements are taken
     */
    static Map<String, List<String>> of(List<MigrationFile> files, Engine engine, String stopBefore) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Map<String, MigrationFile> definedIn = new LinkedHashMap<>();
        for (MigrationFile file : files) {
            if (stopBefore != null && file.path().getFileName().toString().equals(stopBefore)) {
                break;
            }
            for (SqlStatement s : MigrationDirectory.statements(file, engine)) {
                apply(tables, definedIn, file, s, StatementEffects.of(s, engine), engine, stopBefore != null);
            }
        }
        return tables;
    }

    private static void apply(
            Map<String, List<String>> tables,
            Map<String, MigrationFile> definedIn,
            MigrationFile file,
            SqlStatement s,
            List<Effect> effects,
            Engine engine,
            boolean laterMigrationsRan) {
        for (Effect e : effects) {
            if (e instanceof Effect.CreateTable c && !c.columns().isEmpty()) {
                tables.put(c.table(), new ArrayList<>(List.of(s.sql())));
                definedIn.put(c.table(), file);
                return;
            }
            if (e instanceof Effect.DropTable d) {
                tables.remove(d.table());
                return;
            }
            if (e instanceof Effect.RenameTable r) {
                List<String> moved = tables.remove(r.from());
                if (moved != null) {
                    moved.add(s.sql());
                    tables.put(r.to(), moved);
                    definedIn.put(r.to(), definedIn.remove(r.from()));
                }
                return;
            }
        }
        String touched = onlyTable(s.sql(), effects, engine);
        if (touched != null && tables.containsKey(touched) && (laterMigrationsRan || definedIn.get(touched) == file)) {
            tables.get(touched).add(s.sql());
        }
    }

    /** The one table every effect of the statement acts on, or null (several tables, data, or not understood). */
    private static String onlyTable(String sql, List<Effect> effects, Engine engine) {
        Matcher comment = COMMENT_ON.matcher(sql);
        if (comment.find()) {
            List<String> parts = new ArrayList<>();
            for (String p : comment.group(2).split("\\.")) {
                String name = p.strip();
                parts.add(
                        name.startsWith("\"")
                                ? name.substring(1, name.length() - 1)
                                : engine == Engine.POSTGRESQL ? name.toLowerCase(Locale.ROOT) : name);
            }
            int table = comment.group(1).equalsIgnoreCase("COLUMN") ? parts.size() - 2 : parts.size() - 1;
            return table >= 0 ? parts.get(table) : null;
        }
        Matcher option = TABLE_COMMENT.matcher(sql);
        if (option.find()) {
            String[] parts = option.group(1).split("\\.");
            String name = parts[parts.length - 1].strip();
            return name.startsWith("`") ? name.substring(1, name.length() - 1) : name;
        }
        String table = null;
        for (Effect e : effects) {
            if (e instanceof Effect.Other
                    || e.tables().size() != 1
                    || table != null && !table.equals(e.tables().get(0))) {
                return null;
            }
            table = e.tables().get(0);
        }
        return table;
    }
}
