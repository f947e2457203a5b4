package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest on its own: written, read back, and every way a file can go wrong found by verify. */
class BackupManifestTest {

    private static BackupManifest backup(Path dir) throws Exception {
        BackupFile definition =
                TableFiles.writeText(dir, "001-public.t.sql", "-- migrescue: table\nCREATE TABLE t (a text);\n");
        BackupFile data = TableFiles.writeText(dir, "001-public.t.copy", "one\n\\N\n\n");
        BackedUpTable table = new BackedUpTable(
                "public", "t", null, List.of("a"), definition, data, PostgresBackup.DATA_FORMAT, 3L, List.of());
        BackupManifest manifest = new BackupManifest(
                BackupManifest.FORMAT,
                BackupManifest.VERSION,
                "postgresql",
                "15.20",
                "jdbc:postgresql://db:5432/app",
                "2026-01-21T10:15:00Z",
                true,
                List.of(table),
                List.of());
        manifest.writeTo(dir);
        return manifest;
    }

    @Test
    void writtenManifestReadsBackEqualAndVerifies(@TempDir Path dir) throws Exception {
        BackupManifest written = backup(dir);
        BackupManifest read = BackupManifest.read(dir);
        assertThat(read).isEqualTo(written);
        assertThat(read.verify(dir).intact()).isTrue();
        byte[] bytes = Files.readAllBytes(dir.resolve("001-public.t.copy"));
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(read.tables().get(0).data().sha256()).isEqualTo(sha);
        assertThat(read.tables().get(0).data().bytes()).isEqualTo(bytes.length);
        assertThat(Files.exists(dir.resolve("manifest.json.tmp"))).isFalse();
    }

    @Test
    void aChangedByteIsFoundEvenWhenTheSizeStaysTheSame(@TempDir Path dir) throws Exception {
        backup(dir);
        Files.writeString(dir.resolve("001-public.t.copy"), "onf\n\\N\n\n");
        assertThat(BackupManifest.read(dir).verify(dir).problems())
                .singleElement()
                .asString()
                .contains("001-public.t.copy")
                .contains("SHA-256 differs");
    }

    @Test
    void missingFilesAndWrongRowCountsAreFound(@TempDir Path dir) throws Exception {
        backup(dir);
        Files.delete(dir.resolve("001-public.t.sql"));
        Files.writeString(dir.resolve("001-public.t.copy"), "one\n");
        List<String> problems = BackupManifest.read(dir).verify(dir).problems();
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).contains("definition of public.t").contains("missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("1 rows, the manifest says 3"));
    }

    @Test
    void aManifestNamingAFileOutsideTheBackupIsRefused(@TempDir Path dir) throws Exception {
        backup(dir);
        String json = Files.readString(dir.resolve("manifest.json")).replace("001-public.t.sql", "../../etc/passwd");
        Files.writeString(dir.resolve("manifest.json"), json);
        assertThat(BackupManifest.read(dir).verify(dir).problems())
                .singleElement()
                .asString()
                .contains("no usable file name");
    }

    @Test
    void noManifestOrAnotherFileIsAUsageError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> BackupManifest.read(dir))
                .isInstanceOfSatisfying(
                        MigrescueException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("has no manifest.json");
        assertThatThrownBy(() -> BackupManifest.read(dir.resolve("nowhere"))).hasMessageContaining("no such directory");
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"something-else\", \"tables\": []}");
        assertThatThrownBy(() -> BackupManifest.read(dir)).hasMessageContaining("is not a migrescue backup manifest");
        Files.writeString(dir.resolve("manifest.json"), "{ not json");
        assertThatThrownBy(() -> BackupManifest.read(dir)).hasMessageContaining("not a readable backup manifest");
    }

    @Test
    void extrasAreCheckedToo(@TempDir Path dir) throws Exception {
        backup(dir);
        BackupManifest withExtra = BackupWriter.writeExtra(dir, "history.json", "[{\"version\": \"2\"}]\n");
        assertThat(withExtra.extras()).extracting(BackupFile::file).containsExactly("history.json");
        assertThat(BackupManifest.read(dir).extras()).isEqualTo(withExtra.extras());
        Files.writeString(dir.resolve("history.json"), "[]\n");
        assertThat(BackupManifest.read(dir).verify(dir).problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("history.json"));
        assertThatThrownBy(() -> BackupWriter.writeExtra(dir, "../escape", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackupWriter.writeExtra(dir, "manifest.json", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
