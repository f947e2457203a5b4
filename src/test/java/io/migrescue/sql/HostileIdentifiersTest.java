package io.migrescue.sql;

import static io.migrescue.model.Engine.MARIADB;
import static io.migrescue.model.Engine.MYSQL;
import static io.migrescue.model.Engine.POSTGRESQL;
import static io.migrescue.sql.EffectsTesting.effects;
import static io.migrescue.sql.EffectsTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.sql.Effect.AddColumn;
import io.migrescue.sql.Effect.AddConstraint;
import io.migrescue.sql.Effect.CreateIndex;
import io.migrescue.sql.Effect.CreateTable;
import io.migrescue.sql.Effect.Other;
import io.migrescue.sql.Effect.RenameColumn;
import io.migrescue.sql.Effect.RenameTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11: names with quotes, escapes, unicode and reserved words read back exactly as the server stores them. */
class HostileIdentifiersTest {

    @Test
    void aDoubledBacktickIsOneBacktickInTheName() {
        RenameTable rename = only(RenameTable.class, "RENAME TABLE `we``ird` TO `we``ird_old`", MARIADB);
        assertThat(rename.from()).isEqualTo("we`ird");
        assertThat(rename.to()).isEqualTo("we`ird_old");

        CreateTable create = (CreateTable) effects(
                        "CREATE TABLE `we``ird` (id BIGINT PRIMARY KEY, `co\"l` VARCHAR(40),"
                                + " CONSTRAINT `fk``x` FOREIGN KEY (id) REFERENCES `p``q` (`i``d`))",
                        MARIADB)
                .get(0);
        assertThat(create.table()).isEqualTo("we`ird");
        assertThat(create.columns()).extracting(Effect.ColumnDef::name).containsExactly("id", "co\"l");
        Effect.ConstraintDef fk = create.constraints().stream()
                .filter(c -> c.kind().equals("FOREIGN_KEY"))
                .findFirst()
                .orElseThrow();
        assertThat(fk.name()).isEqualTo("fk`x");
        assertThat(fk.referencedTable()).isEqualTo("p`q");
        assertThat(fk.referencedColumns()).containsExactly("i`d");

        RenameColumn column = only(RenameColumn.class, "ALTER TABLE `we'ird` RENAME COLUMN `a'b` TO `c``d`", MARIADB);
        assertThat(column).isEqualTo(new RenameColumn(null, "we'ird", "a'b", "c`d"));
    }

    @Test
    void aDoubledDoubleQuoteIsOneDoubleQuoteInThePostgresName() {
        assertThat(only(RenameTable.class, "ALTER TABLE \"we\"\"ird\" RENAME TO \"x\"\"y\"", POSTGRESQL))
                .isEqualTo(new RenameTable(null, "we\"ird", null, "x\"y"));
        AddColumn add = only(
                AddColumn.class,
                "ALTER TABLE \"a\"\"b\" ADD COLUMN \"c\"\"d\" text NOT NULL DEFAULT 'it''s'",
                POSTGRESQL);
        assertThat(add.table()).isEqualTo("a\"b");
        assertThat(add.column().name()).isEqualTo("c\"d");
        assertThat(add.column().defaultValue()).isEqualTo("'it''s'");
    }

    /** Quoted reserved words: JSqlParser rejects some of them even quoted; the reader must not. */
    @ParameterizedTest
    @ValueSource(
            strings = {"select", "order", "group", "key", "index", "table", "from", "where", "constraint", "primary"})
    void quotedReservedWordsAreNames(String word) {
        assertThat(only(AddColumn.class, "ALTER TABLE `" + word + "` ADD COLUMN `" + word + "` VARCHAR(40)", MARIADB)
                        .column()
                        .name())
                .isEqualTo(word);
        assertThat(only(AddColumn.class, "ALTER TABLE \"" + word + "\" ADD COLUMN \"" + word + "\" text", POSTGRESQL)
                        .table())
                .isEqualTo(word);
        CreateIndex index = only(
                CreateIndex.class, "CREATE INDEX \"" + word + "\" ON \"" + word + "\" (\"" + word + "\")", POSTGRESQL);
        assertThat(index.name()).isEqualTo(word);
        assertThat(index.columns()).containsExactly(word);
    }

    @Test
    void semicolonsCommentsAndQuotesInsideNamesAreNames() {
        String sql =
                "ALTER TABLE `a;--b \"q\" 'x'` ADD COLUMN `note; DROP TABLE x;--` VARCHAR(40), ADD INDEX `ix 'q' \\` (`note; DROP TABLE x;--`)";
        List<SqlStatement> split = StatementSplitter.split(sql + ";\nSELECT 1;", MARIADB);
        assertThat(split).hasSize(2);
        List<Effect> effects = effects(split.get(0).sql(), MARIADB);
        assertThat(effects).hasSize(2);
        assertThat(((AddColumn) effects.get(0)).column().name()).isEqualTo("note; DROP TABLE x;--");
        assertThat(((CreateIndex) effects.get(1)).name()).isEqualTo("ix 'q' \\");
        assertThat(((CreateIndex) effects.get(1)).table()).isEqualTo("a;--b \"q\" 'x'");
    }

    @Test
    void unicodeNamesKeepEveryCodePoint() {
        String table = "emoji 😀 e\u0301 名前";
        AddConstraint add = only(
                AddConstraint.class,
                "ALTER TABLE \"" + table + "\" ADD CONSTRAINT \"клю\u0301ч\" CHECK (\"😀\" > 0)",
                POSTGRESQL);
        assertThat(add.table()).isEqualTo(table);
        assertThat(add.constraint().name()).isEqualTo("клю\u0301ч");
        assertThat(add.constraint().checkExpression()).isEqualTo("\"😀\" > 0");
        assertThat(only(AddColumn.class, "ALTER TABLE `Ünïcödé` ADD `列 ñ` INT", MYSQL)
                        .column()
                        .name())
                .isEqualTo("列 ñ");
    }

    @Test
    void postgresFoldsBareNamesToLowerCaseAndKeepsQuotedOnesAsWritten() {
        AddColumn bare = only(AddColumn.class, "ALTER TABLE Users ADD COLUMN Phone TEXT", POSTGRESQL);
        assertThat(bare.table()).isEqualTo("users");
        assertThat(bare.column().name()).isEqualTo("phone");
        assertThat(only(AddColumn.class, "ALTER TABLE \"Users\" ADD COLUMN \"Phone\" TEXT", POSTGRESQL)
                        .column()
                        .name())
                .isEqualTo("Phone");
        // only ASCII letters fold in UTF-8
        assertThat(only(AddColumn.class, "ALTER TABLE ÉTÉ ADD COLUMN x int", POSTGRESQL)
                        .table())
                .isEqualTo("ÉtÉ");
        // MySQL keeps the case as written
        assertThat(only(AddColumn.class, "ALTER TABLE Users ADD COLUMN Phone TEXT", MARIADB)
                        .column()
                        .name())
                .isEqualTo("Phone");
    }

    @Test
    void aNameThatLooksLikeTheReadersPlaceholderIsStillItself() {
        RenameTable rename = only(RenameTable.class, "RENAME TABLE `mrq0_41` TO `mrq0_4142`", MARIADB);
        assertThat(rename.from()).isEqualTo("mrq0_41");
        assertThat(rename.to()).isEqualTo("mrq0_4142");
    }

    @Test
    void stringsAndDollarBodiesDoNotHideTheEndOfAStatement() {
        String script = "INSERT INTO t VALUES ('it''s; -- not a comment', 'a\\'b;');\n"
                + "INSERT INTO `x``;` VALUES (\"q\\\";\");\n"
                + "SELECT 1;";
        assertThat(StatementSplitter.split(script, MARIADB)).hasSize(3);
        String pg = "INSERT INTO t VALUES (E'it\\'s; x', 'back\\slash;');\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
                + "ALTER TABLE \"a\"\";\" ADD COLUMN b int;";
        List<SqlStatement> statements = StatementSplitter.split(pg, POSTGRESQL);
        assertThat(statements).hasSize(3);
        assertThat(only(AddColumn.class, statements.get(2).sql(), POSTGRESQL).table())
                .isEqualTo("a\";");
    }

    @Test
    void aStatementTheParserCannotReadSaysSoAndShowsTheStatementAsWritten() {
        String sql = "ALTER TABLE `we``ird` FROBNICATE `x``y`";
        Other other = only(Other.class, sql, MARIADB);
        assertThat(other.sql()).isEqualTo(sql);
        assertThat(other.reason()).contains("`x``y`").doesNotContain("mrq");
    }

    /** Both engines take any character beyond ASCII in a bare name: combining marks and symbols too. */
    @Test
    void bareNamesBeyondAsciiAreNames() {
        AddColumn pg = only(AddColumn.class, "ALTER TABLE Café_e\u0301 ADD COLUMN naïve😀 INT", POSTGRESQL);
        assertThat(pg.table()).isEqualTo("café_e\u0301");
        assertThat(pg.column().name()).isEqualTo("naïve😀");
        RenameTable maria = only(RenameTable.class, "RENAME TABLE Ünï_e\u0301 TO ünï_2", MARIADB);
        assertThat(maria).isEqualTo(new RenameTable(null, "Ünï_e\u0301", null, "ünï_2"));
        assertThat(StatementSplitter.split("CREATE TABLE naïve (id int);\nCREATE TABLE é\u0301 (id int);", POSTGRESQL))
                .hasSize(2);
    }

    /** Escapes decide where a string ends, and so whether a quote or a semicolon after it is code. */
    @Test
    void escapesInStringsPerEngine() {
        // PostgreSQL: a backslash in a standard string is a character, so 'C:\' ends at its second quote
        List<SqlStatement> pg = StatementSplitter.split(
                "INSERT INTO t VALUES ('C:\\');\nALTER TABLE \"x;\" ADD COLUMN \"y'\" int;", POSTGRESQL);
        assertThat(pg).hasSize(2);
        assertThat(only(AddColumn.class, pg.get(1).sql(), POSTGRESQL))
                .isEqualTo(new AddColumn(null, "x;", new Effect.ColumnDef("y'", "int", true, null)));
        // … and in an E'' string it escapes the quote
        assertThat(StatementSplitter.split("SELECT E'it\\'s; still';\nSELECT 2;", POSTGRESQL))
                .hasSize(2);
        // MySQL: a backslash escapes in '…' and "…" strings, never in `…` names
        assertThat(StatementSplitter.split(
                        "INSERT INTO t VALUES ('it\\'s; x', \"q\\\"; y\");\nALTER TABLE `a\\` ADD b INT;", MARIADB))
                .hasSize(2)
                .last()
                .satisfies(
                        s -> assertThat(only(AddColumn.class, s.sql(), MARIADB).table())
                                .isEqualTo("a\\"));
        Tokens tokens = Tokens.of("SELECT 'a\\'b', `c\\`, \"d\"\"e\"", MARIADB);
        assertThat(tokens.get(1).text()).isEqualTo("'a\\'b'");
        assertThat(tokens.get(3))
                .satisfies(t -> assertThat(t.type()).isEqualTo(Tokens.Type.QUOTED))
                .extracting(Tokens.Token::text)
                .isEqualTo("`c\\`");
        assertThat(tokens.get(5).text()).isEqualTo("\"d\"\"e\"");
        assertThat(tokens.size()).isEqualTo(6);
    }
}
