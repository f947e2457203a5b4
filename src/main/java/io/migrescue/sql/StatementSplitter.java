package io.migrescue.sql;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements the way the engine's own client would: terminators inside quotes,
 * comments and dollar-quoted bodies do not count; MySQL {@code DELIMITER} lines change the terminator; routine bodies
 * ({@code BEGIN … END}) keep their inner semicolons. Each statement keeps the line where its first code character
 * is; leading comments are not part of it, comments inside it are. Comment-only and empty statements are dropped.
 */
public final class StatementSplitter {

    private StatementSplitter() {}

    public static List<SqlStatement> split(String script, Engine engine) {
        return new Run(script.startsWith("\uFEFF") ? " " + script.substring(1) : script, engine).split();
    }

    /** The state of one pass over a script. */
    private static final class Run {
        private final String s;
        private final Engine engine;
        private final boolean mysql;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final LineNumbers lines;
        private String delimiter = ";";
        private int start = -1; // first code character of the pending statement, -1 when none
        private int parenDepth;
        private final CompoundBlocks blocks;

        Run(String s, Engine engine) {
            this.s = s;
            this.engine = engine;
            this.mysql = engine.isMySqlFamily();
            this.lines = new LineNumbers(s);
            this.blocks = new CompoundBlocks(s, engine);
        }

        List<SqlStatement> split() {
            int i = 0;
            while (i < s.length()) {
                if (atLineStart(i)) {
                    int after = specialLine(i);
                    if (after >= 0) {
                        i = after;
                        continue;
                    }
                }
                SqlScanner.Span span = SqlScanner.at(s, i, engine);
                if (span != null) {
                    if (!span.kind().isComment()) {
                        markCode(i);
                    }
                    i = span.end();
                    continue;
                }
                if (s.startsWith(delimiter, i) && parenDepth == 0 && blocks.depth() == 0) {
                    finish(i);
                    i += delimiter.length();
                    continue;
                }
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                markCode(i);
                if (!mysql && c == '(') {
                    parenDepth++; // psql does not end a statement inside parentheses (CREATE RULE … DO (…; …))
                } else if (!mysql && c == ')' && parenDepth > 0) {
                    parenDepth--;
                }
                if (delimiter.equals(";") && isWordStart(i)) {
                    // words matter only for block nesting; with another delimiter ("END$$") it is matched per character
                    int end = wordEnd(i);
                    blocks.word(s.substring(i, end), end);
                    i = end;
                } else {
                    i++;
                }
            }
            finish(s.length());
            return statements;
        }

        /**
         * Lines the client handles itself: Drizzle's {@code --> statement-breakpoint} marker (ends any pending
         * statement; on MySQL {@code -->} is not even a comment) and, between statements only, MySQL
         * {@code DELIMITER x} (the client's command, never sent; a column named {@code delimiter} at the start of a
         * line inside a statement must not trigger it). Returns the index after the line, or -1 when it is ordinary.
         */
        private int specialLine(int i) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            int eol = s.indexOf('\n', j);
            eol = eol < 0 ? s.length() : eol;
            String line = s.substring(j, eol).strip();
            if (line.startsWith("--> statement-breakpoint")) {
                finish(i);
                return eol;
            }
            if (start < 0
                    && mysql
                    && line.length() > 9
                    && line.regionMatches(true, 0, "DELIMITER", 0, 9)
                    && Character.isWhitespace(line.charAt(9))) {
                String arg = line.substring(10).strip().split("\\s+")[0];
                if (arg.length() > 1
                        && (arg.charAt(0) == '\'' || arg.charAt(0) == '"' || arg.charAt(0) == '`')
                        && arg.charAt(arg.length() - 1) == arg.charAt(0)) {
                    arg = arg.substring(1, arg.length() - 1);
                }
                if (!arg.isEmpty()) {
                    delimiter = arg;
                }
                return eol;
            }
            return -1;
        }

        /**
         * The first character of a line ({@link #specialLine} skips its leading blanks itself). Asking again after each
         * leading blank gave the same answer and made a line of many blanks quadratic.
         */
        private boolean atLineStart(int i) {
            return i == 0 || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r';
        }

        private boolean isWordStart(int i) {
            char c = s.charAt(i);
            return SqlScanner.isIdentifierStart(c) && (i == 0 || !SqlScanner.isIdentifierChar(s.charAt(i - 1)));
        }

        private int wordEnd(int i) {
            int j = i;
            while (j < s.length() && SqlScanner.isIdentifierChar(s.charAt(j))) {
                j++;
            }
            return j;
        }

        private void markCode(int i) {
            if (start < 0) {
                start = i;
            }
        }

        private void finish(int end) {
            if (start >= 0) {
                String sql = s.substring(start, end).stripTrailing();
                statements.add(new SqlStatement(statements.size() + 1, sql, lines.lineOf(start)));
            }
            start = -1;
            parenDepth = 0;
            blocks.reset();
        }
    }
}
