package io.migrescue.diagnosis;

import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.List;

/** One migration file with its statement map against the live catalog (no failed statement assumed). */
public record MappedMigration(MigrationFile file, List<StatementVerdict> statements) {
    public MappedMigration {
        statements = List.copyOf(statements);
    }

    public long inEffect() {
        return statements.stream()
                .filter(v -> v.state() == StatementState.APPLIED)
                .count();
    }

    public long notInEffect() {
        return statements.stream()
                .filter(v -> v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED)
                .count();
    }

    /** Every statement's effect is in the catalog (an unknown statement never counts as in effect). */
    public boolean fullyInEffect() {
        return !statements.isEmpty() && inEffect() == statements.size();
    }

    public String describe() {
        return file.id() + (file.name() == null || file.name().equals(file.id()) ? "" : " (" + file.name() + ")");
    }

    /** "3 of 4 statements in effect; not: 2 ALTER TABLE …" for the evidence. */
    public String summary() {
        StringBuilder s = new StringBuilder(inEffect() + " of " + statements.size() + " statement(s) in effect");
        List<String> missing = new ArrayList<>();
        for (StatementVerdict v : statements) {
            if (v.state() != StatementState.APPLIED) {
                missing.add(v.n() + " " + abbreviate(v.sql()) + (v.reason() == null ? "" : " (" + v.reason() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            s.append("; not: ")
                    .append(String.join("; ", missing.subList(0, Math.min(3, missing.size()))))
                    .append(missing.size() > 3 ? "; …" : "");
        }
        return s.toString();
    }

    /**
     * The statement maps of several migrations as one, renumbered, so one check over it verifies them all
     * ({@code migration-effects-present}).
     */
    static List<StatementVerdict> joined(List<MappedMigration> migrations) {
        List<StatementVerdict> all = new ArrayList<>();
        for (MappedMigration m : migrations) {
            for (StatementVerdict v : m.statements()) {
                all.add(new StatementVerdict(
                        all.size() + 1, v.line(), v.sql(), v.effects(), v.state(), v.reason(), v.prediction()));
            }
        }
        return all;
    }

    static String abbreviate(String sql) {
        String flat = sql == null ? "" : sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 70 ? flat.substring(0, 69) + "…" : flat;
    }
}
