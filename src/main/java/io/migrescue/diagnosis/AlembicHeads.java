package io.migrescue.diagnosis;

import io.migrescue.migration.CodeMigrationReaders;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two Alembic heads: the revision scripts branch and nothing merges them, so {@code alembic upgrade head} refuses
 * ("Multiple head revisions are present"). The fix is code (a merge revision), never a change in the database.
 */
public final class AlembicHeads {
    private AlembicHeads() {}

    /** The revisions no other revision descends from, in file order. */
    static List<MigrationFile> heads(List<MigrationFile> files) {
        var reader = CodeMigrationReaders.forTool("alembic");
        if (reader.isEmpty()) {
            return List.of();
        }
        Set<String> belowOthers = new HashSet<>();
        for (MigrationFile f : files) {
            Set<String> below = new HashSet<>(reader.get().applied(Set.of(f.id()), files));
            below.remove(f.id());
            belowOthers.addAll(below);
        }
        return files.stream().filter(f -> !belowOthers.contains(f.id())).toList();
    }

    public static Optional<Finding> find(MigrationHistory h, List<MigrationFile> files) {
        if (h != null && !"alembic".equals(h.tool())) {
            return Optional.empty();
        }
        List<MigrationFile> alembic =
                files.stream().filter(f -> "alembic".equals(f.tool())).toList();
        List<MigrationFile> heads = heads(alembic);
        if (heads.size() < 2) {
            return Optional.empty();
        }
        List<String> ids = heads.stream().map(MigrationFile::id).toList();
        List<String> evidence = new ArrayList<>();
        heads.forEach(f -> evidence.add(
                "head " + f.id() + (f.name() == null || f.name().equals(f.id()) ? "" : " (" + f.name() + ")")));
        evidence.add("alembic upgrade head refuses: \"Multiple head revisions are present for given argument 'head'\"");
        if (h != null) {
            evidence.add("alembic_version holds "
                    + String.join(
                            ", ", h.entries().stream().map(HistoryEntry::id).toList()));
        }
        evidence.add("merge them in code: alembic merge -m \"merge heads\" " + String.join(" ", ids)
                + ", review the new revision, then alembic upgrade head;"
                + " migrescue changes nothing in the database for this");
        return Optional.of(new Finding(
                FindingKind.MULTIPLE_HEADS,
                Severity.ERROR,
                "the Alembic revision scripts have " + heads.size() + " heads (" + String.join(", ", ids)
                        + "): merge them before upgrading",
                Map.of("tool", "alembic", "heads", String.join(", ", ids)),
                evidence,
                null,
                List.of(),
                false));
    }
}
