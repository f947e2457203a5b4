package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migrescue.model.Engine;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

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
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

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
            int line) {
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
            return read(file).contains("databaseChangeLog");
        } catch (IOException e) {
            return false;
        }
    }

    /** Its changesets in file order. */
    public static List<ChangeSet> changeSets(Path file) throws IOException {
        String text = read(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") ? xml(file, text) : tree(file, text, name.endsWith(".json") ? JSON : YAML);
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

    // --- XML

    private static List<ChangeSet> xml(Path file, String text) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a readable XML changelog: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        String rootPath = emptyToNull(root.getAttribute("logicalFilePath"));
        String[] lines = XML_COMMENT
                .matcher(text)
                .replaceAll(m -> m.group().replaceAll("[^\n]", " "))
                .split("\n", -1);
        List<ChangeSet> changeSets = new ArrayList<>();
        int from = 0;
        for (Element cs : children(root)) {
            if (!"changeSet".equals(cs.getLocalName())) {
                continue;
            }
            int line = find(lines, from, "<changeSet");
            from = line;
            List<Change> changes = new ArrayList<>();
            boolean visitors = false;
            String comment = "";
            for (Element child : children(cs)) {
                String type = child.getLocalName();
                switch (type) {
                    case "comment" -> comment = child.getTextContent().strip();
                    case "modifySql" -> visitors = true;
                    case "preConditions", "rollback", "validCheckSum" -> {
                        // not changes: no part of what runs nor of the checksum
                    }
                    default -> {
                        Change change = xmlChange(file, child, lines, from);
                        changes.add(change);
                        from = change.source().equals(file) ? Math.max(from, change.line() - 1) : from;
                    }
                }
            }
            changeSets.add(new ChangeSet(
                    cs.getAttribute("id"),
                    cs.getAttribute("author"),
                    emptyToNull(cs.getAttribute("logicalFilePath")) != null
                            ? cs.getAttribute("logicalFilePath")
                            : rootPath,
                    emptyToNull(cs.getAttribute("dbms")),
                    contexts(cs),
                    emptyToNull(cs.getAttribute("labels")),
                    comment,
                    List.copyOf(changes),
                    visitors,
                    line + 1));
        }
        return changeSets;
    }

    private static Change xmlChange(Path file, Element e, String[] lines, int from) {
        String type = e.getLocalName();
        String dbms = emptyToNull(e.getAttribute("dbms"));
        String delimiter = emptyToNull(e.getAttribute("endDelimiter"));
        Boolean split = bool(e.getAttribute("splitStatements"));
        Boolean strip = bool(e.getAttribute("stripComments"));
        if ("sql".equals(type)) {
            StringBuilder sql = new StringBuilder();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    sql.append(n.getNodeValue());
                }
            }
            return new Change(
                    type,
                    sql.toString(),
                    file,
                    lineOf(lines, find(lines, from, "<sql"), sql.toString()),
                    dbms,
                    delimiter,
                    split,
                    strip,
                    type,
                    null);
        }
        if ("sqlFile".equals(type)) {
            return sqlFile(
                    file,
                    e.getAttribute("path"),
                    "true".equalsIgnoreCase(e.getAttribute("relativeToChangelogFile")),
                    dbms,
                    delimiter,
                    split,
                    strip);
        }
        JsonNode structure = LiquibaseStructuralChanges.tree(e);
        return new Change(
                type,
                null,
                file,
                find(lines, from, "<" + type) + 1,
                dbms,
                null,
                null,
                null,
                LiquibaseStructuralChanges.description(type, structure),
                structure);
    }

    private static String contexts(Element cs) {
        String context = emptyToNull(cs.getAttribute("contextFilter"));
        return context != null ? context : emptyToNull(cs.getAttribute("context"));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                elements.add(el);
            }
        }
        return elements;
    }

    // --- YAML and JSON

    private static List<ChangeSet> tree(Path file, String text, ObjectMapper mapper) throws IOException {
        JsonNode log = mapper.readTree(text).path("databaseChangeLog");
        String[] lines = text.split("\n", -1);
        List<ChangeSet> changeSets = new ArrayList<>();
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
            int line = find(lines, from, "changeSet");
            from = line;
            List<Change> changes = new ArrayList<>();
            for (JsonNode c : cs.path("changes")) {
                Iterator<Map.Entry<String, JsonNode>> it = c.fields();
                if (!it.hasNext()) {
                    continue;
                }
                Map.Entry<String, JsonNode> change = it.next();
                Change read = treeChange(file, change.getKey(), change.getValue(), lines, from);
                changes.add(read);
                from = read.source().equals(file) ? Math.max(from, read.line() - 1) : from;
            }
            String logical = text(cs, "logicalFilePath");
            changeSets.add(new ChangeSet(
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

    private static Change treeChange(Path file, String type, JsonNode c, String[] lines, int from) {
        String dbms = text(c, "dbms");
        String delimiter = text(c, "endDelimiter");
        Boolean split = bool(text(c, "splitStatements"));
        Boolean strip = bool(text(c, "stripComments"));
        if ("sql".equals(type)) {
            String sql = c.isTextual() ? c.asText() : text(c, "sql");
            return new Change(
                    type,
                    sql,
                    file,
                    lineOf(lines, find(lines, from, "sql"), sql),
                    dbms,
                    delimiter,
                    split,
                    strip,
                    type,
                    null);
        }
        if ("sqlFile".equals(type)) {
            return sqlFile(
                    file,
                    text(c, "path"),
                    "true".equalsIgnoreCase(text(c, "relativeToChangelogFile")),
                    dbms,
                    delimiter,
                    split,
                    strip);
        }
        return new Change(
                type,
                null,
                file,
                find(lines, from, type) + 1,
                dbms,
                null,
                null,
                null,
                LiquibaseStructuralChanges.description(type, c),
                c);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    // --- shared

    /**
     * An {@code sqlFile}: relative to the changelog's folder, or (as Liquibase resolves it against its search path, which
     * migrescue does not know) under the nearest folder above the changelog that holds it; its text is read as it is.
     */
    private static Change sqlFile(
            Path changelog,
            String path,
            boolean relative,
            String dbms,
            String delimiter,
            Boolean split,
            Boolean strip) {
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
        return new Change(
                "sqlFile",
                sql,
                found == null ? changelog : found,
                1,
                dbms,
                delimiter,
                split,
                strip,
                path == null ? "sqlFile" : "sqlFile path=" + path,
                null);
    }

    /** The first line from {@code from} that contains {@code marker} (0-based), or {@code from}. */
    private static int find(String[] lines, int from, String marker) {
        for (int i = Math.max(0, from); i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i;
            }
        }
        return Math.max(0, from);
    }

    /** The 1-based line the SQL's first line is on, searched from the change's own line; the change's line if not found. */
    private static int lineOf(String[] lines, int changeLine, String sql) {
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

    private static Boolean bool(String value) {
        return value == null || value.isEmpty() ? null : Boolean.valueOf(value.strip());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
