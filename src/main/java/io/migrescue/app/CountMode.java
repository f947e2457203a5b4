package io.migrescue.app;

/** {@code --counts}: none (default), the engine's estimates, or exact {@code count(*)} of every table. */
public enum CountMode {
    NONE,
    ESTIMATE,
    EXACT
}
