package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TyposTest {
    private static final List<String> COMMANDS = List.of("status", "diagnose", "diff", "history", "repair", "resume");

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Typos.distance("stauts", "status")).isEqualTo(1);
        assertThat(Typos.distance("stauts", "statuses")).isEqualTo(3);
        assertThat(Typos.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsOnlyWhatIsClose() {
        assertThat(Typos.closest("stauts", COMMANDS)).containsExactly("status");
        assertThat(Typos.closest("diagnoze", COMMANDS)).containsExactly("diagnose");
        assertThat(Typos.closest("resum", COMMANDS)).containsExactly("resume");
        assertThat(Typos.closest("frobnicate", COMMANDS)).isEmpty();
        assertThat(Typos.closest("xx", COMMANDS)).isEmpty();
    }
}
