package io.migrescue.sql;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The changesets of an XML Liquibase changelog, each at its line (comments blanked so a commented changeset is not found). */
final class LiquibaseXmlChangelog {
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private LiquibaseXmlChangelog() {}

    static List<LiquibaseChangelog.ChangeSet> read(Path file, String text) throws IOException {
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
        String rootPath = LiquibaseChanges.emptyToNull(root.getAttribute("logicalFilePath"));
        String[] lines = XML_COMMENT
                .matcher(text)
                .replaceAll(m -> m.group().replaceAll("[^\n]", " "))
                .split("\n", -1);
        List<LiquibaseChangelog.ChangeSet> changeSets = new ArrayList<>();
        int from = 0;
        for (Element cs : children(root)) {
            if (!"changeSet".equals(cs.getLocalName())) {
                continue;
            }
            int line = LiquibaseChanges.find(lines, from, "<changeSet");
            from = line;
            List<LiquibaseChangelog.Change> changes = new ArrayList<>();
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
                        LiquibaseChangelog.Change change = change(file, child, lines, from);
                        changes.add(change);
                        from = change.source().equals(file) ? Math.max(from, change.line() - 1) : from;
                    }
                }
            }
            changeSets.add(new LiquibaseChangelog.ChangeSet(
                    cs.getAttribute("id"),
                    cs.getAttribute("author"),
                    LiquibaseChanges.emptyToNull(cs.getAttribute("logicalFilePath")) != null
                            ? cs.getAttribute("logicalFilePath")
                            : rootPath,
                    LiquibaseChanges.emptyToNull(cs.getAttribute("dbms")),
                    contexts(cs),
                    LiquibaseChanges.emptyToNull(cs.getAttribute("labels")),
                    comment,
                    List.copyOf(changes),
                    visitors,
                    line + 1));
        }
        return changeSets;
    }

    private static LiquibaseChangelog.Change change(Path file, Element e, String[] lines, int from) {
        String type = e.getLocalName();
        String dbms = LiquibaseChanges.emptyToNull(e.getAttribute("dbms"));
        LiquibaseChanges.SqlOptions options = new LiquibaseChanges.SqlOptions(
                dbms,
                LiquibaseChanges.emptyToNull(e.getAttribute("endDelimiter")),
                LiquibaseChanges.bool(e.getAttribute("splitStatements")),
                LiquibaseChanges.bool(e.getAttribute("stripComments")));
        if ("sql".equals(type)) {
            StringBuilder sql = new StringBuilder();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    sql.append(n.getNodeValue());
                }
            }
            return LiquibaseChanges.sql(
                    file, sql.toString(), lines, LiquibaseChanges.find(lines, from, "<sql"), options);
        }
        if ("sqlFile".equals(type)) {
            return LiquibaseChanges.sqlFile(
                    file,
                    e.getAttribute("path"),
                    "true".equalsIgnoreCase(e.getAttribute("relativeToChangelogFile")),
                    options);
        }
        return LiquibaseChanges.structural(
                file,
                type,
                LiquibaseChanges.find(lines, from, "<" + type) + 1,
                dbms,
                LiquibaseStructuralChanges.tree(e));
    }

    private static String contexts(Element cs) {
        String context = LiquibaseChanges.emptyToNull(cs.getAttribute("contextFilter"));
        return context != null ? context : LiquibaseChanges.emptyToNull(cs.getAttribute("context"));
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
}
