package io.migrescue.diagnosis;

/**
 * The database objects an error message names; any may be null.
 *
 * @param value           an offending key value where the message gives one ({@code Key (email)=(a@x) is duplicated})
 * @param referencedTable the parent table of a foreign-key error
 */
public record ErrorObjects(
        String schema,
        String table,
        String constraint,
        String column,
        String index,
        String referencedTable,
        String value) {
    public static final ErrorObjects NONE = new ErrorObjects(null, null, null, null, null, null, null);

    /** The named objects by role, leaving out the ones the error does not name. */
    public java.util.Map<String, String> asMap() {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        String[] roles = {"schema", "table", "constraint", "column", "index", "referencedTable", "value"};
        String[] values = {schema, table, constraint, column, index, referencedTable, value};
        for (int i = 0; i < roles.length; i++) {
            if (values[i] != null) {
                map.put(roles[i], values[i]);
            }
        }
        return map;
    }
}
