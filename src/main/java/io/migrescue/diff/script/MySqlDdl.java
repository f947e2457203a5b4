package io.migrescue.diff.script;

import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.QualifiedName;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.MySqlColumnExtra;
import io.migrescue.model.Sequence;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB. DDL commits statement by statement there, so the script is not one transaction; a column is
 * changed with one {@code MODIFY COLUMN} that restates it whole, as the engine requires.
 */
final class MySqlDdl implements Ddl {
    /** How the catalog reader spells a prefix index key part: {@code name(10)}. */
    private static final Pattern KEY_PART = Pattern.compile("^(.+)\\((\\d+)\\)$");

    private final Engine engine;
    private final Dialect dialect;

    MySqlDdl(Engine engine) {
        this.engine = engine;
        this.dialect = Dialect.of(engine);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public List<String> begin(List<String> targetSchemas) {
        return List.of();
    }

    @Override
    public List<String> end() {
        return List.of();
    }

    @Override
    public String schemaKeyword() {
        return "DATABASE";
    }

    @Override
    public Optional<String> createEnum(QualifiedName type, List<String> labels) {
        return Optional.empty(); // MySQL enums live in the column type
    }

    @Override
    public String addEnumValue(QualifiedName type, String label, String after, String before) {
        throw new UnsupportedOperationException("MySQL enums live in the column type");
    }

    @Override
    public String dropEnum(QualifiedName type) {
        throw new UnsupportedOperationException("MySQL enums live in the column type");
    }

    @Override
    public String sequenceOptions(Sequence s) {
        return " START WITH " + s.start() + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " INCREMENT BY "
                + s.increment() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NOCYCLE");
    }

    @Override
    public String createTable(QualifiedName name, Table table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(c -> lines.add("    " + dialect.quote(c.name()) + " " + column(c)));
        for (Constraint c : table.constraints()) {
            switch (c.type()) {
                case PRIMARY_KEY -> lines.add("    PRIMARY KEY " + SqlText.columns(dialect, c.columns()));
                case UNIQUE, CHECK -> lines.add("    CONSTRAINT " + dialect.quote(c.name()) + " " + body(c));
                default -> {
                    // foreign keys come after every table exists; MySQL has no exclusion constraints
                }
            }
        }
        return "CREATE TABLE " + name(name) + " (\n" + String.join(",\n", lines) + "\n)";
    }

    @Override
    public String renameTable(QualifiedName from, String to) {
        return "RENAME TABLE " + name(from) + " TO " + dialect.qualify(from.schema(), to);
    }

    @Override
    public String columnDefinition(Column c) {
        return column(c);
    }

    @Override
    public Optional<List<String>> alterColumn(QualifiedName table, Column from, Column to, Set<DifferenceKind> kinds) {
        MySqlColumnExtra was = MySqlColumnExtra.parse(from.extra());
        MySqlColumnExtra wanted = MySqlColumnExtra.parse(to.extra());
        if ((was.generated() || wanted.generated()) && !java.util.Objects.equals(was.storage(), wanted.storage())) {
            // a column cannot become generated, stop being one, or change storage in place: dropped and added in one
            // statement (its values are computed again; it moves to the end of the table)
            return Optional.of(List.of("ALTER TABLE " + name(table) + " DROP COLUMN " + dialect.quote(from.name())
                    + ", ADD COLUMN " + dialect.quote(to.name()) + " " + column(to)));
        }
        return Optional.of(List.of(
                "ALTER TABLE " + name(table) + " MODIFY COLUMN " + dialect.quote(to.name()) + " " + column(to)));
    }

    @Override
    public Optional<String> createIndex(QualifiedName table, Index index) {
        List<String> parts = new ArrayList<>();
        for (String column : index.columns()) {
            if (column.equals("(expression)")) {
                return Optional.empty(); // functional key parts are not in information_schema.STATISTICS' COLUMN_NAME
            }
            Matcher prefix = KEY_PART.matcher(column);
            parts.add(
                    prefix.matches()
                            ? dialect.quote(prefix.group(1)) + "(" + prefix.group(2) + ")"
                            : dialect.quote(column));
        }
        String method = index.method() == null ? "btree" : index.method().toLowerCase(Locale.ROOT);
        String kind = method.equals("fulltext")
                ? "FULLTEXT "
                : method.equals("spatial") ? "SPATIAL " : index.unique() ? "UNIQUE " : "";
        int comment = index.definition() == null ? -1 : index.definition().indexOf(" COMMENT '");
        return Optional.of("CREATE " + kind + "INDEX " + dialect.quote(index.name()) + " ON " + name(table)
                + " (" + String.join(", ", parts) + ")" + (method.equals("hash") ? " USING HASH" : "")
                + (comment < 0 ? "" : index.definition().substring(comment)));
    }

    @Override
    public String dropIndex(QualifiedName table, String index) {
        return "DROP INDEX " + dialect.quote(index) + " ON " + name(table);
    }

    @Override
    public String renameIndex(QualifiedName table, String index, String to) {
        return "ALTER TABLE " + name(table) + " RENAME INDEX " + dialect.quote(index) + " TO " + dialect.quote(to);
    }

    @Override
    public String addConstraint(QualifiedName table, Constraint constraint, QualifiedName referenced) {
        return "ALTER TABLE " + name(table) + " " + addClause(constraint, referenced);
    }

    @Override
    public String dropConstraint(QualifiedName table, Constraint constraint) {
        return "ALTER TABLE " + name(table) + " " + dropClause(constraint);
    }

    /** MySQL cannot rename a foreign key or a check: dropped and added back in one ALTER, so it is never missing. */
    @Override
    public List<String> renameConstraint(
            QualifiedName table, Constraint constraint, String to, QualifiedName referenced) {
        if (constraint.type() == ConstraintType.UNIQUE) {
            return List.of("ALTER TABLE " + name(table) + " RENAME INDEX " + dialect.quote(constraint.name()) + " TO "
                    + dialect.quote(to));
        }
        Constraint renamed = new Constraint(
                to,
                constraint.type(),
                constraint.columns(),
                constraint.foreignKey(),
                constraint.checkExpression(),
                constraint.validated(),
                constraint.definition());
        return List.of(
                "ALTER TABLE " + name(table) + " " + dropClause(constraint) + ", " + addClause(renamed, referenced));
    }

    private String addClause(Constraint c, QualifiedName referenced) {
        return switch (c.type()) {
            case PRIMARY_KEY -> "ADD PRIMARY KEY " + SqlText.columns(dialect, c.columns());
            case FOREIGN_KEY ->
                "ADD CONSTRAINT " + dialect.quote(c.name()) + " "
                        + SqlText.foreignKey(dialect, c.columns(), c.foreignKey(), referenced, "");
            default -> "ADD CONSTRAINT " + dialect.quote(c.name()) + " " + body(c);
        };
    }

    private String dropClause(Constraint c) {
        return switch (c.type()) {
            case FOREIGN_KEY -> "DROP FOREIGN KEY " + dialect.quote(c.name());
            case PRIMARY_KEY -> "DROP PRIMARY KEY";
            case UNIQUE -> "DROP INDEX " + dialect.quote(c.name());
            case CHECK -> engine.dropCheckClause() + dialect.quote(c.name());
            case EXCLUSION -> throw new IllegalArgumentException("exclusion constraints exist only on PostgreSQL");
        };
    }

    private String body(Constraint c) {
        return c.type() == ConstraintType.CHECK
                ? "CHECK (" + c.checkExpression() + ")"
                : "UNIQUE " + SqlText.columns(dialect, c.columns());
    }

    /**
     * {@code type [CHARACTER SET … COLLATE …] NULL|NOT NULL DEFAULT … AUTO_INCREMENT ON UPDATE … COMMENT '…'}, or for a
     * generated column {@code type GENERATED ALWAYS AS (…) VIRTUAL|STORED [NOT NULL] COMMENT '…'}: the catalog's words,
     * in the order MySQL takes them.
     */
    static String column(Column c) {
        MySqlColumnExtra extra = MySqlColumnExtra.parse(c.extra());
        StringBuilder out = new StringBuilder(c.type());
        if (extra.generated()) {
            out.append(" GENERATED ALWAYS AS (")
                    .append(extra.generation())
                    .append(") ")
                    .append(extra.storage().toUpperCase(Locale.ROOT))
                    .append(c.nullable() ? "" : " NOT NULL");
        } else {
            out.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultValue() != null) {
                out.append(" DEFAULT ").append(c.defaultValue());
            }
        }
        String keywords = extra.keywords().replace("default_generated", "").strip();
        if (!keywords.isEmpty()) {
            out.append(' ').append(keywords.toUpperCase(Locale.ROOT));
        }
        if (extra.comment() != null) {
            out.append(" COMMENT ").append(MySqlColumnExtra.literal(extra.comment()));
        }
        return out.toString();
    }

    private String name(QualifiedName name) {
        return SqlText.name(dialect, name);
    }
}
