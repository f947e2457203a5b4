package io.migrescue.backup;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.backup.DefinitionFile.Kind;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements that recreate a PostgreSQL table, built from the catalog snapshot (columns, constraint and index
 * definitions as {@code pg_get_constraintdef}/{@code pg_get_indexdef} gave them) and {@link PostgresDetails}.
 * The snapshot must have been read with {@code search_path} set to {@code pg_catalog} alone, so that every name in
 * those definitions is schema-qualified and the statements mean the same whatever the restoring session's path.
 * Built the same way from the live table at restore time, equal statements mean an unchanged table.
 */
final class PostgresDefinition {
    private static final Comparator<Constraint> PRIMARY_FIRST =
            Comparator.comparing(c -> c.type() == ConstraintType.PRIMARY_KEY ? 0 : 1);

    private PostgresDefinition() {}

    static List<DdlStatement> of(Dialect dialect, Table table, PostgresDetails details) {
        String name = dialect.qualify(table.schema(), table.name());
        List<DdlStatement> out = new ArrayList<>();
        for (PostgresDetails.Sequence s : details.sequences()) {
            if (!s.identity()) {
                // a serial column's sequence: DROP TABLE takes it along, the column default needs it back first
                out.add(new DdlStatement(
                        Kind.SEQUENCE,
                        "CREATE SEQUENCE IF NOT EXISTS " + dialect.qualify(s.schema(), s.name()) + " AS "
                                + s.sequence().dataType() + options(s.sequence())));
            }
        }
        out.add(new DdlStatement(Kind.TABLE, createTable(dialect, table, details, name)));
        for (PostgresDetails.Sequence s : details.sequences()) {
            if (!s.identity()) {
                out.add(new DdlStatement(
                        Kind.OWNED_SEQUENCE,
                        "ALTER SEQUENCE " + dialect.qualify(s.schema(), s.name()) + " OWNED BY " + name + "."
                                + dialect.quote(s.column())));
            }
        }
        table.constraints().stream()
                .filter(c -> !c.isForeignKey())
                .sorted(PRIMARY_FIRST)
                .forEach(c -> out.add(new DdlStatement(Kind.CONSTRAINT, addConstraint(dialect, name, c))));
        Set<String> constraintIndexes = table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY
                        || c.type() == ConstraintType.UNIQUE
                        || c.type() == ConstraintType.EXCLUSION)
                .map(Constraint::name)
                .collect(Collectors.toSet());
        for (Index index : table.indexes()) {
            // a constraint builds its own index; an invalid index is the debris of a failed concurrent build
            if (!constraintIndexes.contains(index.name()) && index.valid() && index.definition() != null) {
                out.add(new DdlStatement(Kind.INDEX, index.definition()));
            }
        }
        for (PostgresDetails.Trigger t : details.triggers()) {
            out.add(new DdlStatement(Kind.TRIGGER, t.definition()));
            String state = switch (t.enabled()) {
                case "D" -> "DISABLE TRIGGER ";
                case "R" -> "ENABLE REPLICA TRIGGER ";
                case "A" -> "ENABLE ALWAYS TRIGGER ";
                default -> null;
            };
            if (state != null) {
                out.add(new DdlStatement(Kind.TRIGGER, "ALTER TABLE " + name + " " + state + dialect.quote(t.name())));
            }
        }
        table.foreignKeys().forEach(c -> out.add(new DdlStatement(Kind.FOREIGN_KEY, addConstraint(dialect, name, c))));
        return out;
    }

    static String addConstraint(Dialect dialect, String qualifiedTable, Constraint c) {
        return "ALTER TABLE " + qualifiedTable + " ADD CONSTRAINT " + dialect.quote(c.name()) + " " + c.definition();
    }

    /** The columns a data file holds: all but generated ones, which the server computes and refuses to be given. */
    static List<String> dataColumns(Table table) {
        return table.columns().stream()
                .filter(c -> !generated(c))
                .map(Column::name)
                .toList();
    }

    private static boolean generated(Column c) {
        return c.extra() != null && c.extra().startsWith("generated always as (");
    }

    private static String createTable(Dialect dialect, Table table, PostgresDetails details, String name) {
        List<String> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            StringBuilder col = new StringBuilder("    ")
                    .append(dialect.quote(c.name()))
                    .append(' ')
                    .append(c.type());
            String collation = details.collations().get(c.name());
            if (collation != null) {
                col.append(" COLLATE ").append(collation);
            }
            String extra = c.extra() == null ? "" : c.extra();
            if (extra.endsWith("as identity")) {
                col.append(' ').append(extra.toUpperCase(Locale.ROOT));
                PostgresDetails.Sequence s = details.sequenceOf(c.name());
                if (s != null) {
                    col.append(" (SEQUENCE NAME ")
                            .append(dialect.qualify(s.schema(), s.name()))
                            .append(options(s.sequence()))
                            .append(')');
                }
            } else if (generated(c)) {
                String expression =
                        extra.substring("generated always as ".length(), extra.length() - " stored".length());
                col.append(" GENERATED ALWAYS AS ").append(expression).append(" STORED");
            } else if (c.defaultValue() != null) {
                col.append(" DEFAULT ").append(c.defaultValue());
            }
            if (!c.nullable()) {
                col.append(" NOT NULL");
            }
            columns.add(col.toString());
        }
        return "CREATE " + (details.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " (\n"
                + String.join(",\n", columns) + "\n)";
    }

    private static String options(io.migrescue.model.Sequence s) {
        return " START WITH " + s.start() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE "
                + s.max() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }
}
