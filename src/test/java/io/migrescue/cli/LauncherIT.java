package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black box: the real launcher and the shaded jar (merged service files: drivers found), run from another directory. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/migrescue").toAbsolutePath();
    private static final Path JAR = Path.of("target/migrescue.jar").toAbsolutePath();

    record Result(int exit, String out, String err) {}

    private static Result launch(Path workDir, String... args) throws IOException, InterruptedException {
        return launchWithInput(workDir, Path.of("/dev/null"), args);
    }

    private static Result launchWithInput(Path workDir, Path input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("MIGRESCUE_LOG_DIR", workDir.resolve("logs").toString());
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        pb.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        pb.environment().put("MIGRESCUE_JAVA_OPTS", "-Duser.home=" + workDir);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndUsageFromAnyDirectory(@TempDir Path dir) throws Exception {
        Result version = launch(dir, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("migrescue 0.");

        Result bare = launch(dir);
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("Usage: migrescue");
    }

    /**
     * A lone {@code --version} is answered by the launcher from the version file the build writes beside the jar and
     * the runtime's release file (no JVM: start-up, issue 19): the lines must be exactly those Main prints, on every
     * runtime here.
     */
    @Test
    void theLaunchersVersionIsMainsVersion(@TempDir Path dir) throws Exception {
        assertThat(Path.of("target/migrescue.version")).exists();
        for (Path java : installedJavas()) {
            String answered = launcherAnswer(java, dir, "--version");
            assertThat(answered)
                    .as(java.toString())
                    .isEqualTo(jvmAnswer(java, "--version"))
                    .startsWith("migrescue 0.");
        }
    }

    /**
     * A lone {@code --help} or {@code -h} into a pipe is answered by the launcher from the usage the build rendered
     * beside the jar (no JVM): byte for byte what the JVM prints there, on every runtime here.
     */
    @Test
    void theLaunchersHelpIsMainsHelp(@TempDir Path dir) throws Exception {
        Path help = Path.of("target/migrescue.help");
        assertThat(help).exists();
        assertThat(Files.getLastModifiedTime(help)).isGreaterThanOrEqualTo(Files.getLastModifiedTime(JAR));
        for (Path java : installedJavas()) {
            String expected = jvmAnswer(java, "--help");
            assertThat(expected).startsWith("Usage: migrescue");
            for (String option : List.of("--help", "-h")) {
                assertThat(launcherAnswer(java, dir, option))
                        .as(java + " " + option)
                        .isEqualTo(expected);
            }
        }
    }

    /** The file is what answers (not a JVM), and only while it is not older than the jar. */
    @Test
    void theHelpFileAnswersOnlyWhileCurrent(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("migrescue.jar"));
        Path help = Files.writeString(dir.resolve("migrescue.help"), "Usage: from the file\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(launcherAnswer(java, dir, Map.of("MIGRESCUE_JAR", jar.toString()), "--help"))
                .isEqualTo("Usage: from the file\n");

        Files.setLastModifiedTime(
                help, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 10_000));
        assertThat(launcherAnswer(
                        java, dir, Map.of("MIGRESCUE_JAR", jar.toString(), "MIGRESCUE_NO_CDS", "1"), "--help"))
                .isEqualTo(jvmAnswer(java, "--help"));
    }

    /** The running JDK and every other one installed under /usr/lib/jvm. */
    private static List<Path> installedJavas() throws IOException {
        List<Path> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")));
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            jdks.map(j -> j.resolve("bin/java")).filter(Files::isExecutable).forEach(javas::add);
        } catch (IOException noOtherRuntimes) {
            // the running JDK alone
        }
        return javas;
    }

    /** What {@code java -jar migrescue.jar ARGS} prints into a pipe (stdout and stderr). */
    private static String jvmAnswer(Path java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return answer;
    }

    private static String launcherAnswer(Path java, Path dir, String... args) throws IOException, InterruptedException {
        return launcherAnswer(java, dir, Map.of(), args);
    }

    /** What the launcher prints into a pipe with MIGRESCUE_JAVA={@code java}; it must succeed. */
    private static String launcherAnswer(Path java, Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder launcher =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        launcher.environment().put("MIGRESCUE_JAVA", java.toString());
        launcher.environment().putAll(environment);
        Process l = launcher.start();
        String answered = new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(l.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(l.exitValue()).as(answered).isZero();
        return answered;
    }

    /**
     * A checkout without a jar: the first run builds it quietly (one honest line before, one after, no colour codes
     * and no Maven output), then answers; the second run does not build again.
     */
    @Test
    void theFirstRunBuildsQuietly(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("checkout"));
        for (String part : List.of("pom.xml", ".mvn", "bin", "src/main", "playbooks")) {
            copyTree(Path.of(part), copy.resolve(part));
        }
        ProcessBuilder pb =
                new ProcessBuilder(copy.resolve("bin/migrescue").toString(), "--version").directory(dir.toFile());
        Path err = dir.resolve("err.txt");
        pb.redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("first build finished").isTrue();
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("migrescue 0.");
        assertThat(said).doesNotContain("\u001b").doesNotContain("[INFO]").doesNotContain("Download");
        assertThat(said.lines().toList()).hasSize(2);
        assertThat(said).startsWith("migrescue: building").containsPattern("migrescue: built in \\d+ s");
        Process again = new ProcessBuilder(copy.resolve("bin/migrescue").toString(), "--version")
                .redirectErrorStream(true)
                .start();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .doesNotContain("building");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Without a terminal, {@code migrescue shell} reads its commands from standard input (a dumb terminal, no warning). */
    @Test
    void theShellReadsAScriptFromAPipe(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("script.txt"), "playbooks show mark-applied\nnosuch\nexit\n");
        Result shell = launchWithInput(dir, script, "shell");
        assertThat(shell.exit()).as(shell.err()).isZero();
        assertThat(shell.out())
                .contains("migrescue shell")
                .contains("Record a migration as applied")
                .contains("unknown command: nosuch")
                .contains("bye")
                .doesNotContain("\u001b[");
        assertThat(shell.err()).doesNotContain("WARNING").doesNotContain("Unable to create");
        assertThat(Files.readString(dir.resolve(".migrescue/history"))).contains("playbooks show mark-applied");
    }

    @Test
    void statusOnBothEnginesThroughTheShadedJar(@TempDir Path dir) throws Exception {
        for (Engine engine : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
            try (ScratchDatabase db = ScratchDatabase.create(engine, "launcher")) {
                FlywayRun.leaveFailedV2(db, dir.resolve("migrations-" + engine.id()));
                String url = db.server().urlFor(db.name()).replace("jdbc:mysql:", "jdbc:mariadb:");
                Result status =
                        launch(dir, "status", "--url", url, "-u", db.server().user(), "--format", "json");
                assertThat(status.exit()).as(status.err()).isEqualTo(1);
                assertThat(status.out())
                        .contains("\"engine\" : \"" + engine.id() + "\"")
                        .contains("\"failed\" : [ \"2\" ]");
                assertThat(status.err()).isEmpty();
            }
        }
    }
}
