package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Classification of driver errors into one line; the real servers are exercised in ConnectionFailuresIT. */
class ConnectionFailuresTest {
    private final ConnectionTarget pg = ConnectionUrls.parse("postgresql://app:Pw-Very-Secret@db.internal:5432/orders");

    @Test
    void passwordRefusedOnPostgres() {
        Redaction.register("Pw-Very-Secret");
        MigrescueException e = ConnectionFailures.describe(
                pg,
                "app",
                new SQLException("FATAL: password authentication failed for user \"app\" (Pw-Very-Secret)", "28P01"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONNECTION);
        assertThat(e.getMessage())
                .contains("login refused for user 'app'")
                .doesNotContain("Pw-Very-Secret")
                .doesNotContain("\n");
    }

    @Test
    void unknownHostAndRefusedConnection() {
        SQLException unknown =
                new SQLException("The connection attempt failed.", "08001", new UnknownHostException("db.internal"));
        assertThat(ConnectionFailures.describe(pg, "app", unknown).getMessage()).contains("unknown host 'db.internal'");
        SQLException refused =
                new SQLException("Connection refused", "08001", new ConnectException("Connection refused"));
        assertThat(ConnectionFailures.describe(pg, "app", refused).getMessage()).contains("connection refused");
    }

    @Test
    void unknownDatabaseOnBothEngines() {
        assertThat(ConnectionFailures.describe(
                                pg, "app", new SQLException("FATAL: database \"orders\" does not exist", "3D000"))
                        .getMessage())
                .contains("database 'orders' does not exist");
        ConnectionTarget my = ConnectionUrls.parse("mysql://root@h/shop");
        assertThat(ConnectionFailures.describe(my, "root", new SQLException("Unknown database 'shop'", "42000", 1049))
                        .getMessage())
                .contains("database 'shop' does not exist");
        assertThat(ConnectionFailures.describe(
                                my,
                                "root",
                                new SQLException(
                                        "Access denied for user 'root'@'x' (using password: YES)", "28000", 1045))
                        .getMessage())
                .contains("wrong user or password");
    }
}
