package io.migrescue.migration.rails;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ActiveRecord's names: {@code index_<table>_on_<a>_and_<b>} and {@code fk_rails_<first 10 hex digits of
 * SHA256("<table>_<column>_fk")>} (ActiveRecord::ConnectionAdapters::SchemaStatements#index_name and
 * #foreign_key_name), and the plural a reference's table takes.
 */
public final class RailsNames {
    private RailsNames() {}

    public static String index(String table, List<String> columns) {
        return "index_" + table + "_on_" + String.join("_and_", columns);
    }

    public static String foreignKey(String table, String column) {
        return "fk_rails_"
                + io.migrescue.files.Digests.sha256Hex(table + "_" + column + "_fk")
                        .substring(0, 10);
    }

    /** ActiveSupport's plural for the usual English table names (irregulars and uncountables included). */
    public static String pluralize(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String[] irregular : IRREGULAR) {
            if (w.endsWith(irregular[0])) {
                return word.substring(0, word.length() - irregular[0].length()) + irregular[1];
            }
        }
        if (UNCOUNTABLE.contains(w)) {
            return word;
        }
        if (w.matches(".*[^aeiou]y$")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (w.matches(".*(s|x|z|ch|sh)$")) {
            return word + "es";
        }
        return word + "s";
    }

    private static final String[][] IRREGULAR = {
        {"person", "people"},
        {"man", "men"},
        {"child", "children"},
        {"sex", "sexes"},
        {"move", "moves"},
        {"zombie", "zombies"},
        {"ox", "oxen"},
        {"mouse", "mice"},
        {"matrix", "matrices"},
        {"index", "indices"},
        {"quiz", "quizzes"},
        {"status", "statuses"},
        {"alias", "aliases"},
        {"analysis", "analyses"}
    };
    private static final Set<String> UNCOUNTABLE = Set.of(
            "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police");

    /** ActiveSupport's singular for the common plural table names ({@code users} → {@code user}). */
    static String singular(String table) {
        if (table.endsWith("ies")) {
            return table.substring(0, table.length() - 3) + "y";
        }
        if (table.endsWith("sses")
                || table.endsWith("xes")
                || table.endsWith("ches")
                || table.endsWith("shes")
                || table.endsWith("uses")) {
            return table.substring(0, table.length() - 2);
        }
        if (table.equals("people")) {
            return "person";
        }
        return table.endsWith("s") && !table.endsWith("ss") ? table.substring(0, table.length() - 1) : table;
    }
}
