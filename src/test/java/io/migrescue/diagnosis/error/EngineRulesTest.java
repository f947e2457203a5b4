package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

/** The engine rule of {@link EngineRules}, strongest evidence first. */
class EngineRulesTest {

    private static Engine engineOf(String text) {
        return ErrorTextParser.parse(text).orElseThrow().engine();
    }

    @Test
    void postgresqlFromItsStatesItsWordingAndItsDrivers() {
        assertThat(engineOf("SQLSTATE[42P07]: Duplicate table: 7 ERROR:  relation \"x\" already exists"))
                .isEqualTo(Engine.POSTGRESQL);
        assertThat(engineOf("relation \"x\" already exists")).isEqualTo(Engine.POSTGRESQL);
        assertThat(
                        engineOf(
                                "django.db.utils.ProgrammingError: syntax error at or near \"TABEL\"\npsycopg2.errors.SyntaxError: x"))
                .isEqualTo(Engine.POSTGRESQL);
    }

    @Test
    void mysqlOnlyCodesAndTheQualifiedKeySayMySql() {
        assertThat(engineOf("ERROR 1826 (HY000): Duplicate foreign key constraint name 'fk'"))
                .isEqualTo(Engine.MYSQL);
        assertThat(
                        engineOf(
                                "ERROR 3780 (HY000): Referencing column 'a' and referenced column 'b' in foreign key constraint 'fk' are incompatible."))
                .isEqualTo(Engine.MYSQL);
        assertThat(engineOf("Duplicate entry 'v' for key 't.idx'")).isEqualTo(Engine.MYSQL);
        assertThat(
                        engineOf(
                                "Server version: 10.11.6-MariaDB\nERROR 1826 (HY000): Duplicate foreign key constraint name 'fk'"))
                .as("what the server sent outweighs a word in the log")
                .isEqualTo(Engine.MYSQL);
    }

    @Test
    void mariadbOnlyWhenEvident() {
        assertThat(
                        engineOf(
                                "ERROR 1005 (HY000): Can't create table `d`.`t` (errno: 121 \"Duplicate key on write or update\")"))
                .isEqualTo(Engine.MARIADB);
        assertThat(
                        engineOf(
                                "SQLSTATE[42S01]: Base table or view already exists: 1050 Table 't' already exists (Connection: mariadb, SQL: x)"))
                .isEqualTo(Engine.MARIADB);
        assertThat(engineOf("ERROR 1050 (42S01): Table 't' already exists\nmysql  Ver 15.1 Distrib 10.11.6-MariaDB"))
                .isEqualTo(Engine.MARIADB);
        assertThat(engineOf("ERROR 1050 (42S01): Table 't' already exists"))
                .as("the family, without evidence")
                .isEqualTo(Engine.MYSQL);
        assertThat(engineOf("Duplicate entry 'v' for key 'idx'")).isEqualTo(Engine.MYSQL);
        assertThat(engineOf("ERROR 4025 (23000) at line 1: CONSTRAINT `c` failed for `d`.`t`"))
                .as("a violated CHECK: MySQL sends 3819")
                .isEqualTo(Engine.MARIADB);
        assertThat(engineOf("ERROR 4025 (23000): a message the templates do not know"))
                .as("the number alone says MariaDB")
                .isEqualTo(Engine.MARIADB);
        assertThat(engineOf("ERROR 3819 (HY000): Check constraint 'c' is violated."))
                .isEqualTo(Engine.MYSQL);
    }

    @Test
    void toolMessagesTakeTheEngineFromTheLogOrNone() {
        assertThat(engineOf("error: Dirty database version 7. Fix and force version."))
                .isNull();
        assertThat(
                        engineOf(
                                "Database: jdbc:postgresql://h:5432/app (PostgreSQL 16.2)\nDetected failed migration to version 3 (x)."))
                .isEqualTo(Engine.POSTGRESQL);
        assertThat(engineOf(
                        "Database: jdbc:mysql://h:3306/app (MySQL 8.4)\nDetected failed migration to version 3 (x)."))
                .isEqualTo(Engine.MYSQL);
    }
}
