package io.migrescue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for what users read: the rendered output, volatile parts neutered, compared with
 * {@code src/test/resources/golden/NAME}. On a mismatch the actual output is written to {@code target/golden-actual/NAME}
 * for a diff. To accept a deliberate change: {@code mvn -B -q test -Dtest=ReportGoldenTest -Dgolden.update=true},
 * then read the git diff of the golden files before committing it.
 */
final class GoldenFiles {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ACTUAL = Path.of("target/golden-actual");

    private GoldenFiles() {}

    /**
     * Timestamps, absolute paths and migrescue's own version change from run to run, machine to machine and release
     * to release. The database's version comes from the fixed model and stays (so does an address like 10.0.0.7).
     */
    static String neuter(String output) {
        return output.replaceAll(
                        "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?", "<TIME>")
                .replaceAll("(?<![\\w.])/(tmp|home|root|work|var|Users)(/[\\w.@+-]+)+", "<PATH>")
                .replaceAll("(?<=migrescue[ /])\\d+\\.\\d+\\.\\d+[\\w.-]*|\\d+\\.\\d+\\.\\d+-SNAPSHOT", "<VERSION>");
    }

    static void assertMatches(String name, String output) throws IOException {
        String actual = neuter(output);
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden)
                .as("golden file %s missing: run with -Dgolden.update=true", golden)
                .exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL);
            Files.writeString(ACTUAL.resolve(name), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as(
                        "%s differs from %s (actual in %s; -Dgolden.update=true accepts it)",
                        name, golden, ACTUAL.resolve(name))
                .isEqualTo(expected);
    }
}
