package io.migrescue.diagnosis.error;

import java.util.Map;

/**
 * The symbolic error names Node's mysql/mysql2 drivers print ({@code ER_DUP_KEYNAME}) for the numbers the server
 * sends; names from MySQL's {@code mysqld_error.h}.
 */
final class MySqlSymbols {
    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("ER_CANT_CREATE_TABLE", 1005),
            Map.entry("ER_DUP_KEY", 1022),
            Map.entry("ER_ERROR_ON_RENAME", 1025),
            Map.entry("ER_DBACCESS_DENIED_ERROR", 1044),
            Map.entry("ER_BAD_NULL_ERROR", 1048),
            Map.entry("ER_TABLE_EXISTS_ERROR", 1050),
            Map.entry("ER_BAD_TABLE_ERROR", 1051),
            Map.entry("ER_BAD_FIELD_ERROR", 1054),
            Map.entry("ER_DUP_FIELDNAME", 1060),
            Map.entry("ER_DUP_KEYNAME", 1061),
            Map.entry("ER_DUP_ENTRY", 1062),
            Map.entry("ER_PARSE_ERROR", 1064),
            Map.entry("ER_TOO_LONG_KEY", 1071),
            Map.entry("ER_CANT_DROP_FIELD_OR_KEY", 1091),
            Map.entry("ER_INVALID_USE_OF_NULL", 1138),
            Map.entry("ER_TABLEACCESS_DENIED_ERROR", 1142),
            Map.entry("ER_NO_SUCH_TABLE", 1146),
            Map.entry("ER_LOCK_WAIT_TIMEOUT", 1205),
            Map.entry("ER_LOCK_DEADLOCK", 1213),
            Map.entry("ER_CANNOT_ADD_FOREIGN", 1215),
            Map.entry("WARN_DATA_TRUNCATED", 1265),
            Map.entry("ER_NO_REFERENCED_ROW_2", 1452),
            Map.entry("ER_DROP_INDEX_FK", 1553),
            Map.entry("ER_FK_NO_INDEX_PARENT", 1822),
            Map.entry("ER_FK_CANNOT_OPEN_PARENT", 1824),
            Map.entry("ER_FK_DUP_NAME", 1826),
            Map.entry("ER_FK_COLUMN_CANNOT_DROP", 1828),
            Map.entry("ER_FK_COLUMN_CANNOT_DROP_CHILD", 1829),
            Map.entry("ER_FK_COLUMN_CANNOT_CHANGE", 1832),
            Map.entry("ER_FK_COLUMN_CANNOT_CHANGE_CHILD", 1833),
            Map.entry("ER_QUERY_TIMEOUT", 3024),
            Map.entry("ER_FK_CANNOT_DROP_PARENT", 3730),
            Map.entry("ER_FK_INCOMPATIBLE_COLUMNS", 3780),
            Map.entry("ER_CONSTRAINT_NOT_FOUND", 3940),
            Map.entry("ER_FK_NO_UNIQUE_INDEX_PARENT", 6125));

    private MySqlSymbols() {}

    static Integer code(String symbol) {
        return symbol == null ? null : CODES.get(symbol);
    }
}
