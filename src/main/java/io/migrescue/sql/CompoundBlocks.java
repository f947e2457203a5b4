package io.migrescue.sql;

import io.migrescue.model.Engine;
import java.util.Locale;
import java.util.Set;

/**
 * Nesting of compound-statement bodies written without a {@code DELIMITER} change (Flyway and most tools accept
 * them): MySQL routines and triggers ({@code BEGIN … END}, MariaDB {@code BEGIN NOT ATOMIC}), PostgreSQL
 * {@code BEGIN ATOMIC … END} function bodies. Inside a body, CASE … END nests too; END IF / END LOOP / END WHILE /
 * END REPEAT close blocks that were never counted, so they are skipped.
 */
final class CompoundBlocks {
    private static final Set<String> OBJECTS = Set.of(
            "TABLE",
            "VIEW",
            "INDEX",
            "SEQUENCE",
            "TYPE",
            "SCHEMA",
            "DATABASE",
            "DOMAIN",
            "EXTENSION",
            "USER",
            "ROLE",
            "SERVER",
            "TABLESPACE",
            "RULE",
            "POLICY");
    private final String s;
    private final boolean mysql;
    private int depth;
    private int words;
    private Head head = Head.OTHER;
    private boolean skipNext;

    /** What the first words of the statement say: a routine (whose body may hold terminators) or not, or not yet. */
    private enum Head {
        /** A CREATE whose object keyword has not come yet. */
        CREATE,
        ROUTINE,
        OTHER
    }

    CompoundBlocks(String s, Engine engine) {
        this.s = s;
        this.mysql = engine.isMySqlFamily();
    }

    int depth() {
        return depth;
    }

    void reset() {
        depth = 0;
        words = 0;
        head = Head.OTHER;
        skipNext = false;
    }

    void word(String word, int end) {
        String w = word.toUpperCase(Locale.ROOT);
        words++;
        if (skipNext) {
            skipNext = false;
            return;
        }
        if (words == 1) {
            head = w.equals("CREATE") ? Head.CREATE : Head.OTHER;
        } else if (head == Head.CREATE && words <= 8) {
            // the object keyword decides: CREATE TABLE event (begin int) is no routine
            if (isRoutineKeyword(w)) {
                head = Head.ROUTINE;
            } else if (OBJECTS.contains(w)) {
                head = Head.OTHER;
            }
        }
        switch (w) {
            case "BEGIN" -> {
                String next = nextWord(end);
                boolean routine = head == Head.ROUTINE;
                boolean opens =
                        mysql ? routine || (words == 1 && next.equals("NOT")) : routine && next.equals("ATOMIC");
                if (opens || depth > 0) {
                    depth++;
                }
            }
            case "CASE" -> {
                if (depth > 0) {
                    depth++;
                }
            }
            case "END" -> {
                if (depth > 0) {
                    String next = nextWord(end);
                    switch (next) {
                        case "IF", "LOOP", "WHILE", "REPEAT" -> skipNext = true;
                        case "CASE" -> {
                            skipNext = true;
                            depth--;
                        }
                        default -> depth--;
                    }
                }
            }
            default -> {}
        }
    }

    private boolean isRoutineKeyword(String w) {
        return mysql
                ? w.equals("PROCEDURE") || w.equals("FUNCTION") || w.equals("TRIGGER") || w.equals("EVENT")
                : w.equals("PROCEDURE") || w.equals("FUNCTION");
    }

    /** The next word after whitespace (comments are not expected between END and IF), upper-cased, or "". */
    private String nextWord(int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && SqlScanner.isIdentifierChar(s.charAt(j))) {
            j++;
        }
        return s.substring(i, j).toUpperCase(Locale.ROOT);
    }
}
