package io.migrescue.shell;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands' advice as the shell says it. Reports and messages are written for the command line ("run migrescue
 * diagnose (same connection options)"); in the shell the connection is already made and commands have no prefix,
 * so the same advice reads "run diagnose". One place translates, so no report needs to know where it is shown.
 */
final class ShellVoice {
    private record Rule(Pattern pattern, String replacement) {}

    private static final String COMMANDS =
            "status|diagnose|explain|repair|resume|restore|backup|playbooks|history|diff|demo" + "|plan|connect";

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile("^migrescue: no database given: .*"),
                    "migrescue: not connected: connect URL first (or give --url to this command)"),
            new Rule(Pattern.compile("Try 'migrescue --help'\\."), "Try 'help'."),
            new Rule(Pattern.compile("Try 'migrescue (\\w+) --help'\\."), "Try 'help $1'."),
            new Rule(Pattern.compile(" \\((same connection options|same options)\\)"), ""),
            new Rule(Pattern.compile(" --url …"), ""),
            new Rule(Pattern.compile("\\bmigrescue (" + COMMANDS + ")\\b"), "$1"));

    private ShellVoice() {}

    static String speak(String line) {
        if (line.startsWith("Usage: ")) {
            return line; // a synopsis: its continuation lines are aligned to the name as it stands
        }
        String said = line;
        for (Rule rule : RULES) {
            said = rule.pattern().matcher(said).replaceAll(rule.replacement());
        }
        return said;
    }
}
