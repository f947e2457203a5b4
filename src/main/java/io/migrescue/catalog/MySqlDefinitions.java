package io.migrescue.catalog;

import io.migrescue.model.DefinedObject;
import io.migrescue.model.MySqlColumnExtra;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that create MySQL and MariaDB views, routines, triggers, table comments and partitioning from what
 * {@code information_schema} says of them, and the text they are compared by. No DEFINER: the statement runs as the
 * one who runs the script. Names of the object's own schema are written quoted ({@code `app`.`orders`}), so a mapped
 * target can have them renamed; the compared text leaves them out and folds white space.
 */
public final class MySqlDefinitions {
    /** A body with statements of its own ({@code BEGIN … END}) goes between DELIMITER lines, as the client needs. */
    static final String DELIMITER = "$$";

    private MySqlDefinitions() {}

    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    static String literal(String value) {
        return MySqlColumnExtra.literal(value);
    }

    static DefinedObject view(
            String schema, String name, String body, String algorithm, String security, String checkOption) {
        String check =
                checkOption == null || checkOption.equals("NONE") ? "" : " WITH " + checkOption + " CHECK OPTION";
        String create = "CREATE ALGORITHM=" + algorithm + " SQL SECURITY " + security + " VIEW "
                + qualified(schema, name) + " AS " + ownNamesQuoted(body.strip(), schema) + check;
        return object("view", schema, name, create, "DROP VIEW " + qualified(schema, name));
    }

    static DefinedObject trigger(String schema, String name, String table, String timing, String event, String body) {
        String create = "CREATE TRIGGER " + qualified(schema, name) + " " + timing + " " + event + " ON "
                + qualified(schema, table) + " FOR EACH ROW " + ownNamesQuoted(body.strip(), schema);
        return object("trigger", schema, table + "." + name, create, "DROP TRIGGER " + qualified(schema, name));
    }

    static DefinedObject routine(
            String schema,
            String name,
            String kind,
            List<String> parameters,
            String returns,
            String body,
            boolean deterministic,
            String dataAccess,
            String security,
            String comment) {
        boolean function = kind.equals("FUNCTION");
        String create = "CREATE " + kind + " " + qualified(schema, name) + "(" + String.join(", ", parameters) + ")"
                + (function ? " RETURNS " + returns : "")
                + "\n    " + (deterministic ? "DETERMINISTIC" : "NOT DETERMINISTIC") + "\n    " + dataAccess
                + "\n    SQL SECURITY " + security
                + (comment == null || comment.isEmpty() ? "" : "\n    COMMENT " + literal(comment))
                + "\n" + ownNamesQuoted(body == null ? "" : body.strip(), schema);
        return object(
                kind.toLowerCase(Locale.ROOT), schema, name, create, "DROP " + kind + " " + qualified(schema, name));
    }

    static DefinedObject tableComment(String schema, String table, String comment) {
        return new DefinedObject(
                "comment",
                schema,
                table,
                comment,
                "ALTER TABLE " + qualified(schema, table) + " COMMENT = " + literal(comment),
                "ALTER TABLE " + qualified(schema, table) + " COMMENT = ''");
    }

    /** One partition as {@code PARTITION BY … (…)} lists it. */
    static String partition(String method, String name, String bound) {
        String m = method.toUpperCase(Locale.ROOT);
        String limit = bound != null && bound.equals("MAXVALUE") && m.equals("RANGE") ? bound : "(" + bound + ")";
        String values = m.startsWith("RANGE")
                ? " VALUES LESS THAN " + limit
                : m.startsWith("LIST") ? " VALUES IN (" + bound + ")" : "";
        return "PARTITION " + quote(name) + values;
    }

    /**
     * How a table is partitioned: compared as a whole (method, expression, each partition on a line of its own) and
     * fixed partition by partition where the method and expression agree ({@code MySqlPartitionChanges}).
     */
    record Partitioning(String schema, String table, String method, String expression, List<String> partitions) {
        DefinedObject object() {
            String head = method + " (" + (expression == null ? "" : ownNamesQuoted(expression, schema)) + ")";
            // hash and key partitions named by the server (p0, p1, …) are written by count, as they were made
            boolean counted = !method.contains("RANGE")
                    && !method.contains("LIST")
                    && java.util.stream.IntStream.range(0, partitions.size())
                            .allMatch(i -> partitions.get(i).equals("PARTITION `p" + i + "`"));
            String create = "ALTER TABLE " + qualified(schema, table) + " PARTITION BY " + head
                    + (counted ? " PARTITIONS " + partitions.size() : "\n(" + String.join(",\n ", partitions) + ")");
            String definition = ownNamesLeftOut(head, schema) + "\n" + String.join("\n", partitions);
            return new DefinedObject(
                    "partitioning",
                    schema,
                    table,
                    definition,
                    create,
                    "ALTER TABLE " + qualified(schema, table) + " REMOVE PARTITIONING");
        }
    }

    private static DefinedObject object(String kind, String schema, String name, String create, String drop) {
        String definition =
                ownNamesLeftOut(create, schema).replaceAll("\\s+", " ").strip();
        return new DefinedObject(kind, schema, name, definition, delimited(create), drop);
    }

    /** {@code app.orders} and {@code `app`.orders} both as {@code `app`.orders}: one spelling to compare, rename. */
    static String ownNamesQuoted(String text, String schema) {
        Pattern bare = Pattern.compile("(?<![\\w$`.])" + Pattern.quote(schema) + "\\.(?=[\\w$`])");
        return bare.matcher(text).replaceAll(Matcher.quoteReplacement(quote(schema) + "."));
    }

    static String ownNamesLeftOut(String text, String schema) {
        return text.replace(quote(schema) + ".", "");
    }

    private static String delimited(String create) {
        return create.contains(";") ? "DELIMITER " + DELIMITER + "\n" + create + DELIMITER + "\nDELIMITER " : create;
    }
}
