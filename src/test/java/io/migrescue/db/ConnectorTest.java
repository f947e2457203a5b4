package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    @Test
    void engineFromSelectVersion() {
        assertThat(Connector.detect("PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu"))
                .isEqualTo(Engine.POSTGRESQL);
        assertThat(Connector.detect("10.11.19-MariaDB-0+deb12u1")).isEqualTo(Engine.MARIADB);
        assertThat(Connector.detect("11.4.2-MariaDB-ubu2404")).isEqualTo(Engine.MARIADB);
        assertThat(Connector.detect("8.4.3")).isEqualTo(Engine.MYSQL);
        assertThat(Connector.detect("8.0.36-0ubuntu0.22.04.1")).isEqualTo(Engine.MYSQL);
    }

    @Test
    void cleanVersions() {
        assertThat(Connector.cleanVersion(Engine.POSTGRESQL, "15.20 (Debian 15.20-0+deb12u1)"))
                .isEqualTo("15.20");
        assertThat(Connector.cleanVersion(Engine.MARIADB, "10.11.19-MariaDB-0+deb12u1"))
                .isEqualTo("10.11.19");
        assertThat(Connector.cleanVersion(Engine.MARIADB, "5.5.5-10.6.12-MariaDB-log"))
                .isEqualTo("10.6.12");
        assertThat(Connector.cleanVersion(Engine.MYSQL, "8.0.36-0ubuntu0.22.04.1"))
                .isEqualTo("8.0.36");
    }
}
