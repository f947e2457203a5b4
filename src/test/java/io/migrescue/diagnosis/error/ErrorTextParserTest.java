package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

/** The tricky bits of reading error text, one behaviour per test; the corpus covers the breadth. */
class ErrorTextParserTest {

    private static ParsedError parse(String text) {
        return ErrorTextParser.parse(text).orElseThrow(() -> new AssertionError("not recognised:\n" + text));
    }

    @Test
    void findsTheErrorInALongLogAndKeepsOnlyItsPartAsText() {
        String log = """
                web-1     | 172.18.0.1 - - [15/Jan/2024:09:29:58 +0000] "GET /health HTTP/1.1" 200 2
                migrate-1 | Running migrations...
                migrate-1 | Starting deploy hook, release v142
                ERROR 1061 (42000) at line 4: Duplicate key name 'idx_orders_status'
                migrate-1 | Rolling back release v142
                migrate-1 | exited with code 1
                web-1     | 172.18.0.1 - - [15/Jan/2024:09:30:03 +0000] "GET /health HTTP/1.1" 200 2
                """;
        ParsedError e = parse(log);
        assertThat(e.vendorCode()).isEqualTo(1061);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.objects().index()).isEqualTo("idx_orders_status");
        assertThat(e.text()).isEqualTo("ERROR 1061 (42000) at line 4: Duplicate key name 'idx_orders_status'");
    }

    @Test
    void theFirstRealErrorWinsOverTheAbortedTransactionsThatFollow() {
        String jdbc = """
                org.postgresql.util.PSQLException: ERROR: column "plan" of relation "accounts" already exists
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
                org.postgresql.util.PSQLException: ERROR: current transaction is aborted, commands ignored until end of transaction block
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
                """;
        assertThat(parse(jdbc).message()).isEqualTo("column \"plan\" of relation \"accounts\" already exists");

        String laravel = """
                SQLSTATE[25P02]: In failed sql transaction: 7 ERROR:  current transaction is aborted, commands ignored until end of transaction block (Connection: pgsql, SQL: insert into "migrations" ("migration", "batch") values ('2024_01_01_000000_x', 3))
                SQLSTATE[42701]: Duplicate column: 7 ERROR:  column "plan" of relation "accounts" already exists (Connection: pgsql, SQL: alter table "accounts" add column "plan" varchar(255))
                """;
        ParsedError e = parse(laravel);
        assertThat(e.sqlState())
                .as("a 25P02 is never the error to diagnose, even printed first")
                .isEqualTo("42701");
        assertThat(e.statement()).isEqualTo("alter table \"accounts\" add column \"plan\" varchar(255)");
    }

    @Test
    void anAbortedTransactionAloneIsStillReportedForWhatItIs() {
        ParsedError e = parse(
                "psql:x.sql:9: ERROR:  current transaction is aborted, commands ignored until end of transaction block");
        assertThat(e.message()).startsWith("current transaction is aborted");
        assertThat(ErrorCatalog.classify(e)).contains(FindingKind.TRANSACTION_CONTEXT);
    }

    @Test
    void flywayKeepsPgJdbcDetailAndHintOutOfTheMessage() {
        String flyway = """
                ERROR: Migration V4__drop_legacy.sql failed
                -------------------------------------------
                SQL State  : 2BP01
                Error Code : 0
                Message    : ERROR: cannot drop table legacy_accounts because other objects depend on it
                  Detail: constraint invoices_account_id_fkey on table invoices depends on table legacy_accounts
                  Hint: Use DROP ... CASCADE to drop the dependent objects too.
                  Where: SQL statement "DROP TABLE legacy_accounts"
                Location   : db/migration/V4__drop_legacy.sql (/flyway/sql/V4__drop_legacy.sql)
                Line       : 1
                Statement  : DROP TABLE legacy_accounts
                """;
        ParsedError e = parse(flyway);
        assertThat(e.message()).isEqualTo("cannot drop table legacy_accounts because other objects depend on it");
        assertThat(e.detail())
                .isEqualTo("constraint invoices_account_id_fkey on table invoices depends on table legacy_accounts");
        assertThat(e.hint()).isEqualTo("Use DROP ... CASCADE to drop the dependent objects too.");
        assertThat(e.statement()).isEqualTo("DROP TABLE legacy_accounts");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.version()).isEqualTo("4");
        assertThat(e.objects().table()).isEqualTo("legacy_accounts");
    }

    @Test
    void laravel12BlockWithHostAndPortAroundAStatementWithParenthesesAndQuotes() {
        String text =
                "SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint \"plans_code_key\"\n"
                        + "DETAIL:  Key (code)=(pro) already exists. (Connection: pgsql, Host: [::1], Port: 6432, Database: billing, "
                        + "SQL: insert into \"plans\" (\"code\", \"label\") values ('pro', 'Pro (annual) :)'))";
        ParsedError e = parse(text);
        assertThat(e.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(e.statement())
                .isEqualTo("insert into \"plans\" (\"code\", \"label\") values ('pro', 'Pro (annual) :)')");
        assertThat(e.detail()).isEqualTo("Key (code)=(pro) already exists.");
        assertThat(e.objects()).isEqualTo(new ErrorObjects(null, null, "plans_code_key", "code", null, null, "pro"));
    }

    @Test
    void laravel10And9BlocksAreReadTheSameWay() {
        String v10 = "SQLSTATE[42S01]: Base table or view already exists: 1050 Table 'plans' already exists "
                + "(Connection: mysql, SQL: create table `plans` (`id` bigint unsigned not null auto_increment primary key))";
        String v9 = "SQLSTATE[42S01]: Base table or view already exists: 1050 Table 'plans' already exists "
                + "(SQL: create table `plans` (`id` bigint unsigned not null auto_increment primary key))";
        assertThat(parse(v10).statement())
                .isEqualTo(parse(v9).statement())
                .isEqualTo("create table `plans` (`id` bigint unsigned not null auto_increment primary key)");
    }

    @Test
    void quotedIdentifiersKeepTheirDotsAndQualifiedNamesAreSplit() {
        assertThat(parse(
                                "ERROR 1005 (HY000): Can't create table `my.app`.`orders` (errno: 121 \"Duplicate key on write or update\")")
                        .objects())
                .isEqualTo(new ErrorObjects("my.app", "orders", null, null, null, null, null));
        assertThat(parse("ERROR 1146 (42S02): Table 'shop.order_items' doesn't exist")
                        .objects())
                .isEqualTo(new ErrorObjects("shop", "order_items", null, null, null, null, null));
        assertThat(parse("ERROR:  relation \"myschema.vote_stats\" does not exist")
                        .objects())
                .isEqualTo(new ErrorObjects("myschema", "vote_stats", null, null, null, null, null));
        assertThat(parse("ERROR:  constraint \"fk.legacy\" for relation \"orders\" already exists")
                        .objects())
                .as("a constraint name is never qualified")
                .isEqualTo(new ErrorObjects(null, "orders", "fk.legacy", null, null, null, null));
        assertThat(parse("ERROR 1091 (42000): Can't DROP FOREIGN KEY `fk.legacy`; check that it exists")
                        .objects()
                        .constraint())
                .isEqualTo("fk.legacy");
        assertThat(parse("ERROR 1062 (23000): Duplicate entry 'a.b@x.io' for key 'users.users_email_unique'")
                        .objects())
                .isEqualTo(new ErrorObjects(null, "users", null, null, "users_email_unique", null, "a.b@x.io"));
    }

    @Test
    void windowsLineEndsAndTerminalColoursDoNotGetInTheWay() {
        String text = "\u001B[31mpsql:V2__x.sql:3: ERROR:  relation \"users\" already exists\u001B[0m\r\n"
                + "LINE 1: CREATE TABLE users (id int);\r\n"
                + "                     ^\r\n";
        ParsedError e = parse(text);
        assertThat(e.message()).isEqualTo("relation \"users\" already exists");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void pythonTupleMessagesWithBothKindsOfQuotesAreUnescaped() {
        String text = "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) "
                + "(1005, 'Can\\'t create table `shop`.`orders` (errno: 121 \"Duplicate key on write or update\")')";
        ParsedError e = parse(text);
        assertThat(e.message())
                .isEqualTo("Can't create table `shop`.`orders` (errno: 121 \"Duplicate key on write or update\")");
        assertThat(e.errno()).isEqualTo(121);
        assertThat(e.engine()).isEqualTo(Engine.MARIADB);
    }

    @Test
    void nothingRecognisableGivesNothing() {
        assertThat(ErrorTextParser.parse(null)).isEmpty();
        assertThat(ErrorTextParser.parse("  \n ")).isEmpty();
        assertThat(ErrorTextParser.parse("deploy finished in 4.2s\nall green")).isEmpty();
    }

    @Test
    void sequelizeCliSaysOnlyValidationErrorButItsDetailNamesTheDuplicateKey() {
        String plain = """
                Sequelize CLI [Node: 20.20.2, CLI: 6.6.5, ORM: 6.37.8]

                Loaded configuration file "config.js".
                Using environment "development".
                == 20240102000000-create-orders: migrating =======

                ERROR: Validation error
                ERROR DETAIL: Key (email)=(ana@example.com) is duplicated.
                """;
        ParsedError e = parse(plain);
        assertThat(e.wrapper()).isEqualTo("sequelize");
        assertThat(e.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(ErrorCatalog.classify(e)).contains(FindingKind.DUPLICATE_ROWS);
        assertThat(e.objects().column()).isEqualTo("email");

        String debug = plain.replace("ERROR: Validation error", "ERROR: Error\n    at Query.run (query.js:50:25)")
                + "EXTRA MESSAGE: could not create unique index \"users_email\"\n";
        ParsedError d = parse(debug);
        assertThat(d.objects().index()).isEqualTo("users_email");
        assertThat(ErrorCatalog.classify(d)).contains(FindingKind.DUPLICATE_ROWS);
    }
}
