package io.migrescue.diff;

import java.util.Locale;

/** The two databases of a diff: the source is the reference, the target is the one a fix script changes. */
public enum DiffSide {
    SOURCE,
    TARGET;

    /** As the JSON contract spells it: {@code "source"}, {@code "target"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public DiffSide other() {
        return this == SOURCE ? TARGET : SOURCE;
    }
}
