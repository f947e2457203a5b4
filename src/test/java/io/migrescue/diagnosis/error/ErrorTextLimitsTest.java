package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextLimitsTest {
    @Test
    void anOrdinaryErrorTextIsLeftAsItIs() {
        String text =
                "Migration V2__x.sql failed\n\n\nSQL State  : 42S21\r\n  Message  : Duplicate column name 'phone'\n";
        ErrorTextLimits.Bounded b = ErrorTextLimits.bound(text);
        assertThat(b.text()).isSameAs(text);
        assertThat(b.notes()).isEmpty();
    }

    @Test
    void blankLinesSpacesAndLongLinesAreBounded() {
        String text = "a\n" + "\n".repeat(10) + "b" + " ".repeat(100) + "c\n" + "z".repeat(20_000) + "\nend";
        ErrorTextLimits.Bounded b = ErrorTextLimits.bound(text);
        assertThat(b.text())
                .startsWith("a\n\n\n\nb" + " ".repeat(64) + "c\n")
                .endsWith("z … " + "z".repeat(2048) + "\nend");
        assertThat(b.text().lines().mapToInt(String::length).max().orElseThrow())
                .isLessThanOrEqualTo(8 * 1024 + 3);
        assertThat(b.notes())
                .containsExactly(
                        "1 line(s) longer than 8 KiB cut to their first 6 KiB and last 2 KiB (line 13)",
                        "runs of more than 64 spaces shortened (line 12)");
    }

    @Test
    void aHugeLogKeepsItsFirstAndLastHalfMegabyteAndSaysWhichLines() {
        String line = "x".repeat(99) + "\n";
        String text = line.repeat(30_000) + "the end";
        ErrorTextLimits.Bounded b = ErrorTextLimits.bound(text);
        assertThat(b.text().length()).isLessThanOrEqualTo(ErrorTextLimits.MAX_CHARS + 1);
        assertThat(b.text()).startsWith(line).endsWith(line + "the end");
        assertThat(b.notes())
                .singleElement()
                .asString()
                .startsWith("error text cut at 1 MiB (it has 3000007 characters): lines 1-5242 and 24759-30001 read");
    }
}
