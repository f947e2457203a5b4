package io.migrescue.repair;

/** One verification: what was checked, whether it holds, and what was seen. */
public record CheckResult(String check, boolean holds, String detail) {}
