package io.migrescue.diagnosis;

/**
 * The database objects an error message names; any may be null.
 *
 * @param value           an offending key value where the message gives one ({@code Key (email)=(a@x) is duplicated})
 * @param referencedTable the parent table of a foreign-key error
 */
public record ErrorObjects(String schema, String table, String constraint, String column, String index,
                           String referencedTable, String value) {
    public static final ErrorObjects NONE = new ErrorObjects(null, null, null, null, null, null, null);
}
