package io.migrescue.db;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction over generated input: a URL's password never survives {@link Redaction#url}. */
class RedactionPropertiesTest {
    @Property(tries = 200)
    void aUrlPasswordNeverSurvives(@ForAll @AlphaChars @StringLength(min = 12, max = 30) String password) {
        String shown = Redaction.url("postgresql://app:" + password + "@db.internal:5432/app");
        assertThat(shown).doesNotContain(password).contains("app@db.internal:5432/app".replace("app@", "app:" + Redaction.MASK + "@"));
    }
}
