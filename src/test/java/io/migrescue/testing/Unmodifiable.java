package io.migrescue.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collection;

/** For records that trust their producers to hand over lists and sets nobody can change afterwards. */
public final class Unmodifiable {
    private Unmodifiable() {}

    /** Each collection refuses an element (an unmodifiable one refuses before it looks at it, null or not). */
    public static void assertUnmodifiable(Collection<?>... collections) {
        assertThat(collections).isNotEmpty();
        for (Collection<?> c : collections) {
            assertThrows(UnsupportedOperationException.class, () -> c.add(null));
        }
    }
}
