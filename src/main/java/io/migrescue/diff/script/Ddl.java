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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements of a fix script in one engine's SQL. Every name is the target's (where the object is, or is to be)
 * and goes through the {@link Dialect}; definitions (types, defaults, check clauses) are the catalog's own text.
 */
public interface Ddl {
    /** The writer for {@code engine}: the one place DDL is written, for fix scripts and for repair plans alike. */
    static Ddl of(Engine engine) {
        return engine == Engine.POSTGRESQL ? new PostgresDdl() : new MySqlDdl(engine);
    }

    Dialect dialect();

    /** Settings the script starts with, before anything else (PostgreSQL: the lock timeout). */
    default List<String> preamble() {
        return List.of();
    }

    /** An index on a table in use, built without blocking writes where the engine can (PostgreSQL: CONCURRENTLY). */
    default Optional<String> createIndexOnline(QualifiedName table, Index index) {
        return Optional.empty();
    }

    /**
     * Where a constraint added to a table in use can be added unchecked and checked afterwards without blocking writes
     * (PostgreSQL foreign keys and checks: {@code NOT VALID}, then {@code VALIDATE CONSTRAINT}); else empty.
     */
    default Optional<String> validateConstraint(QualifiedName table, Constraint constraint) {
        return Optional.empty();
    }

    /** Checks the rows against a constraint added NOT VALID (PostgreSQL only); else empty. */
    default Optional<String> validateConstraint(QualifiedName table, String constraint) {
        return Optional.empty();
    }

    /** Statements that open and close the script (PostgreSQL: one transaction, and the search path of the target). */
    List<String> begin(List<String> targetSchemas);

    List<String> end();

    /** What the engine calls a schema in DDL: {@code SCHEMA}, or {@code DATABASE} on MySQL/MariaDB. */
    String schemaKeyword();

    default String createSchema(String schema) {
        return "CREATE " + schemaKeyword() + " " + dialect().quote(schema);
    }

    default String dropSchema(String schema) {
        return "DROP " + schemaKeyword() + " " + dialect().quote(schema);
    }

    Optional<String> createEnum(QualifiedName type, List<String> labels);

    /** Adds {@code label} after {@code after}, or before {@code before} when it is to be the first. */
    String addEnumValue(QualifiedName type, String label, String after, String before);

    String dropEnum(QualifiedName type);

    default String createSequence(QualifiedName name, Sequence s) {
        return "CREATE SEQUENCE " + SqlText.name(dialect(), name) + sequenceOptions(s);
    }

    default String alterSequence(QualifiedName name, Sequence s) {
        return "ALTER SEQUENCE " + SqlText.name(dialect(), name) + sequenceOptions(s);
    }

    /** IF EXISTS: a serial column's sequence goes with its table when that is dropped first. */
    default String dropSequence(QualifiedName name) {
        return "DROP SEQUENCE IF EXISTS " + SqlText.name(dialect(), name);
    }

    /** START, INCREMENT, bounds, cache and cycle, in the engine's words and order. */
    String sequenceOptions(Sequence s);

    /** The table with its columns, primary key, unique, check and exclusion constraints; indexes and foreign keys apart. */
    String createTable(QualifiedName name, Table table);

    default String dropTable(QualifiedName name) {
        return "DROP TABLE " + SqlText.name(dialect(), name);
    }

    /** {@code PostgreSQL: ALTER TABLE … RENAME TO}; MySQL: {@code RENAME TABLE}. The table stays in its schema. */
    String renameTable(QualifiedName from, String to);

    default String addColumn(QualifiedName table, Column column) {
        return "ALTER TABLE " + SqlText.name(dialect(), table) + " ADD COLUMN "
                + dialect().quote(column.name()) + " " + columnDefinition(column);
    }

    /** The column's type and attributes as a CREATE TABLE or ADD COLUMN states them. */
    String columnDefinition(Column column);

    default String renameColumn(QualifiedName table, String from, String to) {
        return "ALTER TABLE " + SqlText.name(dialect(), table) + " RENAME COLUMN "
                + dialect().quote(from) + " TO " + dialect().quote(to);
    }

    default String dropColumn(QualifiedName table, String column) {
        return "ALTER TABLE " + SqlText.name(dialect(), table) + " DROP COLUMN "
                + dialect().quote(column);
    }

    /**
     * Makes column {@code from} into {@code to} where {@code kinds} says they differ (PostgreSQL alters those only;
     * MySQL restates the whole column); empty if it cannot be done in place (a generated column).
     */
    Optional<List<String>> alterColumn(QualifiedName table, Column from, Column to, Set<DifferenceKind> kinds);

    /** Empty when the engine cannot recreate it from the catalog (a MySQL expression index). */
    Optional<String> createIndex(QualifiedName table, Index index);

    String dropIndex(QualifiedName table, String index);

    /** An index dropped without blocking writes where the engine can (PostgreSQL: CONCURRENTLY, IF EXISTS); else empty. */
    default Optional<String> dropIndexOnline(QualifiedName table, String index) {
        return Optional.empty();
    }

    String renameIndex(QualifiedName table, String index, String to);

    /** @param referenced a foreign key's referenced table, as the target names it; null for other constraints */
    String addConstraint(QualifiedName table, Constraint constraint, QualifiedName referenced);

    String dropConstraint(QualifiedName table, Constraint constraint);

    /** @param referenced as for {@link #addConstraint}: MySQL renames a foreign key by dropping and adding it */
    List<String> renameConstraint(QualifiedName table, Constraint constraint, String to, QualifiedName referenced);
}
