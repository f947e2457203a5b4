package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void quotesAndEscapesIdentifiersPerEngine() {
        assertThat(Dialect.of(Engine.POSTGRESQL).qualify("my schema", "Order\"s"))
                .isEqualTo("\"my schema\".\"Order\"\"s\"");
        assertThat(Dialect.of(Engine.MARIADB).qualify("app", "x`; DROP TABLE t; --"))
                .isEqualTo("`app`.`x``; DROP TABLE t; --`");
        assertThatThrownBy(() -> Dialect.of(Engine.MYSQL).quote("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresKeepsTheFirst63BytesInWholeCharacters() {
        Dialect pg = Dialect.of(Engine.POSTGRESQL);
        String ascii = "orders_" + "x".repeat(63);
        assertThat(pg.stored(ascii)).isEqualTo(ascii.substring(0, 63));
        assertThat(pg.stored("x".repeat(63))).isEqualTo("x".repeat(63));
        // ñ is 2 bytes: 31 of them fit (62 bytes), the 32nd would end at byte 64
        assertThat(pg.stored("ñ".repeat(40))).isEqualTo("ñ".repeat(31));
        // 日 is 3 bytes: 21 fit exactly
        assertThat(pg.stored("日".repeat(25))).isEqualTo("日".repeat(21));
        // an emoji is 4 bytes (a surrogate pair in Java): never cut in half
        assertThat(pg.stored("😀".repeat(17))).isEqualTo("😀".repeat(15));
        // a combining mark is a character of its own
        assertThat(pg.stored("e\u0301".repeat(30))).isEqualTo("e\u0301".repeat(21));
        assertThat(pg.storedNote(ascii))
                .isEqualTo("name " + ascii + " is 70 bytes; PostgreSQL keeps the first 63: " + ascii.substring(0, 63));
        assertThat(pg.storedNote("users")).isNull();
    }

    @Test
    void mysqlKeepsNamesAsWritten() {
        Dialect maria = Dialect.of(Engine.MARIADB);
        assertThat(maria.stored("x".repeat(70))).isEqualTo("x".repeat(70)); // the server refuses it instead
        assertThat(maria.foldBare("MixedCase")).isEqualTo("MixedCase");
        assertThat(maria.storedNote("x".repeat(64))).isNull();
        assertThat(maria.storedNote("é".repeat(65)))
                .isEqualTo("name " + "é".repeat(65) + " is 65 characters; MariaDB refuses names over 64");
    }

    @Test
    void postgresFoldsOnlyAsciiLetters() {
        assertThat(Dialect.of(Engine.POSTGRESQL).foldBare("MixedCase_ÉÀ1")).isEqualTo("mixedcase_ÉÀ1");
    }

    @Test
    void madeUpNamesFitTheLimitAndStayDistinct() {
        Dialect pg = Dialect.of(Engine.POSTGRESQL);
        String a = pg.fit("ñ".repeat(40) + "_old");
        String b = pg.fit("ñ".repeat(40) + "_new");
        assertThat(a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(a).isNotEqualTo(b).startsWith("ññ");
        assertThat(pg.fit("short_old")).isEqualTo("short_old");
        Dialect maria = Dialect.of(Engine.MARIADB);
        String m = maria.fit("😀".repeat(70));
        assertThat(m.codePointCount(0, m.length())).isEqualTo(64);
        assertThat(Character.isHighSurrogate(m.charAt(m.length() - 1))).isFalse();
    }
}
