package io.migrescue.sql;

import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    @Test
    void quotesAndEscapesIdentifiersPerEngine() {
        assertThat(Dialect.of(Engine.POSTGRESQL).qualify("my schema", "Order\"s")).isEqualTo("\"my schema\".\"Order\"\"s\"");
        assertThat(Dialect.of(Engine.MARIADB).qualify("app", "x`; DROP TABLE t; --")).isEqualTo("`app`.`x``; DROP TABLE t; --`");
        assertThatThrownBy(() -> Dialect.of(Engine.MYSQL).quote("")).isInstanceOf(IllegalArgumentException.class);
    }
}
