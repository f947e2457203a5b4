package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server message template, compiled once: its code, family, named groups, and a literal every match holds
 * ({@code required}, null when none is known) so lines without it are not tried, which keeps the scan linear.
 */
record MessageTemplate(
        String code, ServerMessages.Family family, Engine only, Pattern pattern, Set<String> groups, String required) {
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
        Set<String> groups = new HashSet<>();
        Matcher g = Pattern.compile("\\(\\?<([a-z]+)>").matcher(regex);
        while (g.find()) {
            groups.add(g.group(1));
        }
        return new MessageTemplate(code, family, only, Pattern.compile(regex), groups, requiredLiteral(regex));
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
