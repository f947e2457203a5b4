package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The archives {@code mvn package} builds install as their README says and run {@code demo} and the repair it prints,
 * with a scrubbed PATH; the self-contained one with no Java on the machine's PATH at all (bin/check-install).
 */
class InstallArchiveIT {
    private static final Path CHECK = Path.of("bin/check-install").toAbsolutePath();

    @Test
    void archiveRunsWithTheHostsJava() throws Exception {
        String out = check(archive(false));
        assertThat(out).contains("ok: --version, --help, demo, the printed repair and drop");
    }

    @Test
    void selfContainedArchiveRunsWithoutJava() throws Exception {
        String out = check(archive(true), "--without-java");
        assertThat(out).contains("ok: --version, --help, demo, the printed repair and drop, without java on PATH");
    }

    @Test
    void archiveWithoutRuntimeNeedsJava() throws Exception {
        Process process = new ProcessBuilder(CHECK.toString(), archive(false).toString(), "--without-java")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isNotZero();
        assertThat(out).contains("migrescue: no Java found").doesNotContain("building");
    }

    @Test
    void archivesHoldLauncherJarCompletionManPagesAndReadme() throws Exception {
        for (boolean runtime : new boolean[] {false, true}) {
            List<String> entries = tarList(archive(runtime));
            String top = "migrescue-" + version() + "/";
            assertThat(entries)
                    .contains(
                            top + "bin/migrescue",
                            top + "lib/migrescue.jar",
                            top + "lib/migrescue.version",
                            top + "README.txt",
                            top + "completion/migrescue.bash",
                            top + "completion/migrescue.zsh",
                            top + "man/man1/migrescue.1",
                            top + "man/man1/migrescue-repair.1");
            assertThat(entries.contains(top + "runtime/bin/java")).isEqualTo(runtime);
        }
    }

    private static String check(Path archive, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHECK.toString(), archive.toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static List<String> tarList(Path archive) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("tar", "tzf", archive.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    private static Path archive(boolean runtime) {
        Path archive = Path.of("target", "migrescue-" + version() + (runtime ? "-linux-x64-runtime" : "") + ".tar.gz");
        assertThat(archive).as("built by mvn package").exists();
        return archive.toAbsolutePath();
    }

    /** The project version, from the archive name the build wrote (the only migrescue-*.tar.gz without a suffix). */
    private static String version() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("migrescue-") && n.endsWith(".tar.gz") && !n.endsWith("-runtime.tar.gz"))
                    .map(n -> n.substring("migrescue-".length(), n.length() - ".tar.gz".length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no archive in target/: run mvn package"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
