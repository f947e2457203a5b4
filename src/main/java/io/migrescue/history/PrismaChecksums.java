package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Applied Prisma migrations whose {@code migration.sql} was edited afterwards: {@code _prisma_migrations.checksum}
 * matches the script neither as it is nor with its line endings converted (schema-engine checksum.rs
 * script_matches_checksum), which {@code prisma migrate dev} reports as "was modified after it was applied".
 */
public final class PrismaChecksums {
    private PrismaChecksums() {}

    /** One applied migration whose script no longer has the recorded checksum. */
    public record Drift(String name, String recorded, String now, MigrationFile file) {}

    public static List<Drift> drifts(List<MigrationHistory> history, List<MigrationFile> files) {
        List<Drift> drifts = new ArrayList<>();
        for (MigrationHistory h : history) {
            if (!PrismaTool.TOOL.equals(h.tool())) {
                continue;
            }
            for (MigrationFile f : files) {
                if (!"prisma".equals(f.tool()) || f.path() == null) {
                    continue;
                }
                String name = PrismaTool.migrationName(f);
                for (HistoryEntry e : h.entries()) {
                    if (e.state() == EntryState.APPLIED
                            && e.id().equals(name)
                            && isPrismas(e.checksum())
                            && !matches(read(f), e.checksum())) {
                        drifts.add(new Drift(name, e.checksum(), PrismaTool.checksum(f.path()), f));
                    }
                }
            }
        }
        return drifts;
    }

    /** Prisma always writes 64 hex digits; a row with anything else was not written by it and cannot be compared. */
    private static boolean isPrismas(String checksum) {
        return checksum != null && checksum.matches("[0-9a-fA-F]{64}");
    }

    /** The checksum Prisma writes for the script as it is now. */
    public static String checksum(MigrationFile file) {
        return PrismaTool.checksum(file.path());
    }

    /** Prisma accepts the script as it is, with CRLF made LF, or with LF made CRLF (git may convert line endings). */
    static boolean matches(byte[] script, String checksum) {
        String text = new String(script, StandardCharsets.UTF_8);
        String unix = text.replace("\r\n", "\n");
        return sha256(script).equalsIgnoreCase(checksum)
                || sha256(unix.getBytes(StandardCharsets.UTF_8)).equalsIgnoreCase(checksum)
                || sha256(unix.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))
                        .equalsIgnoreCase(checksum);
    }

    private static String sha256(byte[] bytes) {
        return io.migrescue.files.Digests.sha256Hex(bytes);
    }

    private static byte[] read(MigrationFile f) {
        try {
            return Files.readAllBytes(f.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }
}
