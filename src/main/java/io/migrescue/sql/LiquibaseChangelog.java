package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migrescue.model.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Liquibase XML, YAML or JSON changelog: its changesets as DATABASECHANGELOG knows them (id, author, logicalFilePath)
 * and their changes. {@code sql} and {@code sqlFile} changes carry their SQL; any other change type (createTable,
 * addColumn...) is kept by its name only, so whoever needs its SQL or its checksum can say it cannot be had.
 * {@code include}/{@code includeAll} are not followed: each changelog file is read on its own, as the history records
 * each changeset under the file that holds it.
 */
public final class LiquibaseChangelog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiquibaseChangelog() {}

    /**
     * One change of a changeset.
     *
     * @param type        the change's name in the changelog: {@code sql}, {@code sqlFile}, {@code createTable}...
     * @param sql         its SQL as written ({@code sql}), or the text of the file ({@code sqlFile}); null for others,
     *                    or when the file of an {@code sqlFile} cannot be found
     * @param source      the file the SQL is in: the changelog, or the {@code sqlFile}'s file
     * @param line        the 1-based line of {@code source} the SQL starts at
     * @param description the change as Liquibase describes it in DESCRIPTION (AbstractChange.getDescription)
     * @param structure   a structural change's attributes and columns (see LiquibaseStructuralChanges), else null
     */
    public record Change(
            String type,
            String sql,
            Path source,
            int line,
            String dbms,
            String endDelimiter,
            Boolean splitStatements,
            Boolean stripComments,
            String description,
            JsonNode structure) {
        public boolean isSql() {
            return "sql".equals(type) || "sqlFile".equals(type);
        }
    }

    /**
     * @param sqlVisitors whether it has {@code modifySql}, which changes its SQL and its checksum
     */
    public record ChangeSet(
            String id,
            String author,
            String logicalFilePath,
            String dbms,
            String contexts,
            String labels,
            String comments,
            List<Change> changes,
            boolean sqlVisitors,
            int line)
            implements LiquibaseChangeSetHeader {
        public String label() {
            return author + ":" + id;
        }

        public boolean runsOn(Engine engine) {
            return LiquibaseChangelog.runsOn(dbms, engine);
        }
    }

    /** Whether the file is an XML, YAML or JSON Liquibase changelog (by its extension and its root). */
    public static boolean isChangelog(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
                || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return LiquibaseChanges.read(file).contains("databaseChangeLog");
        } catch (IOException e) {
            return false;
        }
    }

    /** Its changesets in file order. */
    public static List<ChangeSet> changeSets(Path file) throws IOException {
        String text = LiquibaseChanges.read(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml")
                ? LiquibaseXmlChangelog.read(file, text)
                : LiquibaseTreeChangelog.read(file, text, name.endsWith(".json") ? JSON : YAML);
    }

    /** The SQL statements of its {@code sql}/{@code sqlFile} changes that run on {@code engine}, each at its line. */
    public static List<SqlStatement> statements(Path file, Engine engine) throws IOException {
        List<SqlStatement> all = new ArrayList<>();
        for (ChangeSet cs : changeSets(file)) {
            if (cs.runsOn(engine)) {
                statements(cs, engine).forEach(s -> all.add(new SqlStatement(all.size() + 1, s.sql(), s.line())));
            }
        }
        return all;
    }

    /** The SQL statements of one changeset's {@code sql}/{@code sqlFile} changes that run on {@code engine}, each at its line. */
    public static List<SqlStatement> statements(ChangeSet cs, Engine engine) {
        List<SqlStatement> all = new ArrayList<>();
        for (Change c : cs.changes()) {
            String sql =
                    c.structure() != null ? LiquibaseStructuralChanges.sql(c.type(), c.structure(), engine) : c.sql();
            if (sql != null && runsOn(c.dbms(), engine)) {
                for (SqlStatement s : StatementSplitter.split(sql, engine)) {
                    all.add(new SqlStatement(all.size() + 1, s.sql(), s.line() + c.line() - 1));
                }
            }
        }
        return all;
    }

    /** Liquibase's {@code dbms} attribute: a list of engines, {@code !engine} to exclude, {@code all}/{@code none}. */
    public static boolean runsOn(String dbms, Engine engine) {
        if (dbms == null || dbms.isBlank()) {
            return true;
        }
        String name = engine == Engine.POSTGRESQL ? "postgresql" : engine.id();
        boolean anyPositive = false;
        for (String entry : dbms.toLowerCase(Locale.ROOT).split(",")) {
            String e = entry.strip();
            if (e.equals("!" + name) || e.equals("none")) {
                return false;
            }
            if (e.equals(name) || e.equals("all")) {
                return true;
            }
            anyPositive |= !e.startsWith("!");
        }
        return !anyPositive; // only exclusions of other engines
    }
}
