package io.migrescue.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's definition file: plain SQL an operator can read and run by hand, each statement preceded by a marker
 * line naming its kind ({@code -- migrescue: table}), so that a restore can run the kinds at different moments
 * (the table before the rows, indexes and foreign keys after them).
 */
final class DefinitionFile {
    private static final String MARKER = "-- migrescue: ";

    /** When a statement runs during a restore, in this order. */
    enum Kind {
        SEQUENCE,
        TABLE,
        OWNED_SEQUENCE,
        CONSTRAINT,
        INDEX,
        TRIGGER,
        FOREIGN_KEY;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String label) {
            return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    record DdlStatement(Kind kind, String sql) {}

    private DefinitionFile() {}

    static String render(List<String> header, List<DdlStatement> statements) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("-- ").append(line).append('\n'));
        for (DdlStatement s : statements) {
            out.append(MARKER)
                    .append(s.kind().label())
                    .append('\n')
                    .append(s.sql().strip())
                    .append(";\n");
        }
        return out.toString();
    }

    /** The statements of a definition file, without their terminating semicolons; comments before the first are skipped. */
    static List<DdlStatement> parse(String text) {
        List<DdlStatement> statements = new ArrayList<>();
        Kind kind = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                add(statements, kind, sql);
                kind = Kind.of(line.substring(MARKER.length()));
                sql.setLength(0);
            } else if (kind != null) {
                sql.append(line).append('\n');
            }
        }
        add(statements, kind, sql);
        return statements;
    }

    static List<DdlStatement> ofKind(List<DdlStatement> statements, Kind kind) {
        return statements.stream().filter(s -> s.kind() == kind).toList();
    }

    private static void add(List<DdlStatement> statements, Kind kind, StringBuilder sql) {
        if (kind == null) {
            return;
        }
        String s = sql.toString().strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        statements.add(new DdlStatement(kind, s));
    }
}
