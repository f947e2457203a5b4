package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell says the commands' advice in its own words, and wraps at the terminal's width at spaces only. */
class ShellVoiceTest {

    @Test
    void adviceNamesShellCommands() {
        assertThat(ShellVoice.speak(
                        "Next      migrescue diagnose (same connection options) explains what it left behind"))
                .isEqualTo("Next      diagnose explains what it left behind");
        assertThat(ShellVoice.speak("   Fix with  migrescue repair rename-conflicting-constraint --url … --dry-run"))
                .isEqualTo("   Fix with  repair rename-conflicting-constraint --dry-run");
        assertThat(ShellVoice.speak("Try 'migrescue status --help'.")).isEqualTo("Try 'help status'.");
        assertThat(ShellVoice.speak("Try 'migrescue --help'.")).isEqualTo("Try 'help'.");
        assertThat(ShellVoice.speak(
                        "migrescue: no database given: use --url (e.g. --url postgresql://app@db:5432/app)"))
                .isEqualTo("migrescue: not connected: connect URL first (or give --url to this command)");
    }

    @Test
    void leavesOtherTextAlone() {
        String line = "  ok   flyway history has no failed or dirty entry (migrescue_repair_steps kept)";
        assertThat(ShellVoice.speak(line)).isEqualTo(line);
    }

    @Test
    void wrapsUnderTheLabelAtSpacesOnly() {
        ColouredLines lines = new ColouredLines(new java.io.PrintWriter(java.io.Writer.nullWriter()), l -> l, () -> 40);
        List<String> wrapped = lines.wrapped("Next      diagnose explains what it left behind in flyway.toml and .env");
        assertThat(wrapped).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(wrapped.get(1)).startsWith("          ").doesNotStartWith("           ");
        assertThat(String.join(" ", wrapped).replaceAll(" +", " "))
                .isEqualTo("Next diagnose explains what it left behind in flyway.toml and .env");
        assertThat(lines.wrapped("short")).containsExactly("short");
        assertThat(lines.wrapped("   Fix with  repair rename-conflicting-constraint (or: revert)")
                        .get(0))
                .isEqualTo("   Fix with  repair");
    }
}
