package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new CHECK on a table with rows: the server tests every row when it adds it (PostgreSQL 23514, MariaDB 4025, MySQL
 * 3819), so the rows whose values make the expression false make the statement fail. The rows are asked with the
 * expression itself, when every column it reads is in the live table under that name.
 */
record CheckRows(Simulator sim) {
    /** A quoted name, a string literal (skipped), or a bare word. */
    private static final Pattern WORD =
            Pattern.compile("\"([^\"]+)\"|`([^`]+)`|'(?:[^']|'')*'|\\b([A-Za-z_][\\w$]*)\\b");

    void check(Site site, ModelTable t, Effect.ConstraintDef c) {
        String expression = c.checkExpression();
        if (expression == null || !sim.rowsAsLive(t) || site.sql().matches("(?is).*\\bNOT\\s+VALID\\b.*")) {
            return; // NOT VALID: PostgreSQL leaves the existing rows to VALIDATE CONSTRAINT
        }
        Set<String> read = columnsRead(t, expression);
        if (read == null || read.isEmpty()) {
            return;
        }
        Engine engine = sim.model.engine();
        String code = engine == Engine.POSTGRESQL ? "23514" : engine == Engine.MARIADB ? "error 4025" : "error 3819";
        String name = c.name() == null ? "" : " " + c.name();
        DataQuestion.CheckViolations rows =
                new DataQuestion.CheckViolations(t.liveSchema, t.liveName, c.name(), expression, sim.liveKey(t));
        List<String> fix = read.size() == 1
                ? List.of(sim.fixSql.fitCheck(t.name, read.iterator().next(), rows.violatingRows()))
                : List.of();
        String text = "change the rows that fail it first (choose the value; back them up)"
                + (engine == Engine.POSTGRESQL
                        ? ", or add it NOT VALID and VALIDATE CONSTRAINT once they are fixed"
                        : "");
        sim.add(site.finding(
                FindingKind.CHECK_VIOLATION,
                Severity.ERROR,
                "rows of " + t.name + " fail the new CHECK" + name + " (" + expression
                        + "), so the server refuses to add it (" + code + ")",
                List.of(),
                new PreflightFinding.Fix(text, fix, List.of("fix-check-violations")),
                new PreflightFinding.Confirm.Rows(rows)));
    }

    /**
     * The table's columns the expression reads; null when one of them is added or renamed by a pending statement (the
     * live rows cannot answer for it).
     */
    private Set<String> columnsRead(ModelTable t, String expression) {
        Set<String> read = new LinkedHashSet<>();
        Matcher m = WORD.matcher(expression);
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            ModelTable.Col col = word == null ? null : t.columns.get(sim.model.key(word));
            if (col == null && m.group(3) != null) {
                col = t.columns.get(sim.model.key(sim.model.dialect().foldBare(word)));
            }
            if (col != null) {
                if (!col.live() || !col.liveName().equalsIgnoreCase(col.name())) {
                    return null;
                }
                read.add(col.name());
            }
        }
        return read;
    }
}
