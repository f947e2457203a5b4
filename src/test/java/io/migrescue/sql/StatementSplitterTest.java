package io.migrescue.sql;

import static io.migrescue.model.Engine.MARIADB;
import static io.migrescue.model.Engine.MYSQL;
import static io.migrescue.model.Engine.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> sql(String script, Engine engine) {
        return StatementSplitter.split(script, engine).stream()
                .map(SqlStatement::sql)
                .toList();
    }

    @Test
    void numbersStatementsAndKeepsTheLineOfTheirFirstCodeCharacter() {
        String script = """
                -- V2: users

                CREATE TABLE users (
                  id int
                );
                   /* leading comment */ INSERT INTO users VALUES (1); INSERT INTO users VALUES (2);

                DROP TABLE old""";
        List<SqlStatement> statements = StatementSplitter.split(script, POSTGRESQL);
        assertThat(statements)
                .containsExactly(
                        new SqlStatement(1, "CREATE TABLE users (\n  id int\n)", 3),
                        new SqlStatement(2, "INSERT INTO users VALUES (1)", 6),
                        new SqlStatement(3, "INSERT INTO users VALUES (2)", 6),
                        new SqlStatement(4, "DROP TABLE old", 8));
    }

    @Test
    void dropsEmptyAndCommentOnlyStatementsButKeepsCommentsInside() {
        String script = ";;\n-- nothing\n/* still nothing */;\nSELECT 1 -- one\n, 2;\n-- trailing\n";
        assertThat(sql(script, POSTGRESQL)).containsExactly("SELECT 1 -- one\n, 2");
        assertThat(sql(script, MYSQL)).containsExactly("SELECT 1 -- one\n, 2");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() {
        List<SqlStatement> statements = StatementSplitter.split("\uFEFFSELECT 1;\r\n\r\nSELECT 2;\r\n", MARIADB);
        assertThat(statements).containsExactly(new SqlStatement(1, "SELECT 1", 1), new SqlStatement(2, "SELECT 2", 3));
    }

    @Test
    void anUnterminatedLastStatementIsKept() {
        assertThat(sql("SELECT 1;\nSELECT 'it''s; not' ", POSTGRESQL))
                .containsExactly("SELECT 1", "SELECT 'it''s; not'");
    }

    @Nested
    class MySqlFamily {

        @Test
        void singleQuotesWithDoubledAndBackslashEscapes() {
            assertThat(sql("INSERT INTO t VALUES ('a;b', 'it''s;', 'c\\';d');SELECT 2;", MYSQL))
                    .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s;', 'c\\';d')", "SELECT 2");
        }

        @Test
        void doubleQuotesAreQuotedTextAndBackticksAreIdentifiers() {
            assertThat(sql("SELECT \"a;\\\"b\";CREATE TABLE `x;y` (`a``;` int);", MARIADB))
                    .containsExactly("SELECT \"a;\\\"b\"", "CREATE TABLE `x;y` (`a``;` int)");
        }

        @Test
        void doubleDashNeedsASpaceAfterIt() {
            assertThat(sql("SELECT 1--1;\nSELECT 2 -- c;\n;\nSELECT 3 --\n;", MYSQL))
                    .containsExactly("SELECT 1--1", "SELECT 2 -- c;", "SELECT 3 --");
        }

        @Test
        void hashStartsALineComment() {
            assertThat(sql("# setup; really\nSELECT 1; # done;\nSELECT 2;", MARIADB))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void blockCommentsDoNotNestAndExecutableCommentsAreCode() {
            assertThat(sql(
                            "/* a /* b */ SELECT 1;\n/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET x=1 */;\n/* x */;",
                            MYSQL))
                    .containsExactly("SELECT 1", "/*!40101 SET NAMES utf8mb4 */", "/*M!100100 SET x=1 */");
        }

        @Test
        void dollarSignsAreNotQuotes() {
            assertThat(sql("SELECT '$$';SELECT $a$;SELECT 1;", MYSQL))
                    .containsExactly("SELECT '$$'", "SELECT $a$", "SELECT 1");
        }

        @Test
        void delimiterLinesChangeTheTerminatorAndAreNotStatements() {
            String script = """
                    DROP PROCEDURE IF EXISTS p;
                    DELIMITER //
                    CREATE PROCEDURE p()
                    BEGIN
                      INSERT INTO t VALUES (1);
                      SELECT 'end;';
                    END //
                    delimiter ;
                    CALL p();
                    DELIMITER $$
                    CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END$$
                    DELIMITER ;
                    SELECT 1;
                    """;
            List<SqlStatement> statements = StatementSplitter.split(script, MYSQL);
            assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 9, 11, 13);
            assertThat(statements)
                    .extracting(SqlStatement::sql)
                    .containsExactly(
                            "DROP PROCEDURE IF EXISTS p",
                            "CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  SELECT 'end;';\nEND",
                            "CALL p()",
                            "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END",
                            "SELECT 1");
        }

        @Test
        void aQuotedDelimiterArgumentAndATrailingCommentOnTheDelimiterLine() {
            assertThat(sql("DELIMITER '//' # switch\nSELECT 1//\nDELIMITER ; -- back\nSELECT 2;", MARIADB))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void aColumnNamedDelimiterInsideAStatementIsNotADelimiterCommand() {
            assertThat(sql("CREATE TABLE t (\n  id int,\ndelimiter varchar(1)\n);\nSELECT 1;", MYSQL))
                    .containsExactly("CREATE TABLE t (\n  id int,\ndelimiter varchar(1)\n)", "SELECT 1");
        }

        @Test
        void routineBodiesWithoutDelimiterKeepTheirSemicolons() {
            String script = """
                    CREATE DEFINER=`root`@`%` PROCEDURE fill(n int)
                    BEGIN
                      DECLARE i int DEFAULT 0;
                      WHILE i < n DO
                        IF i % 2 = 0 THEN INSERT INTO t VALUES (i); END IF;
                        SET i = i + 1;
                      END WHILE;
                      CASE n WHEN 1 THEN SELECT 1; ELSE SELECT CASE WHEN n > 2 THEN 'x' ELSE 'y' END; END CASE;
                      loop1: LOOP LEAVE loop1; END LOOP loop1;
                      BEGIN SELECT 2; END;
                    END;
                    SELECT 3;
                    BEGIN NOT ATOMIC SELECT 4; SELECT 5; END;
                    BEGIN;
                    COMMIT;
                    """;
            List<String> statements = sql(script, MARIADB);
            assertThat(statements).hasSize(5);
            assertThat(statements.get(0)).startsWith("CREATE DEFINER").endsWith("BEGIN SELECT 2; END;\nEND");
            assertThat(statements.subList(1, 5))
                    .containsExactly("SELECT 3", "BEGIN NOT ATOMIC SELECT 4; SELECT 5; END", "BEGIN", "COMMIT");
        }

        @Test
        void onlyRoutinesOpenBlocks() {
            assertThat(sql(
                            "CREATE TABLE event (id int, begin datetime);\nCREATE TABLE `trigger` (a int);\nSELECT 1;",
                            MYSQL))
                    .containsExactly(
                            "CREATE TABLE event (id int, begin datetime)",
                            "CREATE TABLE `trigger` (a int)",
                            "SELECT 1");
        }

        @Test
        void drizzleBreakpointsSeparateStatements() {
            String script =
                    "CREATE TABLE `a` (`id` int);\n--> statement-breakpoint\nCREATE TABLE `b` (`id` int)\n--> statement-breakpoint\nSELECT 1;";
            assertThat(sql(script, MYSQL))
                    .containsExactly("CREATE TABLE `a` (`id` int)", "CREATE TABLE `b` (`id` int)", "SELECT 1");
        }
    }

    @Nested
    class PostgreSql {

        @Test
        void singleQuotesDoubleOnlyButEStringsTakeBackslashes() {
            assertThat(sql("SELECT 'a\\';SELECT E'b\\';c';SELECT 'd''e;';", POSTGRESQL))
                    .containsExactly("SELECT 'a\\'", "SELECT E'b\\';c'", "SELECT 'd''e;'");
        }

        @Test
        void doubleQuotedIdentifiersAndBackticksAsPlainCharacters() {
            assertThat(sql("CREATE TABLE \"a;\"\"b\" (x int);SELECT `x`;", POSTGRESQL))
                    .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT `x`");
        }

        @Test
        void doubleDashAlwaysCommentsAndHashIsCode() {
            assertThat(sql("SELECT 1--1;\n;SELECT '{}'::jsonb #> '{a}';", POSTGRESQL))
                    .containsExactly("SELECT 1--1;", "SELECT '{}'::jsonb #> '{a}'");
        }

        @Test
        void blockCommentsNest() {
            assertThat(sql("/* a /* b; */ still; */ SELECT 1;", POSTGRESQL)).containsExactly("SELECT 1");
        }

        @Test
        void dollarQuotedBodiesAndDoBlocks() {
            String script = """
                    CREATE FUNCTION touch() RETURNS trigger AS $$
                    BEGIN
                      NEW.updated_at = now(); RETURN NEW;
                    END;
                    $$ LANGUAGE plpgsql;
                    DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$;
                    SELECT $1, a$b FROM t;
                    """;
            List<SqlStatement> statements = StatementSplitter.split(script, POSTGRESQL);
            assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6, 7);
            assertThat(statements.get(0).sql()).endsWith("$$ LANGUAGE plpgsql");
            assertThat(statements.get(1).sql()).isEqualTo("DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$");
            assertThat(statements.get(2).sql()).isEqualTo("SELECT $1, a$b FROM t");
        }

        @Test
        void semicolonsInsideParenthesesDoNotEndAStatement() {
            assertThat(sql(
                            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));SELECT 1;",
                            POSTGRESQL))
                    .hasSize(2);
        }

        @Test
        void sqlStandardFunctionBodies() {
            String script = """
                    CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                      SELECT 2;
                    END;
                    BEGIN;
                    CREATE INDEX CONCURRENTLY i ON t (a);
                    COMMIT;
                    """;
            List<String> statements = sql(script, POSTGRESQL);
            assertThat(statements).hasSize(4);
            assertThat(statements.get(0)).endsWith("SELECT 2;\nEND");
            assertThat(statements.subList(1, 4))
                    .containsExactly("BEGIN", "CREATE INDEX CONCURRENTLY i ON t (a)", "COMMIT");
        }

        @Test
        void delimiterIsNotACommandOnPostgreSql() {
            assertThat(sql("DELIMITER //\nSELECT 1;", POSTGRESQL)).containsExactly("DELIMITER //\nSELECT 1");
        }

        @Test
        void drizzleBreakpointsAreBoundaries() {
            assertThat(sql(
                            "CREATE TABLE \"a\" (\"id\" serial)\n--> statement-breakpoint\nCREATE TABLE \"b\" (\"id\" serial);",
                            POSTGRESQL))
                    .containsExactly("CREATE TABLE \"a\" (\"id\" serial)", "CREATE TABLE \"b\" (\"id\" serial)");
        }
    }
}
