package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results in colour on a terminal, as in the shell; none with NO_COLOR or a dumb terminal; advice as written. */
class CommandLineColoursTest {

    private static String shown(Map<String, String> environment, String line) {
        StringWriter screen = new StringWriter();
        PrintWriter out = CommandLineColours.results(new PrintWriter(screen, true), environment);
        out.println(line);
        out.flush();
        return screen.toString();
    }

    @Test
    void colourOnATerminalUnlessSwitchedOff() {
        assertThat(shown(Map.of("TERM", "xterm-256color"), "Status    verified"))
                .contains("\u001b[")
                .contains("verified");
        assertThat(shown(Map.of("TERM", "xterm-256color", "NO_COLOR", "1"), "Status    verified"))
                .isEqualTo("Status    verified" + System.lineSeparator());
        assertThat(shown(Map.of("TERM", "dumb"), "Status    verified")).doesNotContain("\u001b[");
        assertThat(shown(Map.of(), "Status    verified")).doesNotContain("\u001b[");
    }

    @Test
    void theCommandLineKeepsItsOwnWords() {
        assertThat(shown(Map.of("TERM", "xterm"), "Next      migrescue diagnose (same connection options)"))
                .contains("migrescue diagnose (same connection options)");
    }
}
