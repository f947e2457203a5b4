package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryWritersTest {

    @Test
    void everyToolMigrescueReadsItCanWrite() {
        assertThat(HistoryWriters.all())
                .extracting(HistoryWriter::tool)
                .containsExactlyInAnyOrderElementsOf(
                        HistoryAdapters.all().stream().map(HistoryAdapter::tool).toList());
        assertThat(HistoryWriters.forTool("Flyway").tool()).isEqualTo("flyway");
        assertThat(HistoryWriters.forTool("golang-migrate")).isInstanceOf(GolangMigrateTool.class);
    }

    @Test
    void anUnknownToolIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> HistoryWriters.forTool("dbmate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dbmate")
                .hasMessageContaining("flyway, liquibase");
        assertThatThrownBy(() -> HistoryWriters.forTool(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
