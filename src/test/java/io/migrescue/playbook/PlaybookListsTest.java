package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

/** The loader builds a playbook's sets and lists step by step; the playbook it hands over cannot be changed. */
class PlaybookListsTest {

    @Test
    void loadedPlaybooksAreUnmodifiable() {
        assertThat(Playbooks.load(null).all()).isNotEmpty().allSatisfy(p -> {
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> p.steps().add(p.steps().get(0)));
            assertThrows(UnsupportedOperationException.class, () -> p.params().clear());
            assertThrows(
                    UnsupportedOperationException.class, () -> p.recommend().clear());
            assertThrows(UnsupportedOperationException.class, () -> p.fixes().add(FindingKind.values()[0]));
            assertThrows(UnsupportedOperationException.class, () -> p.engines().add(Engine.POSTGRESQL));
        });
    }
}
