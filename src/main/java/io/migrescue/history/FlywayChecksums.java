package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applied Flyway migrations whose file was edited afterwards: the checksum Flyway recorded differs from the one Flyway
 * core computes for the file now ({@code flyway validate} fails on exactly these).
 */
public final class FlywayChecksums {
    private FlywayChecksums() {}

    /** One applied versioned migration whose file no longer has the recorded checksum. */
    public record Drift(String version, String recorded, int now, MigrationFile file) {}

    public static List<Drift> drifts(List<MigrationHistory> history, List<MigrationFile> files) {
        List<Drift> drifts = new ArrayList<>();
        for (MigrationHistory h : history) {
            if (!FlywayTool.TOOL.equals(h.tool())) {
                continue;
            }
            for (HistoryEntry e : h.entries()) {
                if (e.state() != EntryState.APPLIED || e.checksum() == null || !FlywayScript.isVersion(e.id())) {
                    continue;
                }
                for (MigrationFile f : files) {
                    Optional<FlywayScript> script = script(f);
                    if (script.isPresent()
                            && script.get().sameVersion(e.id())
                            && !e.checksum()
                                    .equals(Integer.toString(script.get().checksum()))) {
                        drifts.add(new Drift(e.id(), e.checksum(), script.get().checksum(), f));
                    }
                }
            }
        }
        return drifts;
    }

    /** The checksum Flyway computes for the file now, or null when it is not a versioned Flyway SQL migration. */
    public static Integer checksum(MigrationFile file) {
        return script(file).map(FlywayScript::checksum).orElse(null);
    }

    private static Optional<FlywayScript> script(MigrationFile f) {
        if (f.path() == null
                || !"flyway".equals(f.tool())
                        && !f.path().getFileName().toString().matches("V[^_]+__.*\\.sql")) {
            return Optional.empty();
        }
        try {
            return Optional.of(FlywayScript.of(f));
        } catch (RuntimeException notFlyway) {
            return Optional.empty();
        }
    }
}
