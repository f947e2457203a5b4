package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {

    @Test
    void fileWinsAndItsFinalNewlineIsDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        PasswordSource source = new PasswordSource(Map.of("MIGRESCUE_PASSWORD", "from-default"));
        assertThat(source.resolve(Engine.POSTGRESQL, file, null, "from-url")).contains("from-file");
    }

    @Test
    void namedVariableThenUrlThenMigrescueThenEngineVariable() {
        Map<String, String> env =
                Map.of("DB_PW", "named", "MIGRESCUE_PASSWORD", "mr", "PGPASSWORD", "pg", "MYSQL_PWD", "my");
        PasswordSource source = new PasswordSource(env);
        assertThat(source.resolve(Engine.POSTGRESQL, null, "DB_PW", "url")).contains("named");
        assertThat(source.resolve(Engine.POSTGRESQL, null, null, "url")).contains("url");
        assertThat(source.resolve(Engine.POSTGRESQL, null, null, null)).contains("mr");
        assertThat(new PasswordSource(Map.of("PGPASSWORD", "pg", "MYSQL_PWD", "my"))
                        .resolve(Engine.POSTGRESQL, null, null, null))
                .contains("pg");
        assertThat(new PasswordSource(Map.of("PGPASSWORD", "pg", "MYSQL_PWD", "my"))
                        .resolve(Engine.MARIADB, null, null, null))
                .contains("my");
        assertThat(new PasswordSource(Map.of()).resolve(Engine.MYSQL, null, null, null))
                .isEmpty();
    }

    @Test
    void unsetVariableMissingFileAndBothOptionsAreUsageErrors(@TempDir Path dir) {
        PasswordSource source = new PasswordSource(Map.of());
        assertThatThrownBy(() -> source.resolve(Engine.POSTGRESQL, null, "NOPE", null))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("NOPE")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> source.resolve(Engine.POSTGRESQL, dir.resolve("missing"), null, null))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> source.resolve(Engine.POSTGRESQL, dir.resolve("x"), "X", null))
                .hasMessageContaining("not both");
    }

    @Test
    void everyResolvedPasswordIsRegisteredForScrubbing() {
        new PasswordSource(Map.of("MIGRESCUE_PASSWORD", "registered-secret-42"))
                .resolve(Engine.MYSQL, null, null, null);
        assertThat(Redaction.scrub("x registered-secret-42 y")).isEqualTo("x **** y");
    }
}
