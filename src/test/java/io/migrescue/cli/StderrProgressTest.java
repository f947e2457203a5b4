package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress appears only for a step that takes more than a second, and ends with its line complete. */
class StderrProgressTest {
    private static final long MS = 1_000_000L;

    @Test
    void aQuickStepSaysNothing() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(err), true, now::get);
        progress.start("public.orders", 10);
        now.addAndGet(900 * MS);
        progress.advance(10);
        progress.done();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aSlowStepShowsRowsOnTheTerminalLineAndFinishesIt() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(err), true, now::get);
        progress.start("public.orders", 3000);
        now.addAndGet(1500 * MS);
        progress.advance(1000);
        now.addAndGet(50 * MS);
        progress.advance(1000); // too soon after the last line: not redrawn
        now.addAndGet(500 * MS);
        progress.advance(1000);
        progress.done();
        String out = err.toString();
        assertThat(out)
                .startsWith("\rmigrescue: public.orders  [######..............]   33%  1,000 of 3,000 rows  1.5 s");
        assertThat(out)
                .doesNotContain("2,000 of")
                .contains("[####################]  100%  3,000 of 3,000 rows")
                .endsWith("done\033[K\n");
    }

    @Test
    void anUnknownTotalShowsAMarkerThatMoves() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(err), true, now::get);
        progress.start("app.orders", -1);
        now.addAndGet(1000 * MS);
        progress.advance(100);
        now.addAndGet(500 * MS);
        progress.advance(100);
        progress.done();
        String[] frames = err.toString().split("\r");
        assertThat(frames[1]).startsWith("migrescue: app.orders  [    <=>             ]  100 rows  1.0 s");
        assertThat(frames[2]).startsWith("migrescue: app.orders  [      <=>           ]  200 rows  1.5 s");
        assertThat(frames[3]).contains("200 rows  1.5 s  done");
    }

    @Test
    void withoutATerminalWholeLinesAreWrittenEveryFewSeconds() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(err), false, now::get);
        progress.start("app.orders", -1);
        for (int i = 0; i < 20; i++) {
            now.addAndGet(1000 * MS);
            progress.advance(500);
        }
        progress.done();
        assertThat(err.toString()).doesNotContain("\r").doesNotContain(" of ");
        assertThat(err.toString().lines()).hasSize(5); // at 1 s, 6 s, 11 s, 16 s, then the closing line
    }
}
