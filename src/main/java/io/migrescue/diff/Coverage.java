package io.migrescue.diff;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which object kinds a diff compared and which it did not, and why: said in every output, so "same" never hides a
 * kind that was not looked at. Built from {@link ObjectKind}.
 *
 * @param notCompared kind to the reason it was not compared
 */
public record Coverage(Engine engine, List<ObjectKind> compared, Map<ObjectKind, String> notCompared) {
    public Coverage {
        compared = List.copyOf(compared);
        notCompared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notCompared));
    }

    public static Coverage of(Engine engine, DiffOptions options) {
        List<ObjectKind> compared = new ArrayList<>();
        Map<ObjectKind, String> not = new LinkedHashMap<>();
        for (ObjectKind kind : ObjectKind.values()) {
            switch (kind.on(engine)) {
                case COMPARED -> compared.add(kind);
                case NOT_READ -> not.put(kind, "not read yet");
                case OPTION -> {
                    String off = optionOff(kind, options);
                    if (off == null) {
                        compared.add(kind);
                    } else {
                        not.put(kind, off);
                    }
                }
                case ABSENT -> {}
            }
        }
        return new Coverage(engine, compared, not);
    }

    /** Why an option-dependent kind was left out, or null when its option has it compared. */
    private static String optionOff(ObjectKind kind, DiffOptions options) {
        return switch (kind) {
            case COLUMN_ORDER -> options.columnOrder() ? null : "cosmetic, --column-order compares it";
            case HISTORY -> options.history() ? null : "--no-history";
            case PRIVILEGES -> options.privileges() ? null : "--privileges compares them";
            default -> "needs an option";
        };
    }

    /** Kinds the engine has at all. */
    public int total() {
        return compared.size() + notCompared.size();
    }

    /** e.g. {@code 11 of 23 PostgreSQL object kinds compared: schemas, tables, …} */
    public String comparedLine() {
        return compared.size() + " of " + total() + " " + engine.displayName() + " object kinds compared: "
                + String.join(", ", compared.stream().map(ObjectKind::label).toList());
    }

    /** e.g. {@code not compared: views (not read yet), …}; null when every kind was compared */
    public String notComparedLine() {
        if (notCompared.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        notCompared.forEach((kind, why) -> parts.add(kind.label() + " (" + why + ")"));
        return "not compared: " + String.join(", ", parts);
    }
}
