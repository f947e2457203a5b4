package io.migrescue.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.ExitCode;
import io.migrescue.failure.FileFailures;
import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @Test
    void directoriesAre0700AndFiles0600(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/b");
        PrivateFiles.createDirectories(dir);
        assertThat(mode(tmp.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        PrivateFiles.writeString(dir.resolve("report.md"), "# report");
        PrivateFiles.createNewFile(dir.resolve("journal.jsonl"));
        assertThat(mode(dir.resolve("report.md"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("journal.jsonl"))).isEqualTo("rw-------");
        Path old = Files.writeString(dir.resolve("old.txt"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.writeString(old, "y");
        assertThat(mode(old)).isEqualTo("rw-------");
        assertThat(Files.readString(old)).isEqualTo("y");
    }

    @Test
    void checkWritableLeavesNothingBehindAndNamesAFileInTheWay(@TempDir Path tmp) throws Exception {
        PrivateFiles.checkWritable(tmp.resolve("x/y/z"));
        assertThat(tmp.resolve("x")).doesNotExist();
        Path file = Files.writeString(tmp.resolve("plain"), "");
        assertThatThrownBy(() -> PrivateFiles.checkWritable(file.resolve("sub")))
                .isInstanceOf(IOException.class);
        MigrescueException e = FileFailures.usage(
                "write the backup directory",
                file.resolve("sub"),
                catchIo(() -> PrivateFiles.checkWritable(file.resolve("sub"))),
                "choose another with --backup-dir DIR");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage())
                .isEqualTo("cannot write the backup directory " + file.resolve("sub") + ": a file is in the way ("
                        + file + " is not a directory); choose another with --backup-dir DIR");
    }

    @Test
    void reasonsInTheOperatorsWords() {
        assertThat(FileFailures.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileFailures.reason(new FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(FileFailures.reason(new IOException("No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(FileFailures.reason(new java.io.FileNotFoundException("/b/x (Permission denied)")))
                .isEqualTo("permission denied");
        assertThat(FileFailures.reason(new FileSystemException("/x/y", null, "Not a directory")))
                .isEqualTo("a file is in the way (not a directory)");
    }

    @Test
    void aFullDiskIsNamed(@TempDir Path tmp) throws Exception {
        Path full = Files.createSymbolicLink(tmp.resolve("plan.json"), Path.of("/dev/full"));
        IOException e = catchIo(() -> PrivateFiles.writeString(full, "{}"));
        assertThat(FileFailures.usage("write the plan", full, e, null).getMessage())
                .endsWith(": no space left on device");
    }

    interface IoAction {
        void run() throws IOException;
    }

    private static IOException catchIo(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("expected an IOException");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
