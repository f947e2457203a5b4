package io.migrescue.playbook;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loader builds a playbook's sets and lists step by step; the playbook it hands over cannot be changed. */
class PlaybookListsTest {

    @Test
    void loadedPlaybooksAreUnmodifiable() {
        assertThat(Playbooks.load(null).all())
                .isNotEmpty()
                .allSatisfy(p -> assertUnmodifiable(p.steps(), p.params(), p.recommend(), p.fixes(), p.engines()));
    }
}
