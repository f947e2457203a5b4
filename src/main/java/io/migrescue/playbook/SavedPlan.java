package io.migrescue.playbook;

import java.util.List;

/**
 * A reviewed plan as {@code repair --dry-run --save-plan} writes it: the plan, what it was made from, and which
 * database it is for. {@code repair --plan} runs it only on that database and while the fingerprint still matches.
 *
 * @param database the database it was planned on: engine, host, port and database name (no user, no password)
 * @param schemas  the schemas in scope when it was planned
 */
public record SavedPlan(int version, String database, List<String> schemas, Plan plan, PlanFingerprint fingerprint) {
    public static final int VERSION = 1;

    public SavedPlan {
        schemas = List.copyOf(schemas);
    }
}
