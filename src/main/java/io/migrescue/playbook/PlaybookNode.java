package io.migrescue.playbook;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A playbook as written, before validation: a mapping, a list, text, a boolean, a number or null, with the few readings
 * {@link PlaybookLoader} needs (those of Jackson's tree, which read playbooks before). Plain code, so that the built-in
 * playbooks, read from the form the build wrote ({@link CompiledPlaybooks}), load no YAML or Jackson class (start-up).
 */
final class PlaybookNode {
    /** What {@link #path} gives for a field that is not there. */
    static final PlaybookNode MISSING = new PlaybookNode(Missing.INSTANCE);

    static final PlaybookNode NULL = new PlaybookNode(null);

    private enum Missing {
        INSTANCE
    }

    /** String, Boolean, Long, Double, List of nodes, Map of name to node (in the written order), null, or Missing. */
    private final Object value;

    private PlaybookNode(Object value) {
        this.value = value;
    }

    static PlaybookNode text(String text) {
        return new PlaybookNode(Objects.requireNonNull(text));
    }

    static PlaybookNode bool(boolean b) {
        return new PlaybookNode(b);
    }

    static PlaybookNode integer(long n) {
        return new PlaybookNode(n);
    }

    static PlaybookNode decimal(double d) {
        return new PlaybookNode(d);
    }

    /** @param items not copied: the caller hands them over */
    static PlaybookNode list(List<PlaybookNode> items) {
        return new PlaybookNode(Collections.unmodifiableList(items));
    }

    /** @param fields in the order written (a LinkedHashMap); not copied: the caller hands them over */
    static PlaybookNode mapping(Map<String, PlaybookNode> fields) {
        return new PlaybookNode(Collections.unmodifiableMap(fields));
    }

    boolean isObject() {
        return value instanceof Map;
    }

    boolean isArray() {
        return value instanceof List;
    }

    boolean isTextual() {
        return value instanceof String;
    }

    boolean isMissingNode() {
        return value == Missing.INSTANCE;
    }

    boolean isNull() {
        return value == null;
    }

    /** A scalar as read: String, Boolean, Long or Double; null for null, missing, a list or a mapping. */
    Object scalar() {
        return isObject() || isArray() || isMissingNode() ? null : value;
    }

    int size() {
        return isObject() ? fields().size() : isArray() ? elements().size() : 0;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** The field's node, or null when there is none (or this is not a mapping). */
    PlaybookNode get(String field) {
        return isObject() ? fields().get(field) : null;
    }

    /** The field's node, or {@link #MISSING}. */
    PlaybookNode path(String field) {
        PlaybookNode n = get(field);
        return n == null ? MISSING : n;
    }

    boolean hasNonNull(String field) {
        PlaybookNode n = get(field);
        return n != null && !n.isNull();
    }

    @SuppressWarnings("unchecked")
    Map<String, PlaybookNode> fields() {
        return isObject() ? (Map<String, PlaybookNode>) value : Map.of();
    }

    /** A list's items, a mapping's values (as iterating Jackson's tree gives them), else none. */
    @SuppressWarnings("unchecked")
    List<PlaybookNode> elements() {
        if (isArray()) {
            return (List<PlaybookNode>) value;
        }
        return isObject() ? List.copyOf(fields().values()) : List.of();
    }

    /** A scalar as text ({@code true}, {@code 3}); a list, a mapping or a missing field: empty; null: "null". */
    String asText() {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return isNull() ? "null" : "";
    }

    String asText(String absent) {
        return isMissingNode() || isNull() ? absent : asText();
    }

    int asInt(int otherwise) {
        if (value instanceof Long n) {
            return n.intValue();
        }
        if (value instanceof Double d) {
            return d.intValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    boolean asBoolean(boolean otherwise) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long n) {
            return n != 0;
        }
        if (value instanceof String s) {
            String t = s.strip();
            return t.equals("true") || (!t.equals("false") && otherwise);
        }
        return otherwise;
    }

    /** As JSON, the way Jackson's tree prints itself: what the parameter checks search for templates. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        json(out);
        return out.toString();
    }

    private void json(StringBuilder out) {
        if (isObject()) {
            out.append('{');
            String comma = "";
            for (Map.Entry<String, PlaybookNode> e : fields().entrySet()) {
                out.append(comma);
                quote(e.getKey(), out);
                out.append(':');
                e.getValue().json(out);
                comma = ",";
            }
            out.append('}');
        } else if (isArray()) {
            out.append('[');
            String comma = "";
            for (PlaybookNode n : elements()) {
                out.append(comma);
                n.json(out);
                comma = ",";
            }
            out.append(']');
        } else if (isTextual()) {
            quote((String) value, out);
        } else {
            out.append(asText());
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaybookNode n && Objects.equals(value, n.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
