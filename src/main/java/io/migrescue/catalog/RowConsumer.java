package io.migrescue.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

@FunctionalInterface
interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
}
