package io.migrescue.report;

import io.migrescue.playbook.PlanStep;
import io.migrescue.playbook.RowsTouched;
import io.migrescue.repair.CheckResult;
import io.migrescue.repair.RepairReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code repair}: the plan and what happened, as text, JSON (cli.md) or Markdown for the incident write-up. */
public final class RepairRenderer {
    private RepairRenderer() {}

    /** As {@link #render(RepairReport, OutputFormat)}, a dry run's text ending with {@code next} (what to type to run it). */
    public static String render(RepairReport report, OutputFormat format, String next) {
        String out = render(report, format);
        if (format != OutputFormat.text || !report.dryRun()) {
            return out;
        }
        int hint = out.lastIndexOf("Nothing was changed.");
        return hint < 0 ? out : out.substring(0, hint) + "Nothing was changed. " + next + "\n";
    }

    public static String render(RepairReport report, OutputFormat format) {
        return format.write(() -> Json.report(document(report)) + "\n", () -> markdown(report), () -> text(report));
    }

    /** The finding a plan repairs, in one line ({@code KIND: summary}). */
    public static String finding(io.migrescue.playbook.Plan plan) {
        return plan.finding().kind().name() + ": " + plan.finding().summary();
    }

    /**
     * After a repair walked step by step, where every statement was shown already: one line per step, then the
     * verification, the status and where the backup and the journal are.
     */
    public static String summary(RepairReport r) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Repair    ")
                .append(r.plan().playbook())
                .append(": ")
                .append(r.plan().title())
                .append('\n');
        for (RepairReport.StepOutcome s : r.steps()) {
            out.append(String.format("%2d. [%s] %s%n", s.n(), s.status(), s.description()));
            rows(r, s).forEach(line -> out.append("      ").append(line).append('\n'));
            if (s.error() != null) {
                out.append("      ERROR: ").append(s.error()).append('\n');
            }
        }
        String full = text(r);
        int verify = full.indexOf("\nVerify");
        out.append(verify < 0 ? "" : full.substring(verify));
        return out.toString();
    }

    static Map<String, Object> document(RepairReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("playbook", r.plan().playbook());
        doc.put("dryRun", r.dryRun());
        doc.put("status", r.status().label());
        doc.put("backup", r.backup() == null ? null : r.backup().toString());
        doc.put(
                "journal",
                r.journal() == null || r.dryRun() ? null : r.journal().toString());
        doc.put("finding", r.plan().finding().kind().name());
        doc.put("params", r.plan().params());
        Map<String, Object> backupPlan = new LinkedHashMap<>();
        backupPlan.put(
                "tables",
                r.plan().backup().tables().stream().map(t -> backedUp(r, t)).toList());
        backupPlan.put("data", r.plan().backup().data());
        backupPlan.put("history", r.plan().backup().historyTool());
        doc.put("backupPlan", backupPlan);
        doc.put(
                "steps",
                r.steps().stream()
                        .map(s -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("n", s.n());
                            m.put("kind", s.kind());
                            m.put("description", s.description());
                            m.put("status", s.status().label());
                            m.put("sql", s.sql());
                            m.put("error", s.error());
                            List<RowsTouched> rows = planned(r, s);
                            if (!rows.isEmpty()) {
                                m.put(
                                        "rows",
                                        rows.stream().map(RowsTouched::figures).toList());
                            }
                            if (s.rows() != null) {
                                m.put("rowsChanged", s.rows());
                            }
                            return m;
                        })
                        .toList());
        doc.put(
                "verification",
                r.verification().stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("check", c.check());
                            m.put(
                                    "holds",
                                    r.dryRun() ? null : c.holds()); // a dry run checks nothing: not run is not false
                            m.put("detail", c.detail());
                            return m;
                        })
                        .toList());
        doc.put("message", r.message());
        return doc;
    }

    private static String text(RepairReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.dryRun() ? "Plan      " : "Repair    ")
                .append(r.plan().playbook())
                .append(": ")
                .append(r.plan().title())
                .append('\n');
        out.append("Finding   ")
                .append(r.plan().finding().kind().name())
                .append(": ")
                .append(r.plan().finding().summary())
                .append('\n');
        if (!r.plan().params().isEmpty()) {
            out.append("Params    ");
            r.plan()
                    .params()
                    .forEach((k, v) -> out.append(k).append('=').append(v).append("  "));
            out.append('\n');
        }
        r.plan().explanations().forEach(e -> out.append("Why       ").append(e).append('\n'));
        out.append('\n');
        for (RepairReport.StepOutcome s : r.steps()) {
            out.append(String.format("%2d. [%s] %s%n", s.n(), s.status(), s.description()));
            rows(r, s).forEach(line -> out.append("      ").append(line).append('\n'));
            for (String sql : s.sql()) {
                out.append("      ")
                        .append(sql.replace("\n", "\n      "))
                        .append(sql.startsWith("--") ? "" : ";")
                        .append('\n');
            }
            if (s.error() != null) {
                out.append("      ERROR: ").append(s.error()).append('\n');
            }
        }
        out.append('\n').append(r.dryRun() ? "Verify    (after the run)\n" : "Verify\n");
        for (CheckResult c : r.verification()) {
            out.append("   ")
                    .append(r.dryRun() ? "-" : c.holds() ? "ok  " : "FAIL")
                    .append(' ')
                    .append(c.check())
                    .append(r.dryRun() ? "" : " (" + c.detail() + ")")
                    .append('\n');
        }
        out.append('\n').append("Status    ").append(r.status()).append('\n');
        if (r.backup() != null) {
            out.append(r.dryRun() ? "Backup    would be written to " : "Backup    ")
                    .append(r.backup())
                    .append('\n');
        }
        if (!r.dryRun() && r.journal() != null) {
            out.append("Journal   ").append(r.journal()).append('\n');
        }
        if (r.message() != null) {
            out.append("Note      ").append(r.message()).append('\n');
        }
        if (r.dryRun()) {
            out.append("Nothing was changed. Run it with: migrescue repair ")
                    .append(r.plan().playbook())
                    .append(" --yes (same options)\n");
        }
        return out.toString();
    }

    /**
     * The rows a step touches, as counted before it ran ({@code rows: deletes 3 rows of orders (id 12, 13, 15)}), and,
     * once it ran, how many its statements changed.
     */
    static List<String> rows(RepairReport r, RepairReport.StepOutcome s) {
        List<String> lines = new ArrayList<>();
        PlanStep step = step(r, s);
        if (step == null) {
            return lines;
        }
        step.rows().forEach(t -> lines.add("rows: " + t.describe()));
        if (s.rows() != null) {
            long counted = step.rowsToChange();
            lines.add("rows changed: " + String.format(java.util.Locale.ROOT, "%,d", s.rows())
                    + (counted < 0
                            ? ""
                            : counted == s.rows()
                                    ? " (as counted before)"
                                    : " (" + String.format(java.util.Locale.ROOT, "%,d", counted)
                                            + " counted before it ran: the rows changed in between)"));
        }
        return lines;
    }

    /** The rows the plan says step {@code s} touches. */
    /**
     * One table the backup saves: {@code where} is the row filter (null: every row), {@code rows} how many rows the
     * filter selects as the plan counted them (null when not counted, as for a whole table).
     */
    private static Map<String, Object> backedUp(RepairReport r, io.migrescue.playbook.BackupPlan.TableToSave t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("table", t.table());
        m.put("where", t.where());
        m.put(
                "rows",
                t.where() == null
                        ? null
                        : r.plan().steps().stream()
                                .flatMap(s -> s.rows().stream())
                                .filter(rows -> rows.counted()
                                        && !"keep".equals(rows.action())
                                        && t.table().equals(rows.table())
                                        && java.util.Objects.equals(t.schema(), rows.schema()))
                                .map(RowsTouched::rows)
                                .findFirst()
                                .orElse(null));
        return m;
    }

    private static List<RowsTouched> planned(RepairReport r, RepairReport.StepOutcome s) {
        PlanStep step = step(r, s);
        return step == null ? List.of() : step.rows();
    }

    private static PlanStep step(RepairReport r, RepairReport.StepOutcome s) {
        return r.plan().steps().stream()
                .filter(p -> p.n() == s.n() && p.kind().equals(s.kind()))
                .findFirst()
                .orElse(null);
    }

    private static String markdown(RepairReport r) {
        StringBuilder out =
                new StringBuilder("## Repair: `").append(r.plan().playbook()).append("`\n\n");
        out.append("- **Finding:** ")
                .append(r.plan().finding().kind().name())
                .append(" — ")
                .append(r.plan().finding().summary())
                .append('\n');
        out.append("- **Status:** ")
                .append(r.status())
                .append(r.dryRun() ? " (dry run, nothing changed)" : "")
                .append('\n');
        if (r.backup() != null) {
            out.append("- **Backup:** `").append(r.backup()).append("`\n");
        }
        out.append("\n### Steps\n\n");
        for (RepairReport.StepOutcome s : r.steps()) {
            out.append(s.n())
                    .append(". **")
                    .append(s.status())
                    .append("** ")
                    .append(s.description())
                    .append('\n');
            rows(r, s).forEach(line -> out.append("   - ").append(line).append('\n'));
            if (!s.sql().isEmpty()) {
                out.append("   ```sql\n");
                s.sql()
                        .forEach(sql -> out.append("   ")
                                .append(sql.replace("\n", "\n   "))
                                .append('\n'));
                out.append("   ```\n");
            }
        }
        out.append("\n### Verification\n\n");
        List<CheckResult> checks = r.verification();
        checks.forEach(c -> out.append("- ")
                .append(r.dryRun() ? "[ ] " : c.holds() ? "[x] " : "[ ] **FAILED** ")
                .append(c.check())
                .append(r.dryRun() ? "" : " — " + c.detail())
                .append('\n'));
        return out.toString();
    }
}
