package io.migrescue.backup;

import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL/MariaDB table's triggers. DROP TABLE takes them along and TRUNCATE leaves them firing on every restored
 * row, so a backup keeps their CREATE statements and a restore puts them back after the rows are in.
 */
final class MySqlTriggers {
    private MySqlTriggers() {}

    static List<String> names(Connection connection, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(BackupSql.load("mysql", "triggers"))) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The statement that creates each trigger, definer included, as the server keeps it. */
    static List<String> definitions(Connection connection, Dialect dialect, String schema, String table)
            throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String name : names(connection, schema, table)) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SHOW CREATE TRIGGER " + dialect.qualify(schema, name))) {
                if (rs.next()) {
                    definitions.add(rs.getString("SQL Original Statement"));
                }
            }
        }
        return definitions;
    }
}
