package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The common structural changes of a Liquibase changelog (createTable, addColumn, createIndex, addForeignKeyConstraint,
 * addUniqueConstraint, addNotNullConstraint) as the SQL they mean, so their effects can be compared with the live schema.
 * Types are written as the changelog writes them (Liquibase maps a few, such as {@code datetime} on PostgreSQL, which
 * can make a table look of another shape: the comparison then stops rather than records). Any other change, or one
 * missing what it needs, gives no SQL. This is not Liquibase's SQL generation and is never used for a checksum.
 */
final class LiquibaseStructuralChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiquibaseStructuralChanges() {}

    /** An XML change element as the YAML/JSON tree of the same change: attributes, and {@code columns} of {@code column}. */
    static JsonNode tree(Element e) {
        ObjectNode node = attributes(e);
        ArrayNode columns = JSON.createArrayNode();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element column && "column".equals(column.getLocalName())) {
                ObjectNode c = attributes(column);
                for (Node m = column.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element constraints && "constraints".equals(constraints.getLocalName())) {
                        c.set("constraints", attributes(constraints));
                    }
                }
                columns.add(JSON.createObjectNode().set("column", c));
            }
        }
        node.set("columns", columns);
        return node;
    }

    /**
     * AbstractChange.getDescription: the change's name, then its parameters whose name ends in "name" (not schema or
     * catalog) or is "path", as {@code key=value}, sorted, joined by ", ".
     */
    static String description(String type, JsonNode c) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        c.fields().forEachRemaining(f -> {
            String key = f.getKey().toLowerCase(java.util.Locale.ROOT);
            if (f.getValue().isValueNode()
                    && (key.endsWith("name") && !key.contains("schema") && !key.contains("catalog")
                            || key.equals("path"))) {
                names.add(f.getKey() + "=" + f.getValue().asText());
            }
        });
        return names.isEmpty() ? type : type + " " + String.join(", ", names);
    }

    /** The SQL of the change, or null when it is none of the common ones or lacks what it needs. */
    static String sql(String type, JsonNode c, Engine engine) {
        String table = text(c, "tableName");
        return switch (type) {
            case "createTable" ->
                table == null
                        ? null
                        : "CREATE TABLE " + qualified(c, table) + " (" + String.join(", ", columns(c)) + ")";
            case "addColumn" ->
                table == null
                        ? null
                        : String.join(
                                ";\n",
                                columns(c).stream()
                                        .map(col -> "ALTER TABLE " + qualified(c, table) + " ADD COLUMN " + col)
                                        .toList());
            case "createIndex" ->
                table == null || text(c, "indexName") == null
                        ? null
                        : "CREATE " + (bool(c, "unique") ? "UNIQUE " : "") + "INDEX " + text(c, "indexName") + " ON "
                                + qualified(c, table) + " (" + String.join(", ", names(c)) + ")";
            case "addForeignKeyConstraint" ->
                text(c, "baseTableName") == null || text(c, "referencedTableName") == null
                        ? null
                        : "ALTER TABLE " + text(c, "baseTableName") + " ADD CONSTRAINT " + text(c, "constraintName")
                                + " FOREIGN KEY ("
                                + text(c, "baseColumnNames") + ") REFERENCES " + text(c, "referencedTableName") + " ("
                                + text(c, "referencedColumnNames") + ")" + action(" ON DELETE ", text(c, "onDelete"))
                                + action(" ON UPDATE ", text(c, "onUpdate"));
            case "addUniqueConstraint" ->
                table == null || text(c, "columnNames") == null
                        ? null
                        : "ALTER TABLE " + qualified(c, table) + " ADD "
                                + (text(c, "constraintName") == null
                                        ? ""
                                        : "CONSTRAINT " + text(c, "constraintName") + " ")
                                + "UNIQUE (" + text(c, "columnNames") + ")";
            case "addNotNullConstraint" ->
                table == null || text(c, "columnName") == null
                        ? null
                        : engine == Engine.POSTGRESQL
                                ? "ALTER TABLE " + qualified(c, table) + " ALTER COLUMN " + text(c, "columnName")
                                        + " SET NOT NULL"
                                : text(c, "columnDataType") == null
                                        ? null
                                        : "ALTER TABLE " + qualified(c, table) + " MODIFY " + text(c, "columnName")
                                                + " " + text(c, "columnDataType") + " NOT NULL";
            default -> null;
        };
    }

    private static List<String> columns(JsonNode c) {
        List<String> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode entry : c.path("columns")) {
            JsonNode col = entry.path("column");
            String name = text(col, "name");
            if (name == null || text(col, "type") == null) {
                continue;
            }
            JsonNode k = col.path("constraints");
            StringBuilder def = new StringBuilder(name + " " + text(col, "type"));
            if (bool(col, "autoIncrement")) {
                def.append(" GENERATED BY DEFAULT AS IDENTITY");
            }
            String value = text(col, "defaultValue") != null
                    ? "'" + text(col, "defaultValue").replace("'", "''") + "'"
                    : text(col, "defaultValueNumeric") != null
                            ? text(col, "defaultValueNumeric")
                            : text(col, "defaultValueComputed") != null
                                    ? text(col, "defaultValueComputed")
                                    : text(col, "defaultValueBoolean");
            if (value != null) {
                def.append(" DEFAULT ").append(value);
            }
            if (k.has("nullable") && !bool(k, "nullable") || bool(k, "primaryKey")) {
                def.append(" NOT NULL");
            }
            if (bool(k, "unique")) {
                def.append(" UNIQUE");
            }
            if (bool(k, "primaryKey")) {
                keys.add(name);
            }
            if (text(k, "referencedTableName") != null || text(k, "references") != null) {
                String references = text(k, "references") != null
                        ? text(k, "references")
                        : text(k, "referencedTableName") + "(" + text(k, "referencedColumnNames") + ")";
                def.append(text(k, "foreignKeyName") == null ? "" : " CONSTRAINT " + text(k, "foreignKeyName"))
                        .append(" REFERENCES ")
                        .append(references);
            }
            columns.add(def.toString());
        }
        if (!keys.isEmpty()) {
            columns.add("PRIMARY KEY (" + String.join(", ", keys) + ")");
        }
        return columns;
    }

    private static List<String> names(JsonNode c) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : c.path("columns")) {
            String name = text(entry.path("column"), "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static String qualified(JsonNode c, String table) {
        return text(c, "schemaName") == null ? table : text(c, "schemaName") + "." + table;
    }

    private static String action(String clause, String action) {
        return action == null ? "" : clause + action;
    }

    private static ObjectNode attributes(Element e) {
        ObjectNode node = JSON.createObjectNode();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (a.getNamespaceURI() == null) {
                node.put(a.getLocalName() != null ? a.getLocalName() : a.getNodeName(), a.getNodeValue());
            }
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        return "true".equalsIgnoreCase(text(node, field));
    }
}
