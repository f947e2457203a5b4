package io.migrescue.playbook;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.Index;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a plan depends on, as it was when the plan was made: the definitions of the tables it touches, the
 * migration tool's history rows, and how many rows its data steps would change. A saved plan runs only while the
 * database still gives the same fingerprint; {@link #changes} says, in words, what differs.
 *
 * @param tables  per touched table that exists ({@code schema.table}): one line per column, index and constraint
 * @param absent  touched tables that do not exist (the plan creates them, or expects them gone)
 * @param history per history table ({@code tool schema.table}): one line per entry, oldest first
 * @param rows    per row selection the backup saves ({@code schema.table WHERE …}): how many rows it holds
 */
public record PlanFingerprint(
        Map<String, Map<String, String>> tables,
        List<String> absent,
        Map<String, List<String>> history,
        Map<String, Long> rows) {
    public PlanFingerprint {
        tables = Map.copyOf(tables);
        absent = List.copyOf(absent);
        history = Map.copyOf(history);
        rows = Map.copyOf(rows);
    }

    /** A row selection whose count belongs in the fingerprint: the rows a data step changes (the backup saves them). */
    public record RowSelection(String schema, String table, String where) {
        public String key() {
            return schema + "." + table + " WHERE " + where;
        }
    }

    /** The filtered selections of the backup: a whole table is not counted, as live traffic changes it all the time. */
    public static List<RowSelection> rowSelections(Plan plan) {
        return plan.backup().tables().stream()
                .filter(t -> t.where() != null)
                .map(t -> new RowSelection(t.schema(), t.table(), t.where()))
                .toList();
    }

    /**
     * @param catalog   the schemas in scope now
     * @param histories the migration histories found
     * @param rowCounts the count of every {@link #rowSelections} entry, by {@link RowSelection#key}
     */
    public static PlanFingerprint of(
            Plan plan, Catalog catalog, List<MigrationHistory> histories, Map<String, Long> rowCounts) {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        List<String> absent = new ArrayList<>();
        for (String name : touchedTables(plan)) {
            List<Table> found = catalog.tablesNamedIgnoreCase(name);
            if (found.isEmpty()) {
                absent.add(name);
            }
            found.forEach(t -> tables.put(t.qualifiedName(), definition(t)));
        }
        Map<String, List<String>> history = new TreeMap<>();
        String tool = plan.backup().historyTool();
        for (MigrationHistory h : histories) {
            if (tool == null || tool.equals(h.tool())) {
                history.put(
                        h.tool() + " " + h.schema() + "." + h.table(),
                        h.entries().stream().map(PlanFingerprint::entry).toList());
            }
        }
        Map<String, Long> rows = new TreeMap<>();
        rowSelections(plan).forEach(s -> rows.put(s.key(), rowCounts.getOrDefault(s.key(), -1L)));
        return new PlanFingerprint(tables, absent, history, rows);
    }

    /** The names of the tables the plan's backup, steps and checks name (case as written). */
    static List<String> touchedTables(Plan plan) {
        TreeSet<String> names = new TreeSet<>(java.util.Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        plan.backup().tables().forEach(t -> names.add(t.table()));
        plan.steps().forEach(s -> names.addAll(s.changes()));
        for (Check c : plan.checks()) {
            if (c instanceof Check.ConstraintPresent x) {
                names.add(x.table());
            } else if (c instanceof Check.TablePresent x) {
                names.add(x.table());
            } else if (c instanceof Check.RowCountKept x) {
                names.add(x.table());
            } else if (c instanceof Check.NoOrphans x) {
                names.add(x.table());
                names.add(x.refTable());
            } else if (c instanceof Check.NoDuplicates x) {
                names.add(x.table());
            } else if (c instanceof Check.NoNulls x) {
                names.add(x.table());
            } else if (c instanceof Check.NoCheckViolations x) {
                names.add(x.table());
            } else if (c instanceof Check.NoUnfitValues x) {
                names.add(x.question().table());
            } else if (c instanceof Check.ConstraintValidated x) {
                names.add(x.table());
            } else if (c instanceof Check.IndexValid x) {
                names.add(x.table());
            } else if (c instanceof Check.ColumnTypeMatches x) {
                names.add(x.table());
                names.add(x.refTable());
            }
        }
        return names.stream().filter(Objects::nonNull).toList();
    }

    private static Map<String, String> definition(Table t) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            parts.put(
                    "column " + c.name(),
                    c.type()
                            + (c.nullable() ? "" : " not null")
                            + (c.defaultValue() == null ? "" : " default " + c.defaultValue())
                            + (c.extra() == null || c.extra().isEmpty() ? "" : " " + c.extra()));
        }
        for (Index i : t.indexes()) {
            parts.put(
                    "index " + i.name(),
                    (i.unique() ? "unique " : "") + Objects.toString(i.method(), "") + " ("
                            + String.join(", ", i.columns()) + ")"
                            + (i.predicate() == null ? "" : " where " + i.predicate()) + (i.valid() ? "" : " invalid"));
        }
        for (Constraint c : t.constraints()) {
            parts.put(
                    "constraint " + c.name(),
                    c.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + String.join(", ", c.columns())
                            + ")"
                            + (c.foreignKey() == null
                                    ? ""
                                    : " references " + c.foreignKey().referencedTable() + " ("
                                            + String.join(", ", c.foreignKey().referencedColumns()) + ")")
                            + (c.checkExpression() == null ? "" : " " + c.checkExpression())
                            + (c.validated() ? "" : " not valid"));
        }
        return parts;
    }

    private static String entry(HistoryEntry e) {
        return e.id() + " " + e.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (e.checksum() == null ? "" : " checksum " + e.checksum());
    }

    /** What differs in {@code now} from this fingerprint, one sentence each; empty when the plan still fits. */
    public List<String> changes(PlanFingerprint now) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        names.addAll(now.tables.keySet());
        for (String name : names) {
            Map<String, String> was = tables.get(name);
            Map<String, String> is = now.tables.get(name);
            String shown = shortName(name);
            if (was == null) {
                out.add("table " + shown + " was created since the plan was saved");
            } else if (is == null) {
                out.add("table " + shown + " was dropped or renamed since the plan was saved");
            } else if (!was.equals(is)) {
                out.add("table " + shown + " changed since the plan was saved: "
                        + String.join(", ", partChanges(was, is)));
            }
        }
        TreeSet<String> histories = new TreeSet<>(history.keySet());
        histories.addAll(now.history.keySet());
        for (String h : histories) {
            List<String> was = history.getOrDefault(h, List.of());
            List<String> is = now.history.getOrDefault(h, List.of());
            if (!was.equals(is)) {
                out.add("the " + h + " history changed since the plan was saved: " + historyChange(was, is));
            }
        }
        for (Map.Entry<String, Long> r : rows.entrySet()) {
            Long count = now.rows.get(r.getKey());
            if (!r.getValue().equals(count)) {
                out.add("the rows the repair changes in " + r.getKey() + " are "
                        + (count == null ? "no longer selected" : count) + " now, were " + r.getValue()
                        + " when the plan was saved");
            }
        }
        return out;
    }

    private static String shortName(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    private static List<String> partChanges(Map<String, String> was, Map<String, String> is) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> p : is.entrySet()) {
            String before = was.get(p.getKey());
            if (before == null) {
                out.add(p.getKey() + " added");
            } else if (!before.equals(p.getValue())) {
                out.add(p.getKey() + " now " + p.getValue() + " (was " + before + ")");
            }
        }
        was.keySet().stream().filter(k -> !is.containsKey(k)).forEach(k -> out.add(k + " removed"));
        return out;
    }

    private static String historyChange(List<String> was, List<String> is) {
        List<String> out = new ArrayList<>();
        is.stream().filter(e -> !was.contains(e)).forEach(e -> out.add("now " + e));
        was.stream().filter(e -> !is.contains(e)).forEach(e -> out.add("was " + e));
        return String.join(", ", out);
    }
}
