package io.migrescue.preflight;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.model.Catalog;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the pending migrations, in order, over a model of the live catalog: each statement is checked against the
 * model as the earlier pending statements left it, then applied to it as if it had gone through (so one cause is
 * reported once, and what a later statement needs is judged as the deploy would meet it).
 */
public final class Simulator {
    private static final Pattern DML = Pattern.compile(
            "(?is)^\\s*(?:WITH\\b.*?\\)\\s*)?(?:UPDATE|DELETE\\s+FROM|INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|MERGE\\s+INTO"
                    + "|TRUNCATE(?:\\s+TABLE)?)\\s+(?:ONLY\\s+)?([`\"\\w.]+)");

    final SchemaModel model;
    final FixSql fixSql;
    final List<PreflightFinding> findings = new ArrayList<>();
    final List<LockCheck> locks = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /**
     * Tables whose rows a pending statement changes before (key → which statement): their live rows no longer say what
     * the deploy meets, and a table a pending migration creates may have rows by then.
     */
    final Map<String, String> rowsChanged = new HashMap<>();
    /** A statement the readers could not understand came before: what it does is unknown, so "missing" is only "may". */
    String opaque;

    private final Map<String, List<String>> creates;
    final ConstraintChecks constraints;
    private final TableChecks tables;

    /** @param creates table name → the CREATE TABLE for it in the migration files (a missing table's fix) */
    public Simulator(Catalog catalog, String defaultSchema, Map<String, List<String>> creates) {
        this.model = new SchemaModel(catalog, defaultSchema);
        this.fixSql = new FixSql(catalog.engine());
        this.creates = creates;
        this.constraints = new ConstraintChecks(this);
        this.tables = new TableChecks(this);
    }

    public Simulation run(List<PendingMigration> pending) {
        for (PendingMigration m : pending) {
            for (StatementWithEffects s : m.statements()) {
                Site site = new Site(m, s);
                for (Effect e : s.effects()) {
                    apply(site, e);
                }
            }
        }
        return new Simulation(List.copyOf(findings), List.copyOf(locks), List.copyOf(notes));
    }

    private void apply(Site site, Effect effect) {
        if (effect instanceof Effect.CreateTable e) {
            tables.create(site, e);
        } else if (effect instanceof Effect.DropTable e) {
            tables.drop(site, e);
        } else if (effect instanceof Effect.RenameTable e) {
            tables.rename(site, e);
        } else if (effect instanceof Effect.AddColumn e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new ColumnChecks(this).add(site, t, e));
        } else if (effect instanceof Effect.DropColumn e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new ColumnChecks(this).drop(site, t, e));
        } else if (effect instanceof Effect.RenameColumn e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new ColumnChecks(this).rename(site, t, e));
        } else if (effect instanceof Effect.ModifyColumn e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new ColumnChecks(this).modify(site, t, e));
        } else if (effect instanceof Effect.SetColumnDefault e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new ColumnChecks(this).column(site, t, e.column()));
        } else if (effect instanceof Effect.AddConstraint e) {
            table(site, e.schema(), e.table()).ifPresent(t -> {
                lock(
                        site,
                        t,
                        !"FOREIGN_KEY".equals(e.constraint().kind())
                                || !site.sql().matches("(?is).*\\bNOT\\s+VALID\\b.*"),
                        "adds " + e.constraint().kind().toLowerCase(Locale.ROOT).replace('_', ' '));
                constraints.add(site, t, e.constraint(), false);
            });
        } else if (effect instanceof Effect.DropConstraint e) {
            tableForDrop(site, e.schema(), e.table()).ifPresent(t -> constraints.drop(site, t, e.name()));
        } else if (effect instanceof Effect.RenameConstraint e) {
            table(site, e.schema(), e.table()).ifPresent(t -> constraints.rename(site, t, e.from(), e.to()));
        } else if (effect instanceof Effect.CreateIndex e) {
            table(site, e.schema(), e.table()).ifPresent(t -> new IndexChecks(this, constraints).create(site, t, e));
        } else if (effect instanceof Effect.DropIndex e) {
            new IndexChecks(this, constraints).drop(site, e);
        } else if (effect instanceof Effect.RenameIndex e) {
            table(site, e.schema(), e.table())
                    .ifPresent(t -> new IndexChecks(this, constraints).rename(site, t, e.from(), e.to()));
        } else if (effect instanceof Effect.Other e) {
            other(site, e);
        }
    }

    private void other(Site site, Effect.Other e) {
        String sql = e.sql() == null ? site.sql() : e.sql();
        if (sql.strip().startsWith("-- not understood")) {
            opaque = "statement " + site.statement().statement().number() + " of "
                    + site.migration().id()
                    + " was not understood ("
                    + Site.excerpt(
                            sql.strip().substring("-- not understood".length()).replaceFirst("^:", ""))
                    + "); what it does is unknown";
            return;
        }
        Matcher m = DML.matcher(sql.replaceAll("(?m)^\\s*--.*$", ""));
        if (m.find()) {
            String[] parts = m.group(1).replaceAll("[`\"]", "").split("\\.");
            String name = parts[parts.length - 1];
            String schema = parts.length > 1 ? parts[parts.length - 2] : null;
            model.table(schema, name)
                    .ifPresent(t -> rowsChanged.putIfAbsent(
                            rowsKey(t),
                            "statement " + site.statement().statement().number() + " of "
                                    + site.migration().id()));
        }
    }

    /** The live name of the table's one-column primary key, to name example rows; null when it has none. */
    String liveKey(ModelTable t) {
        List<String> pk = t.primaryKey();
        ModelTable.Col c = pk.size() == 1 ? t.columns.get(model.key(pk.get(0))) : null;
        return c == null ? null : c.liveName();
    }

    /** Whether a live table's rows are still what the deploy will meet (no pending statement changed them before). */
    boolean rowsAsLive(ModelTable t) {
        return t.live() && !rowsChanged.containsKey(rowsKey(t));
    }

    String rowsKey(ModelTable t) {
        return t.schema + "." + t.name.toLowerCase(Locale.ROOT);
    }

    /** The table a statement changes; missing: a finding, and empty. */
    Optional<ModelTable> table(Site site, String schema, String name) {
        Optional<ModelTable> t = model.table(schema, name);
        if (t.isEmpty()) {
            missingTable(site, schema, name, "the table this statement changes");
        }
        return t;
    }

    private Optional<ModelTable> tableForDrop(Site site, String schema, String name) {
        Optional<ModelTable> t = model.table(schema, name);
        if (t.isEmpty() && !site.ifExists()) {
            missingTable(site, schema, name, "the table this statement changes");
        }
        return t;
    }

    void missingTable(Site site, String schema, String name, String role) {
        List<String> evidence = new ArrayList<>();
        evidence.add("no table " + name + " in " + model.schemaOf(schema)
                + ", in the database or made by an earlier pending migration" + " (" + role + ")");
        List<ModelTable> elsewhere = model.elsewhere(schema, name);
        elsewhere.forEach(t -> evidence.add("a table " + t.name + " exists in schema " + t.schema));
        List<String> create = creates.getOrDefault(name, List.of());
        if (!create.isEmpty()) {
            evidence.add(
                    "the migration files create it; it was dropped since, or those migrations were marked applied without running");
        }
        String text = !elsewhere.isEmpty()
                ? "qualify the name with the schema it lives in (" + elsewhere.get(0).schema + "." + name
                        + "), or set the tool's default schema to it"
                : !create.isEmpty()
                        ? "create the table first, as the migration files define it"
                        : "create the table in an earlier migration, or correct the name";
        add(missing(
                site,
                FindingKind.MISSING_TABLE,
                "table " + name + " does not exist",
                evidence,
                new PreflightFinding.Fix(
                        text, elsewhere.isEmpty() ? create : List.of(), List.of("create-missing-table"))));
    }

    /** A missing object is certain unless a statement before it could not be read. */
    PreflightFinding missing(
            Site site, FindingKind kind, String cause, List<String> evidence, PreflightFinding.Fix fix) {
        if (opaque == null) {
            return site.finding(kind, Severity.ERROR, cause, evidence, fix, null);
        }
        List<String> more = new ArrayList<>(evidence);
        more.add(opaque + ": it may create it");
        return site.finding(kind, Severity.WARNING, cause, more, fix, null);
    }

    void add(PreflightFinding f) {
        findings.add(f);
    }

    void lock(Site site, ModelTable t, boolean heavy, String what) {
        if (t.live()) {
            locks.add(new LockCheck(
                    site.migration(),
                    site.statement().statement().number(),
                    site.statement().statement().line(),
                    Site.excerpt(site.sql()),
                    t.liveSchema,
                    t.liveName,
                    heavy,
                    what));
        }
    }

    static boolean hasDefault(Effect.ColumnDef c) {
        String type = c.type() == null ? "" : c.type().toLowerCase(Locale.ROOT);
        return c.defaultValue() != null
                || type.contains("serial")
                || type.contains("generated")
                || type.contains("identity")
                || type.contains("auto_increment");
    }
}
