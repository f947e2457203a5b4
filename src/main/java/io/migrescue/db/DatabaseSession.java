package io.migrescue.db;

import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/** An open connection with what the server said about itself. Closing it closes the connection. */
public record DatabaseSession(Connection connection, DatabaseInfo info, Dialect dialect) implements AutoCloseable {
    public Engine engine() {
        return info.engine();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after use: nothing left to protect
        }
    }
}
