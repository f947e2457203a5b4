package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Liquibase's validation failure as the 4.33 CLI prints it (recorded from a real {@code liquibase update}). */
class LiquibaseValidationFailureTest {
    private static String recorded() throws Exception {
        return Files.readString(
                Path.of(Objects.requireNonNull(LiquibaseValidationFailureTest.class.getResource(
                                "/errors/liquibase/validation-failed-checksums.txt"))
                        .toURI()),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyChangesetNamedIsReadOnceWithBothChecksums() throws Exception {
        List<LiquibaseValidationFailure.Mismatch> all = LiquibaseValidationFailure.parse(recorded());
        assertThat(all)
                .containsExactly(
                        new LiquibaseValidationFailure.Mismatch(
                                "db/changes/001.xml",
                                "1",
                                "ana",
                                "9:6008a705625c39525460be8edae64d5b",
                                "9:daf0c24a92051f86f6f27c4830314d3e"),
                        new LiquibaseValidationFailure.Mismatch(
                                "db/changes/001.xml",
                                "2",
                                "ana",
                                "9:97ea6fd030d239a55d29355b06d89eb5",
                                "9:00c55d60b75d922c6e19eadb45fbc27c"));
        assertThat(all.get(1).key()).isEqualTo("2::ana::db/changes/001.xml");
    }

    @Test
    void aClasspathPathAndAnIdWithDotsAreKept() {
        List<LiquibaseValidationFailure.Mismatch> all = LiquibaseValidationFailure.parse(
                "Validation Failed:\n     1 changesets check sum\n"
                        + "          classpath:db/changelog/db.changelog-master.yaml::1.2-orders::bo.k was: 9:aa but is now: 9:bb\n");
        assertThat(all).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("classpath:db/changelog/db.changelog-master.yaml");
            assertThat(m.id()).isEqualTo("1.2-orders");
            assertThat(m.author()).isEqualTo("bo.k");
            assertThat(m.was()).isEqualTo("9:aa");
            assertThat(m.isNow()).isEqualTo("9:bb");
        });
    }

    @Test
    void noTextOrAnotherFailureNamesNothing() {
        assertThat(LiquibaseValidationFailure.parse(null)).isEmpty();
        assertThat(LiquibaseValidationFailure.parse("Could not acquire change log lock."))
                .isEmpty();
    }
}
