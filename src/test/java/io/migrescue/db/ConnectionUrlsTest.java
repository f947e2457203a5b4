package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrlsTest {

    @Test
    void platformPostgresUrlLiftsCredentialsOutOfTheJdbcUrl() {
        ConnectionTarget t =
                ConnectionUrls.parse("postgresql://app:s3cr%40t@db.example.com:6543/orders?sslmode=require");
        assertThat(t.engineHint()).isEqualTo(Engine.POSTGRESQL);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/orders");
        assertThat(t.user()).isEqualTo("app");
        assertThat(t.urlPassword()).isEqualTo("s3cr@t");
        assertThat(t.properties()).containsEntry("sslmode", "require");
        assertThat(t.toString()).doesNotContain("s3cr").endsWith("(password redacted)");
    }

    @Test
    void postgresSchemeAndDefaultPort() {
        ConnectionTarget t = ConnectionUrls.parse("postgres://postgres@localhost/app");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(t.urlPassword()).isNull();
        assertThat(t.toString()).doesNotContain("redacted");
    }

    @Test
    void prismaSchemaParameterBecomesTheCurrentSchema() {
        ConnectionTarget t =
                ConnectionUrls.parse("postgresql://u:p@h:5432/db?schema=tenant1&connection_limit=5&pgbouncer=true");
        assertThat(t.properties()).containsOnly(java.util.Map.entry("currentSchema", "tenant1"));
    }

    @Test
    void jdbcPostgresUrlWithPasswordInTheQuery() {
        ConnectionTarget t =
                ConnectionUrls.parse("jdbc:postgresql://10.0.0.5:5432/app?user=ops&password=hunter2&ssl=true");
        assertThat(t.user()).isEqualTo("ops");
        assertThat(t.urlPassword()).isEqualTo("hunter2");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/app");
        assertThat(t.properties()).containsEntry("ssl", "true").doesNotContainKeys("user", "password");
    }

    @Test
    void mysqlAndMariadbForms() {
        ConnectionTarget mysql = ConnectionUrls.parse("mysql://root:pw@127.0.0.1:3307/shop");
        assertThat(mysql.engineHint()).isEqualTo(Engine.MYSQL);
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3307/shop");
        assertThat(mysql.port()).isEqualTo(3307);

        ConnectionTarget maria = ConnectionUrls.parse("mariadb://root@db/shop");
        assertThat(maria.engineHint()).isEqualTo(Engine.MARIADB);
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/shop");

        ConnectionTarget jdbcMaria = ConnectionUrls.parse("jdbc:mariadb://db:3306/shop?user=x&password=y");
        assertThat(jdbcMaria.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/shop");
        assertThat(jdbcMaria.urlPassword()).isEqualTo("y");

        ConnectionTarget rails =
                ConnectionUrls.parse("mysql2://deploy:pw@db:3306/app_production?encoding=utf8mb4&pool=5");
        assertThat(rails.engineHint()).isEqualTo(Engine.MYSQL);
        assertThat(rails.properties()).isEmpty();
    }

    @Test
    void mysqlCliStyleSslModeBecomesTheDriverProperty() {
        assertThat(ConnectionUrls.parse("mysql://u@h/db?ssl-mode=required").properties())
                .containsEntry("sslMode", "REQUIRED");
        assertThat(ConnectionUrls.parse("mysql://u@h/db?sslmode=verify-identity")
                        .properties())
                .containsEntry("sslMode", "VERIFY_IDENTITY");
    }

    @Test
    void ipv6HostAndNoDatabase() {
        ConnectionTarget t = ConnectionUrls.parse("mysql://root@[::1]:3306/");
        assertThat(t.host()).isEqualTo("[::1]");
        assertThat(t.database()).isNull();
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:mysql://[::1]:3306/");
    }

    @Test
    void passwordWithColonAndAtSignsKeepsEverythingAfterTheFirstColon() {
        ConnectionTarget t = ConnectionUrls.parse("postgresql://user:pa:ss@w0rd@host/db");
        assertThat(t.user()).isEqualTo("user");
        assertThat(t.urlPassword()).isEqualTo("pa:ss@w0rd");
        assertThat(t.host()).isEqualTo("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlserver://h/db", "jdbc:oracle:thin:@h:1521:x", "mongodb://h/db", "redis://h:6379"})
    void unsupportedSchemesAreUsageErrors(String url) {
        assertThatThrownBy(() -> ConnectionUrls.parse(url))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("unsupported")
                .satisfies(e -> assertThat(((MigrescueException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:5432/db",
                "postgresql://h:54x2/db",
                "postgresql://h:70000/db",
                "mysql://h/a/b",
                "postgresql://[::1/db",
                "postgresql://bad host/db",
                "",
                "   "
            })
    void malformedUrlsAreUsageErrors(String url) {
        assertThatThrownBy(() -> ConnectionUrls.parse(url))
                .isInstanceOf(MigrescueException.class)
                .satisfies(e -> assertThat(((MigrescueException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void malformedUrlMessageNeverShowsThePassword() {
        assertThatThrownBy(() -> ConnectionUrls.parse("postgresql://u:TopSecret99@h:notaport/db"))
                .hasMessageNotContaining("TopSecret99")
                .hasMessageContaining("notaport");
    }
}
