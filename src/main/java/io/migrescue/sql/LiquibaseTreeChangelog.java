package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The changesets of a YAML or JSON Liquibase changelog, each at its line. */
final class LiquibaseTreeChangelog {
    private LiquibaseTreeChangelog() {}

    static List<LiquibaseChangelog.ChangeSet> read(Path file, String text, ObjectMapper mapper) throws IOException {
        JsonNode log = mapper.readTree(text).path("databaseChangeLog");
        String[] lines = text.split("\n", -1);
        List<LiquibaseChangelog.ChangeSet> changeSets = new ArrayList<>();
        int from = 0;
        String rootPath = null;
        for (JsonNode entry : log) {
            if (entry.has("logicalFilePath")) {
                rootPath = entry.path("logicalFilePath").asText();
            }
            JsonNode cs = entry.path("changeSet");
            if (cs.isMissingNode()) {
                continue;
            }
            int line = LiquibaseChanges.find(lines, from, "changeSet");
            from = line;
            List<LiquibaseChangelog.Change> changes = new ArrayList<>();
            for (JsonNode c : cs.path("changes")) {
                Iterator<Map.Entry<String, JsonNode>> it = c.fields();
                if (!it.hasNext()) {
                    continue;
                }
                Map.Entry<String, JsonNode> change = it.next();
                LiquibaseChangelog.Change read = change(file, change.getKey(), change.getValue(), lines, from);
                changes.add(read);
                from = read.source().equals(file) ? Math.max(from, read.line() - 1) : from;
            }
            String logical = text(cs, "logicalFilePath");
            changeSets.add(new LiquibaseChangelog.ChangeSet(
                    cs.path("id").asText(),
                    cs.path("author").asText(),
                    logical != null ? logical : rootPath,
                    text(cs, "dbms"),
                    text(cs, "contextFilter") != null ? text(cs, "contextFilter") : text(cs, "context"),
                    text(cs, "labels"),
                    text(cs, "comment") == null ? "" : text(cs, "comment").strip(),
                    List.copyOf(changes),
                    cs.has("modifySql"),
                    line + 1));
        }
        return changeSets;
    }

    private static LiquibaseChangelog.Change change(Path file, String type, JsonNode c, String[] lines, int from) {
        String dbms = text(c, "dbms");
        LiquibaseChanges.SqlOptions options = new LiquibaseChanges.SqlOptions(
                dbms,
                text(c, "endDelimiter"),
                LiquibaseChanges.bool(text(c, "splitStatements")),
                LiquibaseChanges.bool(text(c, "stripComments")));
        if ("sql".equals(type)) {
            String sql = c.isTextual() ? c.asText() : text(c, "sql");
            return LiquibaseChanges.sql(file, sql, lines, LiquibaseChanges.find(lines, from, "sql"), options);
        }
        if ("sqlFile".equals(type)) {
            return LiquibaseChanges.sqlFile(
                    file, text(c, "path"), "true".equalsIgnoreCase(text(c, "relativeToChangelogFile")), options);
        }
        return LiquibaseChanges.structural(file, type, LiquibaseChanges.find(lines, from, type) + 1, dbms, c);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
