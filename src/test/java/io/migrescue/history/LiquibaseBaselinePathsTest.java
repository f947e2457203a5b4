package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.MigrationHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FILENAME of a changelog Liquibase never ran: from the changelog path it is given, never guessed. */
class LiquibaseBaselinePathsTest {
    private static final MigrationHistory NONE =
            new MigrationHistory("liquibase", "public", "databasechangelog", List.of(), null);

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/db/changes"));
        Files.writeString(dir.resolve("src/db/master.xml"), "<databaseChangeLog/>");
        return Files.writeString(dir.resolve("src/db/changes/001.xml"), "<databaseChangeLog/>");
    }

    @Test
    void theGivenChangelogPathSaysTheSearchPath(@TempDir Path dir) throws Exception {
        Path file = project(dir);
        assertThat(LiquibasePaths.changelogPath(file, NONE, "db/master.xml")).isEqualTo("db/changes/001.xml");
        assertThat(LiquibasePaths.changelogPath(file, NONE, "src/db/master.xml"))
                .isEqualTo("src/db/changes/001.xml");
    }

    @Test
    void liquibasePropertiesSaysItWhenNothingIsGiven(@TempDir Path dir) throws Exception {
        Path file = project(dir);
        Files.writeString(dir.resolve("liquibase.properties"), "changelog-file=src/db/master.xml\n");
        assertThat(LiquibasePaths.changelogPath(file, NONE, null)).isEqualTo("src/db/changes/001.xml");
        assertThat(LiquibaseSearchPath.of(file, null).orElseThrow().source())
                .startsWith("src/db/master.xml (changeLogFile of ");
    }

    @Test
    void withNeitherTheFileOnDiskStandsInAndIsKnownAsSuch(@TempDir Path dir) throws Exception {
        Path file = project(dir);
        String standIn = LiquibasePaths.changelogPath(file, NONE, null);
        assertThat(LiquibasePaths.isStandIn(standIn)).isTrue();
        assertThat(LiquibasePaths.isStandIn("db/changes/001.xml")).isFalse();
    }

    @Test
    void aChangelogPathNoFolderAboveHoldsIsRefused(@TempDir Path dir) throws Exception {
        Path file = project(dir);
        assertThatThrownBy(() -> LiquibasePaths.changelogPath(file, NONE, "db/other.xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--param changelog-file=db/other.xml");
        assertThatThrownBy(() -> LiquibasePaths.changelogPath(
                        file, NONE, dir.resolve("src/db/master.xml").toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
