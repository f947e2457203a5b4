package io.migrescue.diff.script;

import io.migrescue.diff.DiffResult;
import io.migrescue.diff.Difference;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.function.Function;

/**
 * The script that makes the target like the source, and the one that undoes it, as text to review and run. Statements
 * run in {@link Phase} order. A data-losing change is written commented out and flagged unless destructive changes are
 * allowed; its undoing is then left out of the rollback too, so the rollback always undoes exactly what ran.
 */
public final class FixScript {
    private final Engine engine;
    private final Ddl ddl;
    private final List<Change> changes;
    private final boolean allowDestructive;
    private final List<Difference> history;
    private final List<String> targetSchemas;

    private FixScript(
            Engine engine,
            Ddl ddl,
            List<Change> changes,
            boolean allowDestructive,
            List<Difference> history,
            List<String> targetSchemas) {
        this.engine = engine;
        this.ddl = ddl;
        this.changes = List.copyOf(changes);
        this.allowDestructive = allowDestructive;
        this.history = List.copyOf(history);
        this.targetSchemas = List.copyOf(targetSchemas);
    }

    public static FixScript plan(DiffResult result, boolean allowDestructive) {
        return plan(result, allowDestructive, List.of());
    }

    /**
     * @param targetObjects the target's views, routines, policies… as read (PostgreSQL), with what each depends on: what
     *                      is dropped and created again around a change of a column it depends on
     */
    public static FixScript plan(
            DiffResult result, boolean allowDestructive, List<io.migrescue.model.DefinedObject> targetObjects) {
        ChangePlanner planner = new ChangePlanner(result, targetObjects);
        return new FixScript(
                result.engine(),
                planner.ddl(),
                planner.plan(result.differences()),
                allowDestructive,
                result.historyDifferences(),
                result.matching().mapping().targetScope());
    }

    public List<Change> changes() {
        return changes;
    }

    /** Statements the fix script runs (commented-out ones not counted). */
    public int statements() {
        return (int) changes.stream()
                .filter(this::runs)
                .mapToLong(c -> c.forward().size())
                .sum();
    }

    /** Data-losing changes written commented out (none with {@code --allow-destructive}). */
    public int withheld() {
        return (int) changes.stream()
                .filter(c -> c.destructive() && !allowDestructive && c.manual() == null)
                .count();
    }

    public int destructive() {
        return (int) changes.stream().filter(Change::destructive).count();
    }

    public int manual() {
        return (int) changes.stream().filter(c -> c.manual() != null).count();
    }

    private boolean runs(Change c) {
        return c.manual() == null && (!c.destructive() || allowDestructive);
    }

    /** @param about lines saying what was compared (source, target), written as comments at the top */
    public String forward(List<String> about) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrescue diff: makes the target like the source. Review it before running it.\n");
        about.forEach(line -> out.append("-- ").append(line).append('\n'));
        out.append("-- ").append(statements()).append(statements() == 1 ? " statement" : " statements");
        if (withheld() > 0) {
            out.append("; ")
                    .append(withheld())
                    .append(" data-losing change")
                    .append(withheld() == 1 ? "" : "s")
                    .append(" commented out (--allow-destructive includes them)");
        }
        if (manual() > 0) {
            out.append("; ").append(manual()).append(" to do by hand (listed at the end)");
        }
        out.append('\n');
        Hazards.of(engine, changes, this::runs)
                .forEach(line -> out.append("-- ").append(line).append('\n'));
        out.append(atomicity()).append('\n');
        body(out, Change::forward, true);
        List<String> byHand = changes.stream()
                .filter(c -> c.manual() != null)
                .map(c -> c.summary() + ": " + c.manual())
                .toList();
        list(out, "To do by hand", byHand);
        list(
                out,
                "Migration history (this script does not write it: the migration tool records its own runs)",
                history.stream().map(FixScript::historyLine).toList());
        return out.toString();
    }

    /** The statements that undo {@link #forward}: run on the target after it, they bring the target back as it was. */
    public String rollback(List<String> about) {
        StringBuilder out = new StringBuilder();
        out.append(
                "-- migrescue diff: undoes the fix script. Run it on the target after the fix script, to go back.\n");
        about.forEach(line -> out.append("-- ").append(line).append('\n'));
        if (changes.stream().anyMatch(c -> runs(c) && c.destructive())) {
            out.append(
                    "-- Rows the fix script dropped are not brought back (the tables and columns are): restore them from a backup.\n");
        }
        out.append(atomicity()).append('\n');
        body(out, Change::rollback, false);
        list(
                out,
                "Not undone",
                changes.stream()
                        .filter(c -> runs(c) && c.rollbackManual() != null)
                        .map(Change::rollbackManual)
                        .toList());
        return out.toString();
    }

    private String atomicity() {
        boolean after = changes.stream()
                .filter(this::runs)
                .flatMap(c -> c.forward().stream())
                .anyMatch(s -> s.phase().afterCommit());
        return engine.transactionalDdl()
                ? "-- PostgreSQL: one transaction; it applies completely or not at all."
                        + (after
                                ? " Then, after it, the index "
                                        + "builds and validations that must not hold its locks: each on its own."
                                : "")
                        + "\n"
                : "-- " + engine.displayName()
                        + " commits each DDL statement: if one fails, those before it stay applied.\n";
    }

    /**
     * @param flag the fix script: data-losing changes are flagged, and written commented out when not allowed; the
     *             rollback writes only the undoing of what the fix script runs
     */
    private void body(StringBuilder out, Function<Change, List<Step>> steps, boolean flag) {
        List<Change> shown = changes.stream()
                .filter(c -> runs(c) || flag && c.manual() == null)
                .toList();
        List<Step> all = shown.stream().flatMap(c -> steps.apply(c).stream()).toList();
        if (all.isEmpty()) {
            out.append("-- nothing to change\n");
            return;
        }
        if (!ddl.preamble().isEmpty()) {
            out.append('\n');
            ddl.preamble().forEach(sql -> out.append(sql).append(";\n"));
        }
        section(out, Phase.ENUM_VALUES, shown, steps, flag);
        if (!all.stream()
                .allMatch(s -> s.phase() == Phase.ENUM_VALUES || s.phase().afterCommit())) {
            out.append('\n');
            ddl.begin(targetSchemas).forEach(sql -> out.append(sql).append(";\n"));
            for (Phase phase : Phase.values()) {
                if (phase != Phase.ENUM_VALUES && !phase.afterCommit()) {
                    section(out, phase, shown, steps, flag);
                }
            }
            ddl.end().forEach(sql -> out.append('\n').append(sql).append(";\n"));
        }
        for (Phase phase : Phase.values()) {
            if (phase.afterCommit()) {
                section(out, phase, shown, steps, flag);
            }
        }
    }

    /** One phase's statements (and those of the phases it leads), each change introduced by its summary. */
    private void section(
            StringBuilder out, Phase phase, List<Change> shown, Function<Change, List<Step>> steps, boolean flag) {
        if (phase.lead() != phase) {
            return;
        }
        StringBuilder section = new StringBuilder();
        List<Change> ordered = new java.util.ArrayList<>(shown);
        if (phase.dropsInReverse()) {
            java.util.Collections.reverse(ordered);
        }
        for (Change change : ordered) {
            List<Step> here = steps.apply(change).stream()
                    .filter(s -> s.phase().lead() == phase)
                    .toList();
            if (here.isEmpty()) {
                continue;
            }
            boolean active = runs(change);
            String loss = !flag || !change.destructive()
                    ? ""
                    : active ? "DATA LOSS: " : "DATA LOSS, not run (--allow-destructive runs it): ";
            section.append("-- ")
                    .append(loss)
                    .append(flag ? "" : "undo: ")
                    .append(change.summary())
                    .append('\n');
            if (flag && change.warning() != null) {
                section.append("--   note: ").append(change.warning()).append('\n');
            }
            for (Step step : here) {
                String sql = step.sql() + ";";
                section.append(active ? sql : "-- " + sql.replace("\n", "\n-- "))
                        .append('\n');
            }
        }
        if (section.length() > 0) {
            out.append("\n-- == ").append(phase.title()).append(" ==\n").append(section);
        }
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("\n-- ").append(title).append(":\n");
        lines.forEach(line -> out.append("--   ").append(line).append('\n'));
    }

    private static String historyLine(Difference d) {
        String what = d.missingIn() != null
                ? "missing in " + d.missingIn().id()
                        + (d.source() != null
                                ? " (source: " + d.source() + ")"
                                : d.target() != null ? " (target: " + d.target() + ")" : "")
                : "source " + d.source() + ", target " + d.target();
        return d.kind() + " " + d.tool() + " " + d.object() + ": " + what;
    }
}
