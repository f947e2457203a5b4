package io.migrescue.diagnosis;

import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Baseline after {@code push} (field report 04), Prisma P3005, a schema restored from a dump, a Django dependency left
 * unrecorded: migrations the tool's history does not record whose effects are all in the live schema already. The
 * tool's next run would fail creating what exists. Those in front, in the tool's order, are to be recorded as the tool
 * would; the first one not wholly in effect, and everything after it, is left to the tool. A table that exists with
 * another shape than the migration makes stops the run there: it is shown, never moved aside without a decision.
 */
public final class UnrecordedMigrations {
    private UnrecordedMigrations() {}

    /** The migration files of {@code h}'s tool that it does not record as applied, in the tool's order. */
    public static List<MigrationFile> pending(MigrationHistory h, List<MigrationFile> files) {
        Set<String> below = FailedMigrationFinder.belowHeads(List.of(h), files);
        return files.stream()
                .filter(f -> h.tool().equals(f.tool()))
                .filter(f -> !below.contains(f.id()) && !FailedMigrationFinder.recorded(h, f))
                .toList();
    }

    /**
     * @param pending the pending migrations of {@code h}, mapped, in the tool's order
     * @return the finding when at least the first of them is wholly in effect
     */
    public static Optional<Finding> find(
            MigrationHistory h, List<MappedMigration> pending, CatalogLookup lookup, PlaybookRanking ranking) {
        List<MappedMigration> toRecord = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        MappedMigration leftToTool = null;
        String shape = null;
        for (int i = 0; i < pending.size(); i++) {
            MappedMigration m = pending.get(i);
            shape = m.fullyInEffect() ? otherShape(m, pending.subList(i, pending.size()), lookup) : null;
            if (!m.fullyInEffect() || shape != null) {
                leftToTool = m;
                break;
            }
            toRecord.add(m);
            evidence.add(m.describe() + ": not recorded, every statement in effect ("
                    + m.statements().size() + ")");
        }
        String tool = h.tool();
        if (toRecord.isEmpty()) {
            if (shape != null) {
                return Optional.of(otherShapeFinding(tool, leftToTool, shape));
            }
            // a statement that cannot be told (a table there with another shape) is the move-aside case, not this one
            return h.entries().isEmpty()
                            && leftToTool != null
                            && madeATable(leftToTool)
                            && leftToTool.statements().stream().noneMatch(v -> v.state() == StatementState.UNKNOWN)
                    ? Optional.of(partlyInEffect(tool, leftToTool))
                    : Optional.empty();
        }
        if (leftToTool != null) {
            evidence.add(leftToTool.describe() + ": "
                    + (shape != null
                            ? shape + ": not recorded and not moved aside;"
                                    + " decide by hand (make the table what the migration means, or rename it aside with"
                                    + " move-aside-existing-table --param newName=…)"
                            : leftToTool.summary() + ": left for " + tool + " to run"));
        }
        int after = pending.size() - toRecord.size() - (leftToTool == null ? 0 : 1);
        if (after > 0) {
            evidence.add(after + " later migration(s) left for " + tool + " to run");
        }
        MappedMigration last = toRecord.get(toRecord.size() - 1);
        FailedMigration recorded = new FailedMigration(
                tool, last.file().id(), fileName(last.file()), "baseline", MappedMigration.joined(toRecord));
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", tool);
        objects.put(
                "migrations",
                String.join(", ", toRecord.stream().map(x -> x.file().id()).toList()));
        if (leftToTool != null) {
            objects.put("next", leftToTool.file().id());
        }
        String summary = toRecord.size() + " migration(s) of " + tool + " are in effect but not recorded ("
                + objects.get("migrations") + "): its next run would fail creating what exists";
        List<String> playbooks = ranking.rank(FindingKind.UNRECORDED_MIGRATIONS, recorded, false, true);
        return Optional.of(new Finding(
                FindingKind.UNRECORDED_MIGRATIONS,
                Severity.ERROR,
                summary,
                objects,
                evidence,
                recorded,
                playbooks,
                false));
    }

    /**
     * The first pending migration is partly in effect (a table made by hand without its index): recording it would skip
     * what is missing, running it fails on what exists. Said, with what is missing; nothing recorded, nothing proposed.
     */
    private static Finding partlyInEffect(String tool, MappedMigration m) {
        FailedMigration first =
                new FailedMigration(tool, m.file().id(), fileName(m.file()), "baseline", m.statements());
        List<String> evidence = List.of(
                m.describe() + ": not recorded, " + m.summary(),
                "recording it would skip what is"
                        + " missing and running it fails on what exists: make the missing part by hand (or drop what it made), then"
                        + " run repair again");
        return new Finding(
                FindingKind.UNRECORDED_MIGRATIONS,
                Severity.ERROR,
                "migration " + m.describe() + " of " + tool
                        + " is not recorded and only partly in effect (" + m.inEffect() + " of "
                        + m.statements().size()
                        + " statements): its next run fails on what exists",
                Map.of("tool", tool, "next", m.file().id()),
                evidence,
                first,
                List.of(),
                false);
    }

    /** A table the migration creates is there already: in a schema with nothing recorded, someone made part of it. */
    private static boolean madeATable(MappedMigration m) {
        return m.statements().stream()
                .anyMatch(v -> v.state() == StatementState.APPLIED
                        && v.effects().stream().anyMatch(e -> e instanceof Effect.CreateTable));
    }

    /** The first pending migration would fail on a table that is there with another shape: said, nothing proposed. */
    private static Finding otherShapeFinding(String tool, MappedMigration m, String shape) {
        FailedMigration first =
                new FailedMigration(tool, m.file().id(), fileName(m.file()), "baseline", m.statements());
        List<String> evidence = List.of(
                shape,
                "not recorded and not moved aside: make the table what the migration"
                        + " means, or rename it aside (move-aside-existing-table --param newName=…), then run repair again");
        return new Finding(
                FindingKind.UNRECORDED_MIGRATIONS,
                Severity.ERROR,
                "migration " + m.describe() + " of "
                        + tool + " is not recorded and its " + shape.substring(0, shape.indexOf(':'))
                        + ": its next run fails on it",
                Map.of("tool", tool, "next", m.file().id()),
                evidence,
                first,
                List.of(),
                false);
    }

    /**
     * A table the migration creates that exists with columns no pending migration makes (a push of a newer schema, a
     * table of the same name made by hand): described, or null when every such table has only the columns meant.
     */
    static String otherShape(MappedMigration m, List<MappedMigration> fromHere, CatalogLookup lookup) {
        String otherType = ColumnShapes.otherType(m.statements(), lookup);
        if (otherType != null) {
            String table = otherType.substring("column ".length(), otherType.indexOf('.'));
            return "table " + table + " exists with another shape than the migration makes: " + otherType;
        }
        for (StatementVerdict v : m.statements()) {
            for (Effect e : v.effects()) {
                if (!(e instanceof Effect.CreateTable c)) {
                    continue;
                }
                Optional<Table> live = lookup.table(c.schema(), c.table());
                if (live.isEmpty()) {
                    continue;
                }
                Set<String> meant = columnsMeant(c.table(), fromHere);
                List<String> extra = live.get().columns().stream()
                        .map(io.migrescue.model.Column::name)
                        .filter(n -> !meant.contains(n.toLowerCase(Locale.ROOT)))
                        .toList();
                if (!extra.isEmpty()) {
                    return "table " + c.table() + " exists with another shape than the migration creates: column(s) "
                            + String.join(", ", extra) + " are not in it";
                }
            }
        }
        return null;
    }

    private static Set<String> columnsMeant(String table, List<MappedMigration> migrations) {
        Set<String> names = new HashSet<>();
        for (MappedMigration m : migrations) {
            for (StatementVerdict v : m.statements()) {
                for (Effect e : v.effects()) {
                    if (e instanceof Effect.CreateTable c && c.table().equalsIgnoreCase(table)) {
                        c.columns().forEach(col -> names.add(col.name().toLowerCase(Locale.ROOT)));
                    } else if (e instanceof Effect.AddColumn a && a.table().equalsIgnoreCase(table)) {
                        names.add(a.column().name().toLowerCase(Locale.ROOT));
                    } else if (e instanceof Effect.RenameColumn r && r.table().equalsIgnoreCase(table)) {
                        names.add(r.to().toLowerCase(Locale.ROOT));
                    } else if (e instanceof Effect.ModifyColumn mc
                            && mc.table().equalsIgnoreCase(table)
                            && mc.newName() != null) {
                        names.add(mc.newName().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    static String fileName(MigrationFile f) {
        return f.path() == null ? f.id() : f.path().getFileName().toString();
    }
}
