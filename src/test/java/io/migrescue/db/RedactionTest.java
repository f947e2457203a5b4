package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void removesPasswordsFromUserInfoAndQuery() {
        assertThat(Redaction.url("postgresql://app:pa55@h:5432/db")).isEqualTo("postgresql://app:****@h:5432/db");
        assertThat(Redaction.url("jdbc:postgresql://h/db?user=a&password=pa55&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Redaction.url("jdbc:mysql://h/db?PASSWORD=x;pwd=y"))
                .doesNotContain("=x")
                .doesNotContain("=y");
        assertThat(Redaction.url("mysql://root@h/db")).isEqualTo("mysql://root@h/db");
    }

    @Test
    void scrubRemovesEveryRegisteredSecretFromAnyText() {
        Redaction.register("correct-horse-battery-staple");
        assertThat(Redaction.scrub("FATAL: auth failed for password correct-horse-battery-staple, retry"))
                .isEqualTo("FATAL: auth failed for password ****, retry");
    }

    @Test
    void shortAndCommonPasswordsAreMaskedOnlyWhereTheyStandAsPasswords() {
        java.util.Set<String> shown = java.util.Set.of("root");
        String refused = "login refused for user 'root': wrong user or password";
        assertThat(Redaction.scrub(refused, java.util.List.of("root"), shown)).isEqualTo(refused);
        String denied = "(conn=7) Access denied for user 'app'@'localhost' (using password: YES)";
        assertThat(Redaction.scrub(denied, java.util.List.of("o"), shown)).isEqualTo(denied);
        assertThat(Redaction.scrub("the password is wrong", java.util.List.of("wrong"), shown))
                .isEqualTo("the password is wrong");
        assertThat(Redaction.scrub(
                        "mysql -uroot -proot app; MYSQL_PWD=root PGPASSWORD='o' {\"password\":\"wrong\"}",
                        java.util.List.of("root", "o", "wrong"),
                        shown))
                .isEqualTo("mysql -uroot -p**** app; MYSQL_PWD=**** PGPASSWORD='****' {\"password\":\"****\"}");
        assertThat(Redaction.scrub("postgresql://root:root@db/app?password=o", java.util.List.of("root", "o"), shown))
                .isEqualTo("postgresql://root:****@db/app?password=****");
        assertThat(Redaction.scrub(
                        "CREATE USER x IDENTIFIED BY 'wrong'; ALTER ROLE y PASSWORD 'o'",
                        java.util.List.of("wrong", "o"),
                        shown))
                .isEqualTo("CREATE USER x IDENTIFIED BY '****'; ALTER ROLE y PASSWORD '****'");
    }

    @Test
    void aDistinctivePasswordIsMaskedAsAWholeTokenAnywhere() {
        assertThat(Redaction.scrub(
                        "user 'Zq7-secret' and Zq7-secret2 and xZq7-secret",
                        java.util.List.of("Zq7-secret"),
                        java.util.Set.of()))
                .isEqualTo("user '****' and Zq7-secret2 and xZq7-secret");
        assertThat(Redaction.distinctive("postgres", java.util.Set.of())).isFalse();
        assertThat(Redaction.distinctive("hunter22", java.util.Set.of())).isTrue();
        assertThat(Redaction.distinctive("hunter22", java.util.Set.of("hunter22")))
                .isFalse();
        assertThat(Redaction.distinctive("correcthorsebatterystaple", java.util.Set.of()))
                .isTrue();
    }
}
