package io.migrescue.diff.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A type change counts as data-losing unless it is known to widen. */
class TypeWideningTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "character varying(100); character varying(200); true",
                "character varying(200); character varying(100); false",
                "character varying(100); text; true",
                "text; character varying(100); false",
                "integer; bigint; true",
                "bigint; integer; false",
                "numeric(10,2); numeric(12,2); true",
                "numeric(12,2); numeric(12,4); false",
                "numeric(12,2); numeric; true",
                "timestamp without time zone; timestamp with time zone; true",
                "timestamp with time zone; timestamp without time zone; false",
                "timestamp(3) without time zone; timestamp without time zone; true",
                "timestamp without time zone; timestamp(3) without time zone; false",
                "int(11); bigint(20); true",
                "int(10) unsigned; bigint(20) unsigned; true",
                "int(10) unsigned; int(11); false",
                "varchar(50); mediumtext; true",
                "mediumtext; text; false",
                "real; double precision; true",
                "text; jsonb; false"
            })
    void widening(String from, String to, boolean safe) {
        assertThat(TypeWidening.safe(from, to)).isEqualTo(safe);
    }
}
