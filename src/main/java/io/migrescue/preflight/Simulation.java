package io.migrescue.preflight;

import java.util.List;

/**
 * What the simulation found: findings (some still to be confirmed by the rows), the locks to look at, and notes (what
 * it could not decide).
 */
public record Simulation(List<PreflightFinding> findings, List<LockCheck> lockChecks, List<String> notes) {}
