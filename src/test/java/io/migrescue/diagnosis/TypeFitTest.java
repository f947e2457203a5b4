package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which values a type change cannot keep, from the catalog's spelling of the old type and the migration's new one. */
class TypeFitTest {
    @Test
    void aShorterStringLimitsTheLength() {
        assertThat(TypeFit.limits("character varying(40)", "VARCHAR(8)"))
                .isEqualTo(new TypeFit.Limits(8, null, null, null));
        assertThat(TypeFit.limits("text", "varchar(255)")).isEqualTo(new TypeFit.Limits(255, null, null, null));
        assertThat(TypeFit.limits("varchar(40)", "varchar(40)")).isNull();
        assertThat(TypeFit.limits("varchar(40)", "varchar(320)")).isNull();
        assertThat(TypeFit.limits("varchar(40)", "text")).isNull();
        assertThat(TypeFit.limits("integer", "varchar(4)"))
                .as("a number as text: not judged")
                .isNull();
    }

    @Test
    void aSmallerIntegerLimitsTheRange() {
        assertThat(TypeFit.limits("bigint", "integer"))
                .isEqualTo(new TypeFit.Limits(
                        null, BigDecimal.valueOf(-2147483648L), BigDecimal.valueOf(2147483647L), null));
        assertThat(TypeFit.limits("bigint(20)", "INT")).isNotNull();
        assertThat(TypeFit.limits("int(11)", "int(10) unsigned"))
                .isEqualTo(new TypeFit.Limits(null, BigDecimal.ZERO, BigDecimal.valueOf(4294967295L), null));
        assertThat(TypeFit.limits("integer", "bigint")).isNull();
        assertThat(TypeFit.limits("smallint", "int")).isNull();
        assertThat(TypeFit.limits("numeric(10,2)", "numeric(5,2)"))
                .isEqualTo(new TypeFit.Limits(null, new BigDecimal("-999.99"), new BigDecimal("999.99"), null));
        assertThat(TypeFit.limits("decimal(10,2)", "decimal(12,2)")).isNull();
        assertThat(TypeFit.limits("numeric", "integer"))
                .as("unbounded numeric into an integer")
                .isNotNull();
        assertThat(TypeFit.limits("integer", "numeric")).isNull();
    }

    @Test
    void textBecomingAnIntegerMustHoldIntegers() {
        assertThat(TypeFit.limits("character varying(20)", "integer"))
                .isEqualTo(new TypeFit.Limits(
                        null,
                        BigDecimal.valueOf(-2147483648L),
                        BigDecimal.valueOf(2147483647L),
                        TypeFit.NumberText.INTEGER));
        assertThat(TypeFit.limits("varchar(20)", "numeric(4,1)"))
                .isEqualTo(new TypeFit.Limits(
                        null, new BigDecimal("-999.9"), new BigDecimal("999.9"), new TypeFit.NumberText(false, 1)));
        assertThat(TypeFit.limits("text", "double precision"))
                .isEqualTo(new TypeFit.Limits(null, null, null, new TypeFit.NumberText(false, null)));
        assertThat(TypeFit.NumberText.INTEGER.pattern(Engine.MARIADB)).isEqualTo("^ *[-+]?[0-9]+ *$");
    }

    @Test
    void typesNotRecognisedAreNotJudged() {
        assertThat(TypeFit.limits("timestamp without time zone", "date")).isNull();
        assertThat(TypeFit.limits("jsonb", "text")).isNull();
        assertThat(TypeFit.limits(null, "int")).isNull();
    }

    @Test
    void postgresNeedsUsingWhereNoAutomaticCastLeads() {
        assertThat(TypeFit.needsUsingOnPostgres("text", "integer")).isTrue();
        assertThat(TypeFit.needsUsingOnPostgres("character varying(20)", "INT")).isTrue();
        assertThat(TypeFit.needsUsingOnPostgres("text", "timestamp with time zone"))
                .isTrue();
        assertThat(TypeFit.needsUsingOnPostgres("character varying(20)", "jsonb"))
                .isTrue();
        assertThat(TypeFit.needsUsingOnPostgres("integer", "boolean")).isTrue();
        assertThat(TypeFit.needsUsingOnPostgres("text", "varchar(5)"))
                .as("text to text")
                .isFalse();
        assertThat(TypeFit.needsUsingOnPostgres("bigint", "integer"))
                .as("an assignment cast")
                .isFalse();
        assertThat(TypeFit.needsUsingOnPostgres("integer", "text"))
                .as("I/O cast to text")
                .isFalse();
        assertThat(TypeFit.needsUsingOnPostgres("text", "my_domain"))
                .as("not known: no alarm")
                .isFalse();
    }
}
