package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** Colours where the terminal has them; plain on a dumb terminal and whenever NO_COLOR is set. */
class StyleTest {
    @Test
    void coloursOnlyWhereTheTerminalHasThemAndNoColorIsUnset() throws Exception {
        try (Terminal xterm = terminal("xterm-256color");
                Terminal dumb = terminal(Terminal.TYPE_DUMB)) {
            assertThat(new Style(xterm, Map.of()).on()).isTrue();
            assertThat(new Style(xterm, Map.of("NO_COLOR", "1")).on()).isFalse();
            assertThat(new Style(xterm, Map.of("NO_COLOR", "")).on())
                    .as("an empty NO_COLOR does not count")
                    .isTrue();
            assertThat(new Style(dumb, Map.of()).on()).isFalse();
            assertThat(new Style(dumb, Map.of()).ok("ok")).isEqualTo("ok");
        }
    }

    @Test
    void theShellPicksOutChecksStatusAndErrors() throws Exception {
        try (Terminal xterm = terminal("xterm-256color")) {
            Style style = new Style(xterm, Map.of());
            StringWriter screen = new StringWriter();
            PrintWriter out = new PrintWriter(
                    new ColouredLines(new PrintWriter(screen), ColouredLines.results(style), () -> 0), true);
            out.print(
                    "Verify\n   ok   constraint fk on t (present)\n   FAIL constraint x on t (missing)\nStatus    verified\nplain line\n");
            out.flush();
            String[] lines = screen.toString().split("\n");
            assertThat(lines[0]).isEqualTo("Verify");
            assertThat(lines[1]).startsWith("   \u001b[").contains("ok").endsWith("   constraint fk on t (present)");
            assertThat(lines[2]).contains("\u001b[").contains("FAIL");
            assertThat(lines[3]).startsWith("Status    \u001b[").contains("verified");
            assertThat(lines[4]).isEqualTo("plain line");
        }
    }

    private static Terminal terminal(String type) throws Exception {
        return TerminalBuilder.builder()
                .system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .type(type)
                .dumb(Terminal.TYPE_DUMB.equals(type))
                .build();
    }
}
