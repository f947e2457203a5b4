package io.migrescue.diagnosis;

import java.util.Locale;
import java.util.Map;

/**
 * Compares a type as written in a migration with the type the catalog reports. Only common spellings are mapped;
 * anything else is compared as written (and reported as not comparable rather than as different).
 */
final class TypeNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("tinyint(1)", "boolean"),
            Map.entry("varchar", "character varying"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("float8", "double precision"),
            Map.entry("double", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"),
            Map.entry("int(11)", "integer"),
            Map.entry("bigint(20)", "bigint"),
            Map.entry("int unsigned", "integer unsigned"),
            Map.entry("int(10) unsigned", "integer unsigned"),
            Map.entry("bigint(20) unsigned", "bigint unsigned"));

    private TypeNames() {}

    static String normalize(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        t = t.replaceAll("^varchar\\(", "character varying(")
                .replaceAll("^decimal\\(", "numeric(")
                .replaceAll("^int\\(\\d+\\)", "integer")
                .replaceAll("^bigint\\(\\d+\\)", "bigint")
                .replaceAll("^char\\(", "character(");
        return ALIASES.getOrDefault(t, t);
    }

    /** Whether a normalized type is one we know how to compare (not an enum, domain or exotic spelling). */
    static boolean comparable(String normalized) {
        return normalized.matches(
                "(integer|bigint|smallint|boolean|text|character varying(\\(\\d+\\))?|character\\(\\d+\\)"
                        + "|numeric(\\(\\d+(,\\s?\\d+)?\\))?|timestamp (with|without) time zone|date|double precision|real|json|jsonb|uuid"
                        + "|datetime(\\(\\d\\))?|longtext|mediumtext|tinyint|integer unsigned|bigint unsigned)");
    }
}
