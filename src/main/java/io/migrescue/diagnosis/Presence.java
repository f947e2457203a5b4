package io.migrescue.diagnosis;

/** Whether an intended effect is visible in the catalog, and why we think so. */
public record Presence(State state, String reason) {
    public enum State {
        PRESENT,
        ABSENT,
        UNKNOWN
    }

    static Presence present(String reason) {
        return new Presence(State.PRESENT, reason);
    }

    static Presence absent(String reason) {
        return new Presence(State.ABSENT, reason);
    }

    static Presence unknown(String reason) {
        return new Presence(State.UNKNOWN, reason);
    }
}
