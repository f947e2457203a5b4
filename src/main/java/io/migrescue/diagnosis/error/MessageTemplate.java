package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One server message template: its code, family, named groups, and a literal every match holds ({@code required},
 * null when none is known) so lines without it are not tried, which keeps the scan linear. The pattern is compiled
 * on the first text that holds that literal: an {@code explain} reads one message, and compiling all ~70 templates
 * up front cost more than the rest of reading it (start-up, issue 19).
 */
final class MessageTemplate {
    private final String code;
    private final ServerMessages.Family family;
    private final Engine only;
    private final String regex;
    private final Set<String> groups;
    private final String required;
    private volatile Pattern pattern;

    private MessageTemplate(
            String code, ServerMessages.Family family, Engine only, String regex, Set<String> groups, String required) {
        this.code = code;
        this.family = family;
        this.only = only;
        this.regex = regex;
        this.groups = groups;
        this.required = required;
    }

    String code() {
        return code;
    }

    ServerMessages.Family family() {
        return family;
    }

    Engine only() {
        return only;
    }

    Pattern pattern() {
        Pattern p = pattern;
        if (p == null) {
            p = Pattern.compile(regex);
            pattern = p; // a second thread may compile it too: the same pattern, no harm
        }
        return p;
    }

    boolean mayMatch(String text) {
        return required == null || text.contains(required);
    }

    boolean has(String group) {
        return groups.contains(group);
    }

    static MessageTemplate my(String code, Engine only, String regex) {
        return template(code, ServerMessages.Family.MYSQL, only, regex);
    }

    static MessageTemplate pg(String code, String regex) {
        return template(code, ServerMessages.Family.POSTGRESQL, null, regex);
    }

    static MessageTemplate template(String code, ServerMessages.Family family, Engine only, String regex) {
        return new MessageTemplate(code, family, only, regex, groupNames(regex), requiredLiteral(regex));
    }

    /** The names of {@code regex}'s named groups ({@code (?<name>}), read without compiling a pattern for it. */
    static Set<String> groupNames(String regex) {
        Set<String> groups = new HashSet<>();
        for (int at = regex.indexOf("(?<"); at >= 0; at = regex.indexOf("(?<", at + 3)) {
            int end = at + 3;
            while (end < regex.length() && regex.charAt(end) >= 'a' && regex.charAt(end) <= 'z') {
                end++;
            }
            boolean escaped = at > 0 && regex.charAt(at - 1) == '\\';
            if (end > at + 3 && end < regex.length() && regex.charAt(end) == '>' && !escaped) {
                groups.add(regex.substring(at + 3, end));
            }
        }
        return groups;
    }

    /**
     * The longest run of literal text outside every group, quantifier and class of {@code regex} (at least 4
     * characters), or null: text without it cannot match.
     */
    static String requiredLiteral(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean literal = false;
            char value = c;
            if (c == '\\' && i + 1 < regex.length()) {
                value = regex.charAt(++i);
                literal = !Character.isLetterOrDigit(value);
            } else if (c == '[') {
                for (i++; i < regex.length() && regex.charAt(i) != ']'; i++) {
                    if (regex.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return null; // alternatives at the top: no one literal is required
            } else if (c == '?' || c == '*' || c == '+' || c == '{') {
                if (run.length() > 0) {
                    run.setLength(run.length() - 1); // the quantified character is optional or repeated
                }
                if (c == '{') {
                    i = Math.max(i, regex.indexOf('}', i));
                }
            } else {
                literal = c != '.' && c != '^' && c != '$' && c != '|';
            }
            if (literal && depth == 0) {
                run.append(value);
            } else {
                best = run.length() > best.length() ? run.toString() : best;
                run.setLength(0);
            }
        }
        best = run.length() > best.length() ? run.toString() : best;
        return best.length() >= 4 ? best : null;
    }
}
