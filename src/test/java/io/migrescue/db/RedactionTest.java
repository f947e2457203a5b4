package io.migrescue.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void removesPasswordsFromUserInfoAndQuery() {
        assertThat(Redaction.url("postgresql://app:pa55@h:5432/db")).isEqualTo("postgresql://app:****@h:5432/db");
        assertThat(Redaction.url("jdbc:postgresql://h/db?user=a&password=pa55&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Redaction.url("jdbc:mysql://h/db?PASSWORD=x;pwd=y")).doesNotContain("=x").doesNotContain("=y");
        assertThat(Redaction.url("mysql://root@h/db")).isEqualTo("mysql://root@h/db");
    }

    @Test
    void scrubRemovesEveryRegisteredSecretFromAnyText() {
        Redaction.register("correct-horse-battery-staple");
        assertThat(Redaction.scrub("FATAL: auth failed for password correct-horse-battery-staple, retry"))
                .isEqualTo("FATAL: auth failed for password ****, retry");
    }
}
