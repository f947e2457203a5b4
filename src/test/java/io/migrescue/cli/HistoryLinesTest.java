package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.Redaction;
import org.junit.jupiter.api.Test;

/** What the shell's history file may keep of a line: never a password. */
class HistoryLinesTest {
    @Test
    void passwordsInUrlsAreDroppedSoThatTheLineAsksAgain() {
        assertThat(HistoryLines.safe("connect mysql://app:pw@db:3306/shop"))
                .isEqualTo("connect mysql://app@db:3306/shop");
        assertThat(HistoryLines.safe("connect postgresql://u:p%40ss@db/app --schema x"))
                .isEqualTo("connect postgresql://u@db/app --schema x");
        assertThat(HistoryLines.safe("status --url jdbc:postgresql://db/app?password=pw&user=u"))
                .isEqualTo("status --url jdbc:postgresql://db/app?user=u");
        assertThat(HistoryLines.safe("status --url jdbc:mysql://db/app?user=u&password=pw"))
                .isEqualTo("status --url jdbc:mysql://db/app?user=u");
        assertThat(HistoryLines.safe("status --url jdbc:mysql://db/app?pwd=pw --format json"))
                .isEqualTo("status --url jdbc:mysql://db/app --format json");
    }

    @Test
    void passwordOptionsAndKnownSecretsAreMasked() {
        assertThat(HistoryLines.safe("connect db --password hunter2")).isEqualTo("connect db --password ****");
        assertThat(HistoryLines.safe("connect db -phunter2")).isEqualTo("connect db -p****");
        Redaction.register("Known-Secret-93");
        assertThat(HistoryLines.safe("diagnose --error 'denied for Known-Secret-93'"))
                .isEqualTo("diagnose --error 'denied for ****'");
    }

    @Test
    void ordinaryLinesAreKeptAsTyped() {
        assertThat(HistoryLines.safe("repair rename-conflicting-constraint --param suffix=_v1"))
                .isEqualTo("repair rename-conflicting-constraint --param suffix=_v1");
        assertThat(HistoryLines.safe("help ?")).isEqualTo("help ?");
        assertThat(HistoryLines.safe("   ")).isNull();
    }
}
