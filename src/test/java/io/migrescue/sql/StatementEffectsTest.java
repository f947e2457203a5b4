package io.migrescue.sql;

import static io.migrescue.model.Engine.MARIADB;
import static io.migrescue.model.Engine.MYSQL;
import static io.migrescue.model.Engine.POSTGRESQL;
import static io.migrescue.sql.EffectsTesting.check;
import static io.migrescue.sql.EffectsTesting.column;
import static io.migrescue.sql.EffectsTesting.effects;
import static io.migrescue.sql.EffectsTesting.foreignKey;
import static io.migrescue.sql.EffectsTesting.only;
import static io.migrescue.sql.EffectsTesting.primaryKey;
import static io.migrescue.sql.EffectsTesting.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.AddColumn;
import io.migrescue.sql.Effect.AddConstraint;
import io.migrescue.sql.Effect.CreateIndex;
import io.migrescue.sql.Effect.CreateTable;
import io.migrescue.sql.Effect.DropColumn;
import io.migrescue.sql.Effect.DropConstraint;
import io.migrescue.sql.Effect.DropIndex;
import io.migrescue.sql.Effect.DropTable;
import io.migrescue.sql.Effect.ModifyColumn;
import io.migrescue.sql.Effect.Other;
import io.migrescue.sql.Effect.RenameColumn;
import io.migrescue.sql.Effect.RenameConstraint;
import io.migrescue.sql.Effect.RenameIndex;
import io.migrescue.sql.Effect.RenameTable;
import io.migrescue.sql.Effect.SetColumnDefault;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementEffectsTest {

    @Nested
    class CreateTableOnMySqlFamily {

        @Test
        void columnsWithTypeNullabilityAndDefaultAsWritten() {
            CreateTable table = (CreateTable) effects("""
                    CREATE TABLE `db`.`orders` (
                      `id` bigint unsigned NOT NULL AUTO_INCREMENT,
                      `status` enum('new','paid') COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'new',
                      `total` decimal(10,2) unsigned zerofill DEFAULT '0.00',
                      `note` text,
                      `paid_at` timestamp NULL DEFAULT NULL,
                      `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                      `code` varchar(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'the code',
                      PRIMARY KEY (`id`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""", MYSQL).get(0);

            assertThat(table.schema()).isEqualTo("db");
            assertThat(table.table()).isEqualTo("orders");
            assertThat(table.ifNotExists()).isFalse();
            assertThat(table.columns())
                    .containsExactly(
                            column("id", "bigint unsigned", false, null),
                            column("status", "enum('new','paid')", false, "'new'"),
                            column("total", "decimal(10,2) unsigned zerofill", true, "'0.00'"),
                            column("note", "text", true, null),
                            column("paid_at", "timestamp", true, null),
                            column("updated_at", "datetime(6)", false, "CURRENT_TIMESTAMP(6)"),
                            column("code", "varchar(191)", false, null));
            assertThat(table.constraints()).containsExactly(primaryKey(null, "id"));
        }

        @Test
        void tableLevelConstraintsWithNamesColumnsReferencesAndActions() {
            CreateTable table = only(CreateTable.class, """
                    CREATE TABLE IF NOT EXISTS child (
                      id int NOT NULL,
                      parent_id int,
                      other_id int,
                      amount int,
                      CONSTRAINT pk_child PRIMARY KEY (id),
                      CONSTRAINT uq_child UNIQUE (parent_id, other_id),
                      CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE NO ACTION,
                      FOREIGN KEY (other_id) REFERENCES `shop`.`other` (`id`) ON DELETE SET NULL,
                      CONSTRAINT chk_amount CHECK (amount > 0),
                      CHECK (amount < 1000)
                    )""", MARIADB);

            assertThat(table.ifNotExists()).isTrue();
            assertThat(table.constraints())
                    .containsExactly(
                            primaryKey("pk_child", "id"),
                            unique("uq_child", "parent_id", "other_id"),
                            foreignKey(
                                    "fk_child_parent",
                                    List.of("parent_id"),
                                    null,
                                    "parent",
                                    List.of("id"),
                                    "CASCADE",
                                    "NO ACTION"),
                            foreignKey(null, List.of("other_id"), "shop", "other", List.of("id"), "SET NULL", null),
                            check("chk_amount", List.of(), "amount > 0"),
                            check(null, List.of(), "amount < 1000"));
        }

        @Test
        void inlineColumnConstraintsAndPrimaryKeyColumnsAreNotNull() {
            CreateTable table = only(
                    CreateTable.class,
                    "CREATE TABLE t (id int PRIMARY KEY, code varchar(5) UNIQUE KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0), "
                            + "k1 int, k2 int, PRIMARY KEY (k1, k2))",
                    MYSQL);

            assertThat(table.columns())
                    .extracting(Effect.ColumnDef::nullable)
                    .containsExactly(false, true, true, false, false);
            assertThat(table.constraints())
                    .containsExactly(
                            primaryKey(null, "id"),
                            unique(null, "code"),
                            check("qty_positive", List.of("qty"), "qty > 0"),
                            primaryKey(null, "k1", "k2"));
        }

        @Test
        void keyIndexAndUniqueKeyElementsAreIndexesToo() {
            List<Effect> effects = effects("""
                    CREATE TABLE `posts` (
                      `id` int NOT NULL,
                      `user_id` int NOT NULL,
                      `slug` varchar(191) NOT NULL,
                      `body` text,
                      `geo` point NOT NULL,
                      PRIMARY KEY (`id`),
                      UNIQUE KEY `posts_slug_unique` (`slug`),
                      KEY `posts_user_id_index` (`user_id`),
                      INDEX idx_slug_prefix USING BTREE (`slug`(20) DESC, `id`),
                      KEY (`user_id`, `id`),
                      UNIQUE INDEX ux_body (`body`(100)),
                      UNIQUE uq_pair (`user_id`, `slug`),
                      FULLTEXT KEY `ft_body` (`body`),
                      SPATIAL INDEX sp_geo (`geo`),
                      INDEX fx ((lower(`slug`)))
                    ) ENGINE=InnoDB""", MYSQL);

            assertThat(effects).hasSize(10);
            assertThat(((CreateTable) effects.get(0)).constraints()).containsExactly(primaryKey(null, "id"));
            assertThat(effects.subList(1, 10))
                    .containsExactly(
                            new CreateIndex(null, "posts", "posts_slug_unique", List.of("slug"), true, false, null),
                            new CreateIndex(
                                    null, "posts", "posts_user_id_index", List.of("user_id"), false, false, null),
                            new CreateIndex(
                                    null, "posts", "idx_slug_prefix", List.of("slug", "id"), false, false, "btree"),
                            new CreateIndex(null, "posts", null, List.of("user_id", "id"), false, false, null),
                            new CreateIndex(null, "posts", "ux_body", List.of("body"), true, false, null),
                            new CreateIndex(null, "posts", "uq_pair", List.of("user_id", "slug"), true, false, null),
                            new CreateIndex(null, "posts", "ft_body", List.of("body"), false, false, "fulltext"),
                            new CreateIndex(null, "posts", "sp_geo", List.of("geo"), false, false, "spatial"),
                            new CreateIndex(null, "posts", "fx", List.of("lower(`slug`)"), false, false, null));
        }

        @Test
        void inlineReferencesCountOnMariaDbButMySqlIgnoresThem() {
            String sql = "CREATE TABLE t (id int, parent_id int REFERENCES parent(id) ON UPDATE SET NULL)";
            assertThat(only(CreateTable.class, sql, MARIADB).constraints())
                    .containsExactly(
                            foreignKey(null, List.of("parent_id"), null, "parent", List.of("id"), null, "SET NULL"));
            assertThat(only(CreateTable.class, sql, MYSQL).constraints()).isEmpty();
        }

        @Test
        void likeAndAsSelectCreateATableWhoseColumnsComeFromElsewhere() {
            assertThat(only(CreateTable.class, "CREATE TABLE t2 LIKE t", MYSQL))
                    .isEqualTo(new CreateTable(null, "t2", List.of(), List.of(), false));
            assertThat(only(CreateTable.class, "CREATE TABLE IF NOT EXISTS t3 AS SELECT * FROM t", MARIADB))
                    .isEqualTo(new CreateTable(null, "t3", List.of(), List.of(), true));
        }

        @Test
        void orReplaceOnMariaDb() {
            assertThat(only(CreateTable.class, "CREATE OR REPLACE TABLE t (a int)", MARIADB)
                            .columns())
                    .containsExactly(column("a", "int", true, null));
        }

        @Test
        void columnsNamedLikeTheWordsRewritesDrop() {
            assertThat(only(
                                    CreateTable.class,
                                    "CREATE TABLE t (visible tinyint(1) NOT NULL DEFAULT 1, `match` int, "
                                            + "enforced boolean, initially int)",
                                    MYSQL)
                            .columns())
                    .extracting(Effect.ColumnDef::name)
                    .containsExactly("visible", "match", "enforced", "initially");
            assertThat(only(AddColumn.class, "ALTER TABLE t ADD COLUMN visible boolean INVISIBLE", MYSQL)
                            .column())
                    .isEqualTo(column("visible", "boolean", true, null));
        }

        @Test
        void doubleQuotedNamesUnderAnsiQuotes() {
            assertThat(only(CreateTable.class, "CREATE TABLE \"t\" (\"a\" int)", MYSQL)
                            .columns())
                    .containsExactly(column("a", "int", true, null));
        }

        @Test
        void temporaryTablesAreNotSchema() {
            assertThat(only(Other.class, "CREATE TEMPORARY TABLE t (a int)", MYSQL)
                            .reason())
                    .contains("temporary");
            assertThat(only(Other.class, "DROP TEMPORARY TABLE IF EXISTS t", MYSQL)
                            .reason())
                    .contains("temporary");
        }
    }

    @Nested
    class CreateTableOnPostgreSql {

        @Test
        void typesDefaultsIdentityAndSerial() {
            CreateTable table = only(CreateTable.class, """
                    CREATE TABLE public.events (
                      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      seq int GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 1),
                      legacy serial,
                      at timestamptz NOT NULL DEFAULT now(),
                      at2 timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP(3),
                      ratio double precision,
                      label character varying(255) COLLATE "C",
                      tags text[] DEFAULT '{}'::text[],
                      amount numeric(10, 2),
                      uid uuid DEFAULT gen_random_uuid(),
                      payload jsonb DEFAULT '{}'::jsonb NOT NULL,
                      counter int DEFAULT nextval('events_counter_seq'::regclass),
                      doubled int GENERATED ALWAYS AS (counter * 2) STORED
                    )""", POSTGRESQL);

            assertThat(table.schema()).isEqualTo("public");
            assertThat(table.columns())
                    .containsExactly(
                            column("id", "bigint", false, null),
                            column("seq", "int", false, null),
                            column("legacy", "serial", false, null),
                            column("at", "timestamptz", false, "now()"),
                            column("at2", "timestamp(3) without time zone", true, "CURRENT_TIMESTAMP(3)"),
                            column("ratio", "double precision", true, null),
                            column("label", "character varying(255)", true, null),
                            column("tags", "text[]", true, "'{}'::text[]"),
                            column("amount", "numeric(10,2)", true, null),
                            column("uid", "uuid", true, "gen_random_uuid()"),
                            column("payload", "jsonb", false, "'{}'::jsonb"),
                            column("counter", "int", true, "nextval('events_counter_seq'::regclass)"),
                            column("doubled", "int", true, null));
            assertThat(table.constraints()).containsExactly(primaryKey(null, "id"));
        }

        @Test
        void inlineReferencesAndTableConstraints() {
            CreateTable table = only(CreateTable.class, """
                    CREATE TABLE IF NOT EXISTS s.child (
                      id int,
                      p int REFERENCES parent ON UPDATE SET NULL,
                      q int CONSTRAINT q_fk REFERENCES s2.other(id) ON DELETE SET NULL (q) DEFERRABLE INITIALLY DEFERRED,
                      CONSTRAINT child_pkey PRIMARY KEY (id),
                      CONSTRAINT child_q_check CHECK (q > 0) NO INHERIT,
                      UNIQUE (p, q),
                      FOREIGN KEY (id) REFERENCES other(id) MATCH FULL ON DELETE RESTRICT,
                      CONSTRAINT no_overlap EXCLUDE USING gist (id WITH =)
                    ) PARTITION BY RANGE (id)""", POSTGRESQL);

            assertThat(table.schema()).isEqualTo("s");
            assertThat(table.ifNotExists()).isTrue();
            assertThat(table.columns().get(0).nullable()).isFalse();
            assertThat(table.constraints())
                    .containsExactly(
                            foreignKey(null, List.of("p"), null, "parent", List.of(), null, "SET NULL"),
                            foreignKey("q_fk", List.of("q"), "s2", "other", List.of("id"), "SET NULL", null),
                            primaryKey("child_pkey", "id"),
                            check("child_q_check", List.of(), "q > 0"),
                            unique(null, "p", "q"),
                            foreignKey(null, List.of("id"), null, "other", List.of("id"), "RESTRICT", null),
                            new Effect.ConstraintDef(
                                    "no_overlap", "EXCLUSION", List.of(), null, null, List.of(), null, null, null));
        }

        @Test
        void likeUnloggedAndPartitionOf() {
            assertThat(only(CreateTable.class, "CREATE TABLE \"x\" (LIKE \"y\" INCLUDING ALL)", POSTGRESQL))
                    .isEqualTo(new CreateTable(null, "x", List.of(), List.of(), false));
            assertThat(only(CreateTable.class, "CREATE UNLOGGED TABLE IF NOT EXISTS s.u (a int)", POSTGRESQL)
                            .table())
                    .isEqualTo("u");
            assertThat(only(Other.class, "CREATE TABLE part PARTITION OF p FOR VALUES IN (1)", POSTGRESQL)
                            .reason())
                    .contains("PARTITION OF");
        }
    }

    @Nested
    class AlterTable {

        @Test
        void severalActionsInOrderAlgorithmAndLockYieldNothing() {
            assertThat(effects(
                            "ALTER TABLE t ADD COLUMN x int NOT NULL DEFAULT 0 AFTER y, DROP COLUMN y, DROP z, "
                                    + "RENAME COLUMN a TO b, ALGORITHM=INPLACE, LOCK=NONE",
                            MYSQL))
                    .containsExactly(
                            new AddColumn(null, "t", column("x", "int", false, "0")),
                            new DropColumn(null, "t", "y"),
                            new DropColumn(null, "t", "z"),
                            new RenameColumn(null, "t", "a", "b"));
        }

        @Test
        void addColumnForms() {
            assertThat(effects(
                            "ALTER TABLE `shop`.`t` ADD `c` varchar(255) CHARACTER SET utf8mb4 NOT NULL DEFAULT 'x' FIRST, "
                                    + "ADD COLUMN (d int NOT NULL, e text), ADD IF NOT EXISTS f tinyint(1)",
                            MARIADB))
                    .containsExactly(
                            new AddColumn("shop", "t", column("c", "varchar(255)", false, "'x'")),
                            new AddColumn("shop", "t", column("d", "int", false, null)),
                            new AddColumn("shop", "t", column("e", "text", true, null)),
                            new AddColumn("shop", "t", column("f", "tinyint(1)", true, null)));
            assertThat(effects(
                            "ALTER TABLE t ADD COLUMN IF NOT EXISTS c int REFERENCES p(id) ON DELETE CASCADE, "
                                    + "ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY",
                            POSTGRESQL))
                    .containsExactly(
                            new AddColumn(null, "t", column("c", "int", true, null)),
                            new AddConstraint(
                                    null,
                                    "t",
                                    foreignKey(null, List.of("c"), null, "p", List.of("id"), "CASCADE", null)),
                            new AddColumn(null, "t", column("id", "bigint", false, null)));
        }

        @Test
        void modifyAndChangeRestateTheColumn() {
            assertThat(effects(
                            "ALTER TABLE t MODIFY `c` varchar(255) NULL, MODIFY COLUMN d int unsigned NOT NULL, "
                                    + "CHANGE `a` `b` bigint NOT NULL, CHANGE COLUMN q q int",
                            MYSQL))
                    .containsExactly(
                            new ModifyColumn(null, "t", "c", null, "varchar(255)", true),
                            new ModifyColumn(null, "t", "d", null, "int unsigned", false),
                            new ModifyColumn(null, "t", "a", "b", "bigint", false),
                            new ModifyColumn(null, "t", "q", null, "int", true));
        }

        @Test
        void postgreSqlAlterColumn() {
            assertThat(effects(
                            "ALTER TABLE IF EXISTS t ALTER COLUMN x TYPE bigint USING x::bigint, ALTER COLUMN y SET NOT NULL, "
                                    + "ALTER COLUMN z DROP NOT NULL, ALTER n TYPE numeric(10, 2), ALTER COLUMN d SET DEFAULT now(), "
                                    + "ALTER COLUMN e DROP DEFAULT",
                            POSTGRESQL))
                    .containsExactly(
                            new ModifyColumn(null, "t", "x", null, "bigint", null),
                            new ModifyColumn(null, "t", "y", null, null, false),
                            new ModifyColumn(null, "t", "z", null, null, true),
                            new ModifyColumn(null, "t", "n", null, "numeric(10,2)", null),
                            new SetColumnDefault(null, "t", "d", "now()"),
                            new SetColumnDefault(null, "t", "e", null));
        }

        @Test
        void mySqlAlterColumnDefault() {
            assertThat(effects("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'x', ALTER y DROP DEFAULT", MYSQL))
                    .containsExactly(
                            new SetColumnDefault(null, "t", "x", "'x'"), new SetColumnDefault(null, "t", "y", null));
        }

        @Test
        void addConstraints() {
            assertThat(effects(
                            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES s.p (id, id2) "
                                    + "ON DELETE SET NULL ON UPDATE CASCADE, ADD FOREIGN KEY (c) REFERENCES p2 (id), "
                                    + "ADD CONSTRAINT uq UNIQUE (a, b), ADD UNIQUE (e), ADD CONSTRAINT pk PRIMARY KEY (id), ADD PRIMARY KEY (f), "
                                    + "ADD CONSTRAINT ck CHECK (a > 0), ADD CHECK (b > 0)",
                            POSTGRESQL))
                    .containsExactly(
                            new AddConstraint(
                                    null,
                                    "t",
                                    foreignKey(
                                            "fk",
                                            List.of("a", "b"),
                                            "s",
                                            "p",
                                            List.of("id", "id2"),
                                            "SET NULL",
                                            "CASCADE")),
                            new AddConstraint(
                                    null, "t", foreignKey(null, List.of("c"), null, "p2", List.of("id"), null, null)),
                            new AddConstraint(null, "t", unique("uq", "a", "b")),
                            new AddConstraint(null, "t", unique(null, "e")),
                            new AddConstraint(null, "t", primaryKey("pk", "id")),
                            new AddConstraint(null, "t", primaryKey(null, "f")),
                            new AddConstraint(null, "t", check("ck", List.of(), "a > 0")),
                            new AddConstraint(null, "t", check(null, List.of(), "b > 0")));
        }

        @Test
        void addMySqlIndexes() {
            assertThat(effects(
                            "ALTER TABLE t ADD UNIQUE INDEX ux (a), ADD INDEX ix (b DESC), ADD KEY kx USING BTREE (c(10)), "
                                    + "ADD UNIQUE KEY uk (d), ADD INDEX (g), ADD FULLTEXT ft (h), ADD SPATIAL INDEX sp (i)",
                            MYSQL))
                    .containsExactly(
                            new CreateIndex(null, "t", "ux", List.of("a"), true, false, null),
                            new CreateIndex(null, "t", "ix", List.of("b"), false, false, null),
                            new CreateIndex(null, "t", "kx", List.of("c"), false, false, "btree"),
                            new CreateIndex(null, "t", "uk", List.of("d"), true, false, null),
                            new CreateIndex(null, "t", null, List.of("g"), false, false, null),
                            new CreateIndex(null, "t", "ft", List.of("h"), false, false, "fulltext"),
                            new CreateIndex(null, "t", "sp", List.of("i"), false, false, "spatial"));
        }

        @Test
        void drops() {
            assertThat(effects(
                            "ALTER TABLE t DROP FOREIGN KEY fk1, DROP INDEX ix, DROP KEY k2, DROP PRIMARY KEY, "
                                    + "DROP CONSTRAINT c1, DROP COLUMN x",
                            MYSQL))
                    .containsExactly(
                            new DropConstraint(null, "t", "fk1"),
                            new DropIndex(null, "t", "ix"),
                            new DropIndex(null, "t", "k2"),
                            new DropConstraint(null, "t", "PRIMARY"),
                            new DropConstraint(null, "t", "c1"),
                            new DropColumn(null, "t", "x"));
            assertThat(effects(
                            "ALTER TABLE t DROP CONSTRAINT IF EXISTS \"fk\" CASCADE, DROP COLUMN IF EXISTS d CASCADE",
                            POSTGRESQL))
                    .containsExactly(new DropConstraint(null, "t", "fk"), new DropColumn(null, "t", "d"));
        }

        @Test
        void renames() {
            assertThat(effects("ALTER TABLE t RENAME INDEX a TO b, RENAME KEY `c` TO `d`", MYSQL))
                    .containsExactly(new RenameIndex(null, "t", "a", "b"), new RenameIndex(null, "t", "c", "d"));
            assertThat(only(RenameConstraint.class, "ALTER TABLE \"t\" RENAME CONSTRAINT \"a\" TO \"b\"", POSTGRESQL))
                    .isEqualTo(new RenameConstraint(null, "t", "a", "b"));
            assertThat(only(RenameColumn.class, "ALTER TABLE t RENAME a TO b", POSTGRESQL))
                    .isEqualTo(new RenameColumn(null, "t", "a", "b"));
        }

        @Test
        void renameTableKeepsThePostgreSqlSchemaAndSetSchemaMovesIt() {
            assertThat(only(RenameTable.class, "ALTER TABLE s.t RENAME TO u", POSTGRESQL))
                    .isEqualTo(new RenameTable("s", "t", "s", "u"));
            assertThat(only(RenameTable.class, "ALTER TABLE s.t SET SCHEMA s2", POSTGRESQL))
                    .isEqualTo(new RenameTable("s", "t", "s2", "t"));
            assertThat(only(RenameTable.class, "ALTER TABLE db.a RENAME TO `b`", MYSQL))
                    .isEqualTo(new RenameTable("db", "a", null, "b"));
        }

        @Test
        void constraintUsingAnExistingIndexRenamesTheIndex() {
            assertThat(effects("ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_idx", POSTGRESQL))
                    .containsExactly(
                            new AddConstraint(null, "t", unique("t_email_key")),
                            new RenameIndex(null, "t", "t_email_idx", "t_email_key"));
            assertThat(effects("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey", POSTGRESQL))
                    .containsExactly(new AddConstraint(null, "t", primaryKey("t_pkey")));
        }

        @Test
        void anActionItCannotReadCostsOnlyThatAction() {
            List<Effect> effects = effects(
                    "ALTER TABLE t ADD COLUMN a int, ENABLE ROW LEVEL SECURITY, OWNER TO bob, "
                            + "ALTER COLUMN b SET STATISTICS 100, VALIDATE CONSTRAINT fk",
                    POSTGRESQL);
            assertThat(effects.get(0)).isEqualTo(new AddColumn(null, "t", column("a", "int", true, null)));
            assertThat(effects.subList(1, 5)).allSatisfy(e -> assertThat(e).isInstanceOf(Other.class));
            assertThat(((Other) effects.get(1)).reason())
                    .startsWith("ALTER TABLE action `ENABLE ROW LEVEL SECURITY`: JSqlParser");
            assertThat(((Other) effects.get(2)).reason())
                    .contains("OWNER TO bob")
                    .contains("not a change this tool tracks");
        }

        @Test
        void tableOptionsAreNotTracked() {
            assertThat(only(Other.class, "ALTER TABLE t ENGINE=InnoDB", MYSQL).reason())
                    .contains("ENGINE=InnoDB");
        }
    }

    @Nested
    class RenameAndDropTable {

        @Test
        void renameTableListsInOrder() {
            assertThat(effects("RENAME TABLE a TO tmp, b TO a, `db`.tmp TO `db2`.`b`", MYSQL))
                    .containsExactly(
                            new RenameTable(null, "a", null, "tmp"),
                            new RenameTable(null, "b", null, "a"),
                            new RenameTable("db", "tmp", "db2", "b"));
        }

        @Test
        void alterTableRenameForms() {
            for (String sql :
                    List.of("ALTER TABLE a RENAME TO b", "ALTER TABLE a RENAME AS b", "ALTER TABLE a RENAME b")) {
                assertThat(only(RenameTable.class, sql, MYSQL))
                        .as(sql)
                        .isEqualTo(new RenameTable(null, "a", null, "b"));
            }
        }

        @Test
        void dropTableWithSeveralTables() {
            assertThat(effects("DROP TABLE IF EXISTS a, `b`.`c`", MARIADB))
                    .containsExactly(new DropTable(null, "a", true), new DropTable("b", "c", true));
            assertThat(effects("DROP TABLE \"public\".\"User\", x CASCADE", POSTGRESQL))
                    .containsExactly(new DropTable("public", "User", false), new DropTable(null, "x", false));
        }
    }

    @Nested
    class Indexes {

        @Test
        void createIndexOnPostgreSql() {
            assertThat(only(
                            CreateIndex.class,
                            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY public.t USING btree "
                                    + "(lower(email), (a + b) DESC, c text_pattern_ops, d COLLATE \"C\" NULLS LAST) INCLUDE (e) WHERE deleted_at IS NULL",
                            POSTGRESQL))
                    .isEqualTo(new CreateIndex(
                            "public", "t", "ix", List.of("lower(email)", "a + b", "c", "d"), true, true, "btree"));
            assertThat(only(CreateIndex.class, "CREATE INDEX ON t (a)", POSTGRESQL))
                    .isEqualTo(new CreateIndex(null, "t", null, List.of("a"), false, false, null));
            assertThat(only(
                            CreateIndex.class,
                            "CREATE INDEX \"Post_tags_idx\" ON \"Post\" USING GIN (\"tags\") WITH (fastupdate = off)",
                            POSTGRESQL))
                    .isEqualTo(new CreateIndex(null, "Post", "Post_tags_idx", List.of("tags"), false, false, "gin"));
        }

        @Test
        void createIndexOnMySqlFamily() {
            assertThat(only(
                            CreateIndex.class,
                            "CREATE INDEX ix ON t (a(10) DESC, b) ALGORITHM=INPLACE LOCK=NONE",
                            MYSQL))
                    .isEqualTo(new CreateIndex(null, "t", "ix", List.of("a", "b"), false, false, null));
            assertThat(only(CreateIndex.class, "CREATE UNIQUE INDEX ux USING HASH ON `db`.`t` (`a`)", MYSQL))
                    .isEqualTo(new CreateIndex("db", "t", "ux", List.of("a"), true, false, "hash"));
            assertThat(only(CreateIndex.class, "CREATE FULLTEXT INDEX ft ON t (a, b)", MARIADB)
                            .method())
                    .isEqualTo("fulltext");
            assertThat(only(CreateIndex.class, "CREATE OR REPLACE INDEX IF NOT EXISTS ix ON t (a) WAIT 5", MARIADB)
                            .name())
                    .isEqualTo("ix");
        }

        @Test
        void dropIndex() {
            assertThat(effects("DROP INDEX CONCURRENTLY IF EXISTS public.ix, ix2 CASCADE", POSTGRESQL))
                    .containsExactly(new DropIndex("public", null, "ix"), new DropIndex(null, null, "ix2"));
            assertThat(only(DropIndex.class, "DROP INDEX `ix` ON `db`.`t` ALGORITHM=INPLACE LOCK=NONE", MYSQL))
                    .isEqualTo(new DropIndex("db", "t", "ix"));
            assertThat(only(DropIndex.class, "DROP INDEX IF EXISTS ix ON t", MARIADB))
                    .isEqualTo(new DropIndex(null, "t", "ix"));
        }
    }

    @Nested
    class EverythingElse {

        @Test
        void isOtherWithAReason() {
            assertThat(only(Other.class, "INSERT INTO t VALUES (1)", MYSQL))
                    .isEqualTo(new Other(
                            "INSERT INTO t VALUES (1)", "INSERT INTO: not a table or index change this tool tracks"));
            assertThat(only(Other.class, "CREATE TYPE \"Role\" AS ENUM ('USER')", POSTGRESQL)
                            .reason())
                    .startsWith("CREATE TYPE:");
            assertThat(only(Other.class, "DO $$ BEGIN PERFORM 1; END $$", POSTGRESQL)
                            .reason())
                    .startsWith("DO:");
            assertThat(only(Other.class, "/*!40101 SET NAMES utf8mb4 */", MYSQL).reason())
                    .contains("not a table or index change");
        }

        @Test
        void neverThrows() {
            List<String> garbage = List.of(
                    "",
                    ";",
                    "CREATE",
                    "CREATE TABLE",
                    "CREATE TABLE t (",
                    "CREATE TABLE t (a int",
                    "CREATE TABLE (a int)",
                    "ALTER TABLE",
                    "ALTER TABLE t",
                    "ALTER TABLE t ADD",
                    "ALTER TABLE t ADD CONSTRAINT",
                    "ALTER TABLE t RENAME",
                    "DROP TABLE",
                    "DROP TABLE IF EXISTS",
                    "DROP INDEX",
                    "DROP INDEX ix ON",
                    "CREATE INDEX",
                    "CREATE INDEX ix ON",
                    "CREATE INDEX ix ON t",
                    "CREATE INDEX ix ON t (",
                    "RENAME TABLE a",
                    "CREATE TABLE t (a int REFERENCES)",
                    "CREATE TABLE t (a int DEFAULT)",
                    "ALTER TABLE t ALTER COLUMN a SET DEFAULT",
                    "CREATE TABLE t (KEY)",
                    "ALTER TABLE t ADD INDEX",
                    "CREATE TABLE t ((((",
                    "'unterminated",
                    "))))");
            for (String sql : garbage) {
                for (Engine engine : Engine.values()) {
                    assertThat(effects(sql, engine)).as("%s on %s", sql, engine).isNotEmpty();
                }
            }
        }
    }
}
