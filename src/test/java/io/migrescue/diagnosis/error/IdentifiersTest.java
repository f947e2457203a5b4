package io.migrescue.diagnosis.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @Test
    void qualifiedNamesInEveryQuotingStyle() {
        assertThat(Identifiers.qualified("`db`.`t`")).containsExactly("db", "t");
        assertThat(Identifiers.qualified("`my.app`.`t`")).containsExactly("my.app", "t");
        assertThat(Identifiers.qualified("\"Sales\".\"Order\"")).containsExactly("Sales", "Order");
        assertThat(Identifiers.qualified("\"odd\"\"name\"")).containsExactly(null, "odd\"name");
        assertThat(Identifiers.qualified("db.t")).containsExactly("db", "t");
        assertThat(Identifiers.qualified("'db.t'")).containsExactly("db", "t");
        assertThat(Identifiers.qualified("t")).containsExactly(null, "t");
        assertThat(Identifiers.qualified("`t`")).containsExactly(null, "t");
    }

    @Test
    void unquoteKeepsDotsAndListsLoseTheirQuotes() {
        assertThat(Identifiers.unquote("`fk.legacy`")).isEqualTo("fk.legacy");
        assertThat(Identifiers.unquote("\"fk.legacy\"")).isEqualTo("fk.legacy");
        assertThat(Identifiers.unquoteList("`a`, `b`")).isEqualTo("a, b");
        assertThat(Identifiers.unquoteList("\"Tenant, Id\", code")).isEqualTo("Tenant, Id, code");
    }
}
