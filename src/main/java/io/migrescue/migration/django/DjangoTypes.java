package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;

/** Django 3.2–5's column types per backend (django/db/backends/{postgresql,mysql}/base.py {@code data_types}). */
final class DjangoTypes {
    private DjangoTypes() {}

    /** The column type of {@code f}, with AUTO_INCREMENT on MySQL for auto fields; null when it has no known type. */
    static String of(DjangoField f, boolean postgres) {
        String len = f.maxLength().orElse(null);
        return switch (f.kind()) {
            case "AutoField" -> postgres ? "serial" : "integer AUTO_INCREMENT";
            case "BigAutoField" -> postgres ? "bigserial" : "bigint AUTO_INCREMENT";
            case "SmallAutoField" -> postgres ? "smallserial" : "smallint AUTO_INCREMENT";
            case "BinaryField" -> postgres ? "bytea" : "longblob";
            case "BooleanField", "NullBooleanField" -> postgres ? "boolean" : "bool";
            case "CharField" -> len == null ? null : "varchar(" + len + ")";
            case "EmailField" -> "varchar(" + (len == null ? "254" : len) + ")";
            case "SlugField" -> "varchar(" + (len == null ? "50" : len) + ")";
            case "URLField" -> "varchar(" + (len == null ? "200" : len) + ")";
            case "FileField", "ImageField", "FilePathField" -> "varchar(" + (len == null ? "100" : len) + ")";
            case "DateField" -> "date";
            case "DateTimeField" -> postgres ? "timestamp with time zone" : "datetime(6)";
            case "TimeField" -> postgres ? "time" : "time(6)";
            case "DurationField" -> postgres ? "interval" : "bigint";
            case "DecimalField" -> decimal(f);
            case "FloatField" -> "double precision";
            case "IntegerField" -> "integer";
            case "BigIntegerField" -> "bigint";
            case "SmallIntegerField" -> "smallint";
            case "PositiveIntegerField" -> postgres ? "integer" : "integer UNSIGNED";
            case "PositiveBigIntegerField" -> postgres ? "bigint" : "bigint UNSIGNED";
            case "PositiveSmallIntegerField" -> postgres ? "smallint" : "smallint UNSIGNED";
            case "TextField" -> postgres ? "text" : "longtext";
            case "UUIDField" -> postgres ? "uuid" : "char(32)";
            case "JSONField" -> postgres ? "jsonb" : "json";
            case "GenericIPAddressField" -> postgres ? "inet" : "char(39)";
            default -> null;
        };
    }

    /** The type of a column pointing at {@code target} ({@code rel_db_type}): an auto field's plain integer type. */
    static String related(DjangoField target, boolean postgres) {
        return switch (target.kind()) {
            case "AutoField" -> "integer";
            case "BigAutoField" -> "bigint";
            case "SmallAutoField" -> "smallint";
            default -> of(target, postgres);
        };
    }

    /** The CHECK Django adds to a positive integer column, or null. */
    static String check(DjangoField f, String quotedColumn) {
        return f.kind().startsWith("Positive") ? "CHECK (" + quotedColumn + " >= 0)" : null;
    }

    private static String decimal(DjangoField f) {
        var digits =
                f.call().kw("max_digits").filter(v -> v instanceof PyExpr.Num).map(v -> ((PyExpr.Num) v).value());
        var places = f.call()
                .kw("decimal_places")
                .filter(v -> v instanceof PyExpr.Num)
                .map(v -> ((PyExpr.Num) v).value());
        if (digits.isEmpty() || places.isEmpty()) {
            return null;
        }
        return "numeric(" + digits.get() + ", " + places.get() + ")";
    }

    static boolean textLike(String type) {
        return type != null && (type.startsWith("varchar") || type.startsWith("text"));
    }
}
