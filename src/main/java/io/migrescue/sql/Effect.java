package io.migrescue.sql;

import java.util.List;

/**
 * What a DDL statement means to do, in terms that can be checked against a catalog snapshot. Schema names are null
 * when the statement does not qualify the name (the connection's current schema then applies). Identifiers are as
 * the server reads them: quotes removed, a bare name folded as the engine folds it (lower case on PostgreSQL), a quoted
 * one as written; never cut to the engine's length limit (the catalog lookup applies it, and says so).
 */
public sealed interface Effect {

    /** The tables this effect acts on, as written (a rename: both names); empty for {@link Other} and unnamed tables. */
    default java.util.List<String> tables() {
        String table;
        if (this instanceof RenameTable r) {
            return java.util.List.of(r.from(), r.to());
        } else if (this instanceof CreateTable e) {
            table = e.table();
        } else if (this instanceof DropTable e) {
            table = e.table();
        } else if (this instanceof AddColumn e) {
            table = e.table();
        } else if (this instanceof DropColumn e) {
            table = e.table();
        } else if (this instanceof RenameColumn e) {
            table = e.table();
        } else if (this instanceof ModifyColumn e) {
            table = e.table();
        } else if (this instanceof SetColumnDefault e) {
            table = e.table();
        } else if (this instanceof AddConstraint e) {
            table = e.table();
        } else if (this instanceof DropConstraint e) {
            table = e.table();
        } else if (this instanceof RenameConstraint e) {
            table = e.table();
        } else if (this instanceof CreateIndex e) {
            table = e.table();
        } else if (this instanceof DropIndex e) {
            table = e.table();
        } else if (this instanceof RenameIndex e) {
            table = e.table();
        } else {
            table = null;
        }
        return table == null ? java.util.List.of() : java.util.List.of(table);
    }

    record ColumnDef(String name, String type, boolean nullable, String defaultValue) {}

    /**
     * A constraint as declared: kind is PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK or EXCLUSION (see
     * {@code model.ConstraintType}). Name null when the engine picks it; referenced columns empty when the statement
     * relies on the referenced table's primary key; onDelete / onUpdate null when not written.
     */
    record ConstraintDef(
            String name,
            String kind,
            List<String> columns,
            String referencedSchema,
            String referencedTable,
            List<String> referencedColumns,
            String onDelete,
            String onUpdate,
            String checkExpression) {}

    record CreateTable(
            String schema, String table, List<ColumnDef> columns, List<ConstraintDef> constraints, boolean ifNotExists)
            implements Effect {}

    record DropTable(String schema, String table, boolean ifExists) implements Effect {}

    record RenameTable(String schema, String from, String toSchema, String to) implements Effect {}

    record AddColumn(String schema, String table, ColumnDef column) implements Effect {}

    record DropColumn(String schema, String table, String column) implements Effect {}

    record RenameColumn(String schema, String table, String from, String to) implements Effect {}

    /** MODIFY / CHANGE / ALTER COLUMN TYPE / SET|DROP NOT NULL; {@code type} or {@code nullable} null when unchanged. */
    record ModifyColumn(String schema, String table, String column, String newName, String type, Boolean nullable)
            implements Effect {}

    /** {@code ALTER COLUMN … SET DEFAULT x} / {@code DROP DEFAULT}; {@code defaultValue} null when dropped. */
    record SetColumnDefault(String schema, String table, String column, String defaultValue) implements Effect {}

    record AddConstraint(String schema, String table, ConstraintDef constraint) implements Effect {}

    record DropConstraint(String schema, String table, String name) implements Effect {}

    /** PostgreSQL {@code RENAME CONSTRAINT a TO b}. */
    record RenameConstraint(String schema, String table, String from, String to) implements Effect {}

    /**
     * Name null when the engine picks it. Columns are plain column names, or an expression key's text as written.
     * Method lower-case ({@code btree}, {@code gin}, {@code fulltext}, {@code spatial}), null when not written.
     */
    record CreateIndex(
            String schema,
            String table,
            String name,
            List<String> columns,
            boolean unique,
            boolean concurrently,
            String method)
            implements Effect {}

    record DropIndex(String schema, String table, String name) implements Effect {}

    record RenameIndex(String schema, String table, String from, String to) implements Effect {}

    /** Anything else (DML, grants, functions, statements the parser does not understand). */
    record Other(String sql, String reason) implements Effect {}
}
