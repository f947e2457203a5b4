package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.sql.LiquibaseChangelog;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * migrescue's checksums of XML and YAML changesets of sql/sqlFile changes equal those Liquibase 4.33 computes for the
 * same changelog, in both the version 9 it writes and the version 8 older releases wrote.
 */
class LiquibaseChangelogChecksumsTest {
    private static final String XML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                """
              <changeSet id="1" author="ana">
                <sql>CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));</sql>
              </changeSet>
            """,
                """
              <changeSet id="1" author="ana">
                <comment>users and their orders</comment>
                <!-- a comment of the XML: no part of the SQL -->
                <sql splitStatements="false" endDelimiter="\\nGO" stripComments="true">
                    CREATE TABLE users (
                        id BIGINT PRIMARY KEY,   email VARCHAR(200)
                    );
                    -- a comment of the SQL
                    INSERT INTO users VALUES (1, 'a  &amp; b &lt; é');
                </sql>
                <sql><![CDATA[CREATE INDEX users_email ON users (email)]]></sql>
                <rollback>DROP TABLE users;</rollback>
              </changeSet>
              <changeSet id="2" author="bo" dbms="postgresql,mariadb">
                <sqlFile path="orders.sql" relativeToChangelogFile="true"/>
                <modifySqlNot/>
              </changeSet>
            """,
                """
              <changeSet id="x" author="ana">
                <validCheckSum>9:0123</validCheckSum>
                <preConditions onFail="MARK_RAN"><sqlCheck expectedResult="0">SELECT COUNT(*) FROM users</sqlCheck></preConditions>
                <sqlFile path="sub/orders.sql"/>
              </changeSet>
            """,
            })
    void xmlChecksumsAreLiquibases(String changeSets, @TempDir Path dir) throws Exception {
        String xml = XML_HEAD + changeSets.replace("<modifySqlNot/>", "") + "</databaseChangeLog>\n";
        Files.writeString(dir.resolve("orders.sql"), "CREATE TABLE orders (\n  id BIGINT PRIMARY KEY\n);\r\n\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/orders.sql"), "  CREATE TABLE orders (id BIGINT);\n");
        Files.writeString(dir.resolve("log.xml"), xml);
        sameAsLiquibase(dir, "log.xml");
    }

    @Test
    void yamlChecksumsAreLiquibases(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("orders.sql"), "CREATE TABLE orders (id BIGINT);\n");
        Files.writeString(dir.resolve("log.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: ana
                      comment: users
                      changes:
                        - sql:
                            sql: |
                              CREATE TABLE users (
                                id BIGINT PRIMARY KEY
                              );
                        - sql:
                            splitStatements: false
                            sql: INSERT INTO users VALUES (1)
                  - changeSet:
                      id: 2
                      author: bo
                      changes:
                        - sqlFile:
                            path: orders.sql
                            relativeToChangelogFile: true
                """);
        sameAsLiquibase(dir, "log.yaml");
    }

    @Test
    void structuralChangesAreSaidUncomputable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("log.xml"), XML_HEAD + """
                  <changeSet id="1" author="ana">
                    <createTable tableName="users"><column name="id" type="BIGINT"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="ana">
                    <sql>SELECT 1</sql>
                    <modifySql><append value=" -- x"/></modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<LiquibaseChangelog.ChangeSet> ours = LiquibaseChangelog.changeSets(dir.resolve("log.xml"));
        assertThat(LiquibaseChangelogChecksums.uncomputable(ours.get(0)))
                .isEqualTo("checksum cannot be recomputed for this change type (createTable)");
        assertThat(LiquibaseChangelogChecksums.uncomputable(ours.get(1))).contains("modifySql");
    }

    /** Structural changes: their SQL is read for the effects, their DESCRIPTION is Liquibase's, their checksum is not had. */
    @Test
    void structuralChangesAreReadIntoStatements(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("log.xml"), XML_HEAD + """
                  <changeSet id="1" author="ana">
                    <createTable tableName="users">
                      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                      <column name="email" type="VARCHAR(200)"><constraints nullable="false" unique="true"/></column>
                    </createTable>
                    <createIndex indexName="users_email_idx" tableName="users"><column name="email"/></createIndex>
                  </changeSet>
                  <changeSet id="2" author="ana">
                    <addColumn tableName="users"><column name="name" type="VARCHAR(100)"/></addColumn>
                    <addForeignKeyConstraint baseTableName="users" baseColumnNames="id" constraintName="users_self_fk"
                        referencedTableName="users" referencedColumnNames="id"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<LiquibaseChangelog.ChangeSet> ours = LiquibaseChangelog.changeSets(dir.resolve("log.xml"));
        List<SqlStatement> first = LiquibaseChangelog.statements(ours.get(0), Engine.POSTGRESQL);
        assertThat(first)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE users (id BIGINT NOT NULL, email VARCHAR(200) NOT NULL UNIQUE, PRIMARY KEY (id))",
                        "CREATE INDEX users_email_idx ON users (email)");
        assertThat(LiquibaseChangelog.statements(ours.get(1), Engine.MARIADB))
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "ALTER TABLE users ADD COLUMN name VARCHAR(100)",
                        "ALTER TABLE users ADD CONSTRAINT users_self_fk FOREIGN KEY (id) REFERENCES users (id)");
        assertThat(io.migrescue.sql.StatementEffects.of(first.get(0), Engine.POSTGRESQL))
                .anyMatch(e -> e instanceof io.migrescue.sql.Effect.CreateTable c
                        && c.table().equals("users"));

        ResourceAccessor accessor = new DirectoryResourceAccessor(dir.toFile());
        DatabaseChangeLog log = Scope.child(
                Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                () -> ChangeLogParserFactory.getInstance()
                        .getParser("log.xml", accessor)
                        .parse("log.xml", new ChangeLogParameters(), accessor));
        for (int i = 0; i < ours.size(); i++) {
            String theirs = Scope.child(
                    Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                    log.getChangeSets().get(i)::getDescription);
            assertThat(String.join(
                            "; ",
                            ours.get(i).changes().stream()
                                    .map(LiquibaseChangelog.Change::description)
                                    .toList()))
                    .isEqualTo(theirs);
        }
    }

    @Test
    void statementsKeepTheirLinesInTheChangelog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.xml");
        Files.writeString(log, XML_HEAD + """
                  <changeSet id="1" author="ana">
                    <sql>
                      CREATE TABLE a (id INT);
                      CREATE TABLE b (id INT);
                    </sql>
                  </changeSet>
                  <changeSet id="2" author="ana" dbms="mariadb">
                    <sql>CREATE TABLE c (id INT)</sql>
                  </changeSet>
                  <changeSet id="3" author="ana">
                    <sql>CREATE INDEX a_id ON a (id)</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<SqlStatement> statements = LiquibaseChangelog.statements(log, Engine.POSTGRESQL);
        List<String> lines = Files.readAllLines(log);
        assertThat(statements).hasSize(3);
        for (SqlStatement s : statements) {
            assertThat(lines.get(s.line() - 1)).contains(s.sql().strip().replaceAll(";$", ""));
        }
        assertThat(LiquibaseChangelog.statements(log, Engine.MARIADB)).hasSize(4);
    }

    private static void sameAsLiquibase(Path dir, String file) throws Exception {
        ResourceAccessor accessor = new DirectoryResourceAccessor(dir.toFile());
        DatabaseChangeLog log = Scope.child(
                Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                () -> ChangeLogParserFactory.getInstance()
                        .getParser(file, accessor)
                        .parse(file, new ChangeLogParameters(), accessor));
        List<LiquibaseChangelog.ChangeSet> ours = LiquibaseChangelog.changeSets(dir.resolve(file));
        assertThat(ours).hasSameSizeAs(log.getChangeSets());
        for (int i = 0; i < ours.size(); i++) {
            ChangeSet theirs = log.getChangeSets().get(i);
            LiquibaseChangelog.ChangeSet mine = ours.get(i);
            assertThat(mine.id()).isEqualTo(theirs.getId());
            assertThat(mine.author()).isEqualTo(theirs.getAuthor());
            assertThat(LiquibaseChangelogChecksums.uncomputable(mine)).isNull();
            for (ChecksumVersion version : List.of(ChecksumVersion.V8, ChecksumVersion.V9)) {
                String expected = Scope.child(
                        Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                        () -> theirs.generateCheckSum(version).toString());
                theirs.clearCheckSum(); // it keeps the first one it computed
                assertThat(LiquibaseChangelogChecksums.checksum(
                                mine, Integer.toString(version.getVersion()), Engine.POSTGRESQL))
                        .as("%s version %s", mine.label(), version)
                        .isEqualTo(expected);
            }
        }
    }
}
