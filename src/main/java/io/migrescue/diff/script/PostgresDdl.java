package io.migrescue.diff.script;

import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.QualifiedName;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Sequence;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** PostgreSQL: the whole script in one transaction, so that it applies completely or not at all. */
final class PostgresDdl implements Ddl {
    private final Dialect dialect = Dialect.of(Engine.POSTGRESQL);

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Statements name every object schema-qualified; the search path is for the text taken from the source's catalog
     * (a default's {@code nextval('orders_id_seq')}, an enum type name), which the source printed relative to its own.
     */
    @Override
    public List<String> begin(List<String> targetSchemas) {
        List<String> path = new ArrayList<>(targetSchemas);
        if (!path.contains("public")) {
            path.add("public"); // extensions' functions (gen_random_uuid, uuid_generate_v4) usually live there
        }
        return List.of(
                "BEGIN",
                "SET LOCAL search_path TO " + path.stream().map(dialect::quote).collect(Collectors.joining(", ")));
    }

    /** Lock-safe: a statement that waits longer than this for a lock fails (and the transaction with it), not the app. */
    static final String LOCK_TIMEOUT = "5s";

    @Override
    public List<String> preamble() {
        return List.of("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
    }

    @Override
    public Optional<String> createIndexOnline(QualifiedName table, Index index) {
        return createIndex(table, index)
                .map(sql -> sql.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY "));
    }

    @Override
    public Optional<String> validateConstraint(QualifiedName table, Constraint constraint) {
        boolean checkable = constraint.isForeignKey() || constraint.type() == io.migrescue.model.ConstraintType.CHECK;
        boolean alreadyNotValid =
                constraint.definition() != null && constraint.definition().endsWith(" NOT VALID");
        return checkable && !alreadyNotValid ? validateConstraint(table, constraint.name()) : Optional.empty();
    }

    @Override
    public Optional<String> validateConstraint(QualifiedName table, String constraint) {
        return Optional.of("ALTER TABLE " + name(table) + " VALIDATE CONSTRAINT " + dialect.quote(constraint));
    }

    @Override
    public List<String> end() {
        return List.of("COMMIT");
    }

    @Override
    public String schemaKeyword() {
        return "SCHEMA";
    }

    @Override
    public Optional<String> createEnum(QualifiedName type, List<String> labels) {
        return Optional.of("CREATE TYPE " + name(type) + " AS ENUM ("
                + labels.stream().map(SqlText::literal).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String addEnumValue(QualifiedName type, String label, String after, String before) {
        String where = after != null
                ? " AFTER " + SqlText.literal(after)
                : before != null ? " BEFORE " + SqlText.literal(before) : "";
        return "ALTER TYPE " + name(type) + " ADD VALUE " + SqlText.literal(label) + where;
    }

    @Override
    public String dropEnum(QualifiedName type) {
        return "DROP TYPE " + name(type);
    }

    @Override
    public String sequenceOptions(Sequence s) {
        return " AS " + s.dataType() + " START WITH " + s.start() + " INCREMENT BY " + s.increment() + " MINVALUE "
                + s.min() + " MAXVALUE " + s.max() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    @Override
    public String createTable(QualifiedName name, Table table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(c -> lines.add("    " + dialect.quote(c.name()) + " " + columnDefinition(c)));
        table.constraints().stream()
                .filter(c -> !c.isForeignKey())
                .forEach(c -> lines.add("    CONSTRAINT " + dialect.quote(c.name()) + " "
                        + body(c, null).replaceAll(" NOT VALID$", "")));
        return "CREATE TABLE " + name(name) + " (\n" + String.join(",\n", lines) + "\n)"
                + (table.partitionBy() == null ? "" : " PARTITION BY " + table.partitionBy());
    }

    @Override
    public String renameTable(QualifiedName from, String to) {
        return "ALTER TABLE " + name(from) + " RENAME TO " + dialect.quote(to);
    }

    @Override
    public Optional<List<String>> alterColumn(QualifiedName table, Column from, Column to, Set<DifferenceKind> kinds) {
        String alter = "ALTER TABLE " + name(table) + " ALTER COLUMN " + dialect.quote(to.name()) + " ";
        String fromExtra = extra(from);
        String toExtra = extra(to);
        boolean generated =
                fromExtra.startsWith("generated always as (") || toExtra.startsWith("generated always as (");
        if (kinds.contains(DifferenceKind.COLUMN_EXTRA_DIFFERS) && generated) {
            return Optional.empty(); // a stored generated column cannot be made or unmade in place
        }
        List<String> out = new ArrayList<>();
        if (kinds.contains(DifferenceKind.COLUMN_TYPE_DIFFERS)) {
            out.add(alter + "TYPE " + to.type() + " USING " + dialect.quote(to.name()) + "::" + to.type());
        }
        if (kinds.contains(DifferenceKind.COLUMN_NULLABILITY_DIFFERS)) {
            out.add(alter + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (kinds.contains(DifferenceKind.COLUMN_DEFAULT_DIFFERS)) {
            out.add(alter + (to.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (kinds.contains(DifferenceKind.COLUMN_EXTRA_DIFFERS)) {
            if (toExtra.isEmpty()) {
                out.add(0, alter + "DROP IDENTITY"); // before DROP NOT NULL: an identity column cannot be nullable
            } else if (fromExtra.isEmpty()) {
                out.add(alter + "ADD " + toExtra.toUpperCase(Locale.ROOT));
            } else {
                out.add(alter + (toExtra.contains("always") ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT"));
            }
        }
        return Optional.of(out);
    }

    /**
     * The catalog's own definition with the table put in the target's name ({@code CREATE INDEX i ON public.t USING
     * gin (tags)}): it keeps sort order, operator classes, INCLUDE, storage parameters and the predicate.
     */
    @Override
    public Optional<String> createIndex(QualifiedName table, Index index) {
        String definition = index.definition();
        int on = definition == null ? -1 : definition.indexOf(" ON ");
        int using = on < 0 ? -1 : definition.indexOf(" USING ", on);
        if (using < 0) {
            return Optional.of(
                    "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quote(index.name()) + " ON "
                            + name(table) + " USING " + index.method() + " (" + String.join(", ", index.columns()) + ")"
                            + (index.predicate() == null ? "" : " WHERE " + index.predicate()));
        }
        String only = definition.startsWith(" ON ONLY ", on) ? "ONLY " : "";
        return Optional.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quote(index.name())
                + " ON " + only + name(table) + definition.substring(using));
    }

    @Override
    public String dropIndex(QualifiedName table, String index) {
        return "DROP INDEX " + dialect.qualify(table.schema(), index);
    }

    @Override
    public Optional<String> dropIndexOnline(QualifiedName table, String index) {
        return Optional.of("DROP INDEX CONCURRENTLY IF EXISTS " + dialect.qualify(table.schema(), index));
    }

    @Override
    public String renameIndex(QualifiedName table, String index, String to) {
        return "ALTER INDEX " + dialect.qualify(table.schema(), index) + " RENAME TO " + dialect.quote(to);
    }

    @Override
    public String addConstraint(QualifiedName table, Constraint constraint, QualifiedName referenced) {
        return "ALTER TABLE " + name(table) + " ADD CONSTRAINT " + dialect.quote(constraint.name()) + " "
                + body(constraint, referenced);
    }

    @Override
    public String dropConstraint(QualifiedName table, Constraint constraint) {
        return "ALTER TABLE " + name(table) + " DROP CONSTRAINT " + dialect.quote(constraint.name());
    }

    @Override
    public List<String> renameConstraint(
            QualifiedName table, Constraint constraint, String to, QualifiedName referenced) {
        return List.of("ALTER TABLE " + name(table) + " RENAME CONSTRAINT " + dialect.quote(constraint.name()) + " TO "
                + dialect.quote(to));
    }

    /**
     * A foreign key is written from its parts, its referenced table in the target's name (the source's definition
     * names the source's schema); what the parts do not carry (MATCH FULL, DEFERRABLE, NOT VALID) is kept from the
     * definition. Other constraints are the catalog's definition as it is.
     */
    private String body(Constraint c, QualifiedName referenced) {
        String definition = c.definition() == null ? "" : c.definition();
        if (c.isForeignKey()) {
            String match = definition.contains(" MATCH FULL") ? " MATCH FULL" : "";
            String attributes = definition.contains(" DEFERRABLE INITIALLY DEFERRED")
                    ? " DEFERRABLE INITIALLY DEFERRED"
                    : definition.contains(" DEFERRABLE") ? " DEFERRABLE" : "";
            return SqlText.foreignKey(dialect, c.columns(), c.foreignKey(), referenced, match)
                    + attributes
                    + (definition.endsWith(" NOT VALID") ? " NOT VALID" : "");
        }
        if (c.definition() != null) {
            return c.definition();
        }
        return switch (c.type()) {
            case PRIMARY_KEY -> "PRIMARY KEY " + SqlText.columns(dialect, c.columns());
            case UNIQUE -> "UNIQUE " + SqlText.columns(dialect, c.columns());
            case CHECK -> "CHECK (" + c.checkExpression() + ")";
            default -> throw new IllegalArgumentException("no definition for " + c.name());
        };
    }

    @Override
    public String columnDefinition(Column c) {
        StringBuilder out = new StringBuilder(c.type());
        String extra = extra(c);
        if (extra.endsWith("as identity")) {
            out.append(' ').append(extra.toUpperCase(Locale.ROOT));
        } else if (extra.startsWith("generated always as (")) {
            out.append(" GENERATED ALWAYS AS ")
                    .append(extra, "generated always as ".length(), extra.length() - " stored".length())
                    .append(" STORED");
        } else if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    private static String extra(Column c) {
        return c.extra() == null ? "" : c.extra();
    }

    private String name(QualifiedName name) {
        return SqlText.name(dialect, name);
    }
}
