package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    /** As MariaDB 10.11 prints them (measured): backticks doubled inside backtick quotes, raw inside single quotes. */
    @Test
    void backticksInsideNamesAsMariadbPrintsThem() {
        // 1005 errno 121: Can't create table `h6probe`.`c``2`
        assertThat(Identifiers.qualified("`h6probe`.`c``2`")).containsExactly("h6probe", "c`2");
        // 1146: Table 'h6probe.no`pe' doesn't exist
        assertThat(Identifiers.qualified("'h6probe.no`pe'")).containsExactly("h6probe", "no`pe");
        // 1091: Can't DROP FOREIGN KEY `zz``z`
        assertThat(Identifiers.unquote("`zz``z`")).isEqualTo("zz`z");
        // 1452: … CONSTRAINT `fk``a` FOREIGN KEY (`id`, `a``b`) …
        assertThat(Identifiers.unquoteList("`id`, `a``b`")).isEqualTo("id, a`b");
        assertThat(Identifiers.unquote("`a;--b 'x' \"y\"`")).isEqualTo("a;--b 'x' \"y\"");
    }

    /** PostgreSQL prints a name between double quotes as it is, without doubling a quote inside. */
    @Test
    void aDoubleQuoteInsideAPostgresNameAsPrinted() {
        assertThat(Identifiers.unquote("\"we\"ird\"")).isEqualTo("we\"ird");
        assertThat(Identifiers.qualified("\"emoji 😀 é\"")).containsExactly(null, "emoji 😀 é");
    }
}
