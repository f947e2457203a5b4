package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.Unwritable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrescue's own files where the environment will not have them (a directory nobody may write, a file in the way, a
 * full disk): one line naming the path, what failed and the option that moves it, exit 2, nothing changed, never a
 * stack trace or "this is a bug". And the backups it does write are its owner's alone (0700 / 0600).
 */
class OwnFilesIT {
    private static final Path LAUNCHER = Path.of("bin/migrescue").toAbsolutePath();

    @Test
    void fromAnUnwritableWorkingDirectoryTheRealLauncherSaysSoInOneLine(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "own files launcher")) {
            Scenarios.Broken broken = Scenarios.duplicateColumn(db, tmp.resolve("m"));
            Path errorFile = broken.errorFile();
            Fingerprint before = Fingerprint.of(db);
            try (Unwritable cwd = Unwritable.make(tmp.resolve("readonly"))) {
                // the log directory and the home are unwritable too: logging must stay silent, and name no log file
                List<String> args = new ArrayList<>(List.of("repair", "adopt-existing-object", "--yes", "-v"));
                args.addAll(db.cliArgs());
                args.addAll(List.of(
                        "--error-file",
                        errorFile.toString(),
                        "--migrations",
                        broken.migrations().toString()));
                String[] result = launch(cwd.dir(), tmp, Path.of("/dev/null"), args);
                assertThat(result[0]).as(result[2]).isEqualTo("2");
                assertThat(result[2].lines()).as(result[2]).hasSize(1);
                assertThat(result[2])
                        .startsWith("migrescue: cannot write the backup directory "
                                + cwd.dir().resolve("migrescue-backups"))
                        .contains(
                                "operation not permitted",
                                "nothing was changed",
                                "choose another with --backup-dir DIR")
                        .doesNotContain("Exception")
                        .doesNotContain("bug")
                        .doesNotContain("migrescue.log")
                        .doesNotContain("\tat ");
                assertThat(result[1]).isEmpty();

                // the shell without a history file: it says so once and works
                Path script = Files.writeString(tmp.resolve("script.txt"), "playbooks\nexit\n");
                String[] shell = launch(cwd.dir(), tmp, script, List.of("shell"));
                assertThat(shell[0]).as(shell[2]).isEqualTo("0");
                assertThat(shell[1])
                        .contains("History is not kept: cannot write the history file")
                        .contains("adopt-existing-object");
                assertThat(shell[2]).isEmpty();
            }
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    @Test
    void everyUnusableLocationIsOneLineWithItsOption(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "own files")) {
            Scenarios.Broken broken = Scenarios.duplicateColumn(db, tmp.resolve("m"));
            Fingerprint before = Fingerprint.of(db);
            Path plain = Files.writeString(tmp.resolve("plain.txt"), "not a directory");

            CliRun underAFile = repair(db, broken, plain.resolve("backup"));
            assertThat(underAFile.exitCode()).as(underAFile.all()).isEqualTo(2);
            assertThat(underAFile.err())
                    .hasLineCount(1)
                    .contains("cannot write the backup directory " + plain.resolve("backup"))
                    .contains("a file is in the way (" + plain + " is not a directory)")
                    .contains("--backup-dir DIR");

            try (Unwritable locked = Unwritable.make(tmp.resolve("locked"))) {
                CliRun denied = repair(db, broken, locked.dir().resolve("b"));
                assertThat(denied.exitCode()).as(denied.all()).isEqualTo(2);
                assertThat(denied.err())
                        .hasLineCount(1)
                        .contains("cannot write the backup directory "
                                + locked.dir().resolve("b"))
                        .contains("--backup-dir DIR")
                        .doesNotContain("bug");
                CliRun backup = CliRun.on(
                        db,
                        "backup",
                        "--table",
                        "users",
                        "--to",
                        locked.dir().resolve("t").toString());
                assertThat(backup.exitCode()).as(backup.all()).isEqualTo(2);
                assertThat(backup.err())
                        .hasLineCount(1)
                        .contains("cannot write the backup directory")
                        .contains("--to DIR");
            }

            // a full disk: the plan file cannot be written (a file of the directory is /dev/full)
            Path full = Files.createDirectories(tmp.resolve("full"));
            Files.createSymbolicLink(full.resolve("plan.json"), Path.of("/dev/full"));
            CliRun noSpace = repair(db, broken, full);
            assertThat(noSpace.exitCode()).as(noSpace.all()).isEqualTo(2);
            assertThat(noSpace.err())
                    .hasLineCount(1)
                    .contains("cannot write the plan " + full.resolve("plan.json"))
                    .contains("no space left on device")
                    .contains("--backup-dir DIR");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    @Test
    void aRepairsBackupIsItsOwnersAlone(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "own files modes")) {
            Scenarios.Broken broken = Scenarios.duplicateColumn(db, tmp.resolve("m"));
            Path dir = tmp.resolve("backups/one");
            CliRun run = repair(db, broken, dir);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(mode(tmp.resolve("backups"))).isEqualTo("rwx------");
            List<Path> all;
            try (Stream<Path> files = Files.walk(dir)) {
                all = files.toList();
            }
            assertThat(all)
                    .extracting(p -> p.getFileName().toString())
                    .contains("journal.jsonl", "plan.json", "manifest.json");
            for (Path p : all) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
            Path to = tmp.resolve("plain-backup");
            CliRun backup = CliRun.on(db, "backup", "--table", "users", "--to", to.toString());
            assertThat(backup.exitCode()).as(backup.all()).isZero();
            try (Stream<Path> files = Files.walk(to)) {
                for (Path p : files.toList()) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
        }
    }

    private static CliRun repair(ScratchDatabase db, Scenarios.Broken broken, Path backupDir) {
        return CliRun.on(
                db,
                "repair",
                "adopt-existing-object",
                "--yes",
                "--backup-dir",
                backupDir.toString(),
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The real launcher in {@code workDir} (also its home and log directory); its output kept in {@code outDir}. */
    private static String[] launch(Path workDir, Path outDir, Path input, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("MIGRESCUE_LOG_DIR", workDir.resolve("logs").toString());
        pb.environment().put("MIGRESCUE_JAVA_OPTS", "-Duser.home=" + workDir);
        Path out = outDir.resolve("out-" + System.nanoTime());
        Path err = outDir.resolve("err-" + System.nanoTime());
        pb.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new String[] {
            String.valueOf(p.exitValue()),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)
        };
    }
}
