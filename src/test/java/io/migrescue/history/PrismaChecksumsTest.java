package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prisma's "modified after it was applied", from its published checksum: SHA-256 hex, line endings forgiven. */
class PrismaChecksumsTest {
    private static final String SQL = "CREATE TABLE a (id INT);\n";

    private static List<PrismaChecksums.Drift> drifts(Path dir, String now, String recorded, EntryState state)
            throws Exception {
        Path file = dir.resolve("20240101000000_init/migration.sql");
        Files.createDirectories(file.getParent());
        Files.write(file, now.getBytes(StandardCharsets.UTF_8));
        MigrationHistory h = new MigrationHistory(
                "prisma",
                "public",
                "_prisma_migrations",
                List.of(new HistoryEntry(
                        "20240101000000_init", "20240101000000_init", state, Instant.EPOCH, recorded, null)),
                null);
        return PrismaChecksums.drifts(
                List.of(h), List.of(new MigrationFile("20240101000000_init", "init", file, "prisma")));
    }

    private static String recordedFor(Path dir, String text) throws Exception {
        Path f = Files.writeString(dir.resolve("x.sql"), text);
        return PrismaTool.checksum(f);
    }

    @Test
    void anEditedScriptDriftsAndItsNewChecksumIsTheFilesSha256(@TempDir Path dir) throws Exception {
        String recorded = recordedFor(dir, SQL);
        assertThat(recorded).hasSize(64).matches("[0-9a-f]+");
        List<PrismaChecksums.Drift> drifts = drifts(dir, SQL + "-- note\n", recorded, EntryState.APPLIED);
        assertThat(drifts).singleElement().satisfies(d -> {
            assertThat(d.recorded()).isEqualTo(recorded);
            assertThat(d.now()).isEqualTo(recordedFor(dir, SQL + "-- note\n")).isNotEqualTo(recorded);
        });
    }

    @Test
    void theSameScriptOrOnlyOtherLineEndingsDoNotDrift(@TempDir Path dir) throws Exception {
        String recorded = recordedFor(dir, SQL);
        assertThat(drifts(dir, SQL, recorded, EntryState.APPLIED)).isEmpty();
        assertThat(drifts(dir, SQL.replace("\n", "\r\n"), recorded, EntryState.APPLIED))
                .isEmpty();
        assertThat(drifts(
                        dir,
                        SQL.replace("\n", "\r\n"),
                        recordedFor(dir, SQL.replace("\n", "\r\n")),
                        EntryState.APPLIED))
                .isEmpty();
    }

    @Test
    void onlyFinishedMigrationsAreCompared(@TempDir Path dir) throws Exception {
        String recorded = recordedFor(dir, SQL);
        assertThat(drifts(dir, SQL + "-- x\n", recorded, EntryState.FAILED)).isEmpty();
        assertThat(drifts(dir, SQL + "-- x\n", recorded, EntryState.ROLLED_BACK))
                .isEmpty();
        assertThat(drifts(dir, SQL + "-- x\n", "a", EntryState.APPLIED))
                .as("not a checksum Prisma writes")
                .isEmpty();
    }
}
