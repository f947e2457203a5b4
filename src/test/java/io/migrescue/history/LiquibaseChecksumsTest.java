package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** migrescue's version 9 changeset checksum equals the one Liquibase 4.33 computes for the same formatted SQL. */
class LiquibaseChecksumsTest {
    private static final String HEADER = "--liquibase formatted sql\n\n";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--changeset ana:1\nCREATE TABLE users (id BIGINT PRIMARY KEY);\n",
                "--changeset ana:1\n-- a plain comment is part of the SQL\nCREATE TABLE users (\n\tid BIGINT PRIMARY KEY\n);\r\n",
                "--changeset ana:1 context:prod labels:v1\n--comment: not part of the SQL\nCREATE TABLE a (id INT);\n"
                        + "--rollback DROP TABLE a;\n\n--changeset bo:2\nINSERT INTO a VALUES ('x  y');\n/* block */ SELECT 1;\n",
                "--changeset ana:1\nCREATE TABLE a (id INT);\n/* liquibase rollback\nDROP TABLE a;\n*/\n--validCheckSum: 9:abc\n"
                        + "--preconditions onFail:MARK_RAN\n--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM a\n",
                "--changeset ana:1\nCREATE TABLE a (id INT);\n--ignoreLines:start\nDROP TABLE nothing;\n--ignoreLines:end\n"
                        + "CREATE TABLE b (id INT);\n--ignoreLines:1\nDROP TABLE b;\nSELECT 'é';\n",
            })
    void sameChecksumAsLiquibase(String changesets, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.sql"), HEADER + changesets);
        DatabaseChangeLog log = new FormattedSqlChangeLogParser()
                .parse("c.sql", new ChangeLogParameters(), new DirectoryResourceAccessor(dir.toFile()));
        List<LiquibaseFormattedSql.Body> bodies = LiquibaseFormattedSql.bodies(HEADER + changesets);
        assertThat(bodies).hasSameSizeAs(log.getChangeSets());
        for (int i = 0; i < bodies.size(); i++) {
            ChangeSet theirs = log.getChangeSets().get(i);
            assertThat(bodies.get(i).changeSet().id()).isEqualTo(theirs.getId());
            assertThat(LiquibaseChecksums.checksum(bodies.get(i).sql()))
                    .isEqualTo(theirs.generateCheckSum(ChecksumVersion.V9).toString());
        }
    }

    @Test
    void eachStatementKeepsItsLineInTheFile() {
        String text = HEADER + "--changeset ana:1\nCREATE TABLE a (id INT);\n\n--changeset ana:2\n--comment: b\n"
                + "--rollback DROP TABLE b;\nCREATE TABLE b (id INT);\n/* liquibase rollback\nDROP INDEX b_i;\n*/\nCREATE INDEX b_i ON b (id);\n";
        LiquibaseFormattedSql.Body second = LiquibaseFormattedSql.bodies(text).get(1);
        List<SqlStatement> statements = StatementSplitter.split(second.sql(), Engine.POSTGRESQL);
        assertThat(statements)
                .extracting(s -> s.line() + second.firstLine() - 1)
                .containsExactly(9, 13);
        assertThat(text.lines().toList().get(8)).startsWith("CREATE TABLE b");
        assertThat(text.lines().toList().get(12)).startsWith("CREATE INDEX b_i");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE a (id INT)",
                "CREATE TABLE a (id INT);\n-- a comment\n",
                "CREATE TABLE a (id BIGINT);"
            })
    void anEditOtherThanWhitespaceChangesIt(String edited) {
        String original = LiquibaseChecksums.checksum("CREATE TABLE a (id INT) ;\n");
        assertThat(LiquibaseChecksums.checksum("CREATE   TABLE a\n(id INT)\t;")).isEqualTo(original);
        assertThat(LiquibaseChecksums.checksum(edited)).isNotEqualTo(original);
    }
}
