package io.migrescue.diff.script;

/** One statement of a fix or rollback script and the phase it belongs to. */
public record Step(Phase phase, String sql) {}
