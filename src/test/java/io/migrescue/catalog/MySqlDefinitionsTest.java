package io.migrescue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MySQL/MariaDB definition text diff compares and runs (MySQL 8 is covered here only, by its SQL text). */
class MySqlDefinitionsTest {
    @Test
    void equalObjectsInDifferentlyNamedSchemasCompareEqualAndAreWrittenForTheirOwn() {
        DefinedObject a = MySqlDefinitions.view(
                "shop",
                "open_orders",
                "select `shop`.`orders`.`id` AS `id` from `shop`.`orders`",
                "UNDEFINED",
                "DEFINER",
                "NONE");
        DefinedObject b = MySqlDefinitions.view(
                "shop_copy",
                "open_orders",
                "select   `shop_copy`.`orders`.`id` AS `id`\nfrom `shop_copy`.`orders`",
                "UNDEFINED",
                "DEFINER",
                "NONE");
        assertThat(a.definition()).isEqualTo(b.definition()).doesNotContain("shop");
        assertThat(a.create())
                .isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `shop`.`open_orders` AS "
                        + "select `shop`.`orders`.`id` AS `id` from `shop`.`orders`")
                .doesNotContain("DEFINER=");
        assertThat(a.drop()).isEqualTo("DROP VIEW `shop`.`open_orders`");
    }

    @Test
    void bareOwnSchemaNamesAreQuotedSoTheyCanBeRenamed() {
        DefinedObject t = MySqlDefinitions.trigger(
                "shop", "audit", "orders", "AFTER", "INSERT", "INSERT INTO shop.log (id) VALUES (NEW.id)");
        assertThat(t.create())
                .isEqualTo("CREATE TRIGGER `shop`.`audit` AFTER INSERT ON `shop`.`orders` FOR EACH ROW "
                        + "INSERT INTO `shop`.log (id) VALUES (NEW.id)");
        assertThat(t.name()).isEqualTo("orders.audit");
        assertThat(t.definition()).doesNotContain("shop");
    }

    @Test
    void aCompoundBodyIsWrittenBetweenDelimiterLinesAsTheClientNeeds() {
        DefinedObject p = MySqlDefinitions.routine(
                "shop",
                "tally",
                "PROCEDURE",
                List.of("IN `n` int", "OUT `c` int"),
                null,
                "BEGIN\n  SELECT count(*) INTO c FROM orders;\nEND",
                false,
                "READS SQL DATA",
                "INVOKER",
                "it's counted");
        assertThat(p.kind()).isEqualTo("procedure");
        assertThat(p.create())
                .startsWith("DELIMITER $$\nCREATE PROCEDURE `shop`.`tally`(IN `n` int, OUT `c` int)\n"
                        + "    NOT DETERMINISTIC\n    READS SQL DATA\n    SQL SECURITY INVOKER\n"
                        + "    COMMENT 'it''s counted'\nBEGIN")
                .endsWith("END$$\nDELIMITER ");
        assertThat(p.definition())
                .doesNotContain("DELIMITER")
                .contains("BEGIN SELECT count(*) INTO c FROM orders; END");
        DefinedObject f = MySqlDefinitions.routine(
                "shop", "twice", "FUNCTION", List.of("`x` int"), "int", "RETURN x * 2", true, "NO SQL", "DEFINER", "");
        assertThat(f.create())
                .isEqualTo("CREATE FUNCTION `shop`.`twice`(`x` int) RETURNS int\n    DETERMINISTIC\n"
                        + "    NO SQL\n    SQL SECURITY DEFINER\nRETURN x * 2");
        assertThat(f.drop()).isEqualTo("DROP FUNCTION `shop`.`twice`");
    }

    @Test
    void partitioningIsWrittenByMethod() {
        List<String> range = new ArrayList<>(List.of(
                MySqlDefinitions.partition("RANGE", "p0", "10"),
                MySqlDefinitions.partition("RANGE", "pmax", "MAXVALUE")));
        DefinedObject r = new MySqlDefinitions.Partitioning("shop", "logs", "RANGE", "`level`", range).object();
        assertThat(r.create())
                .isEqualTo("ALTER TABLE `shop`.`logs` PARTITION BY RANGE (`level`)\n"
                        + "(PARTITION `p0` VALUES LESS THAN (10),\n PARTITION `pmax` VALUES LESS THAN MAXVALUE)");
        assertThat(r.definition())
                .isEqualTo("RANGE (`level`)\nPARTITION `p0` VALUES LESS THAN (10)\n"
                        + "PARTITION `pmax` VALUES LESS THAN MAXVALUE");
        assertThat(r.drop()).isEqualTo("ALTER TABLE `shop`.`logs` REMOVE PARTITIONING");
        assertThat(MySqlDefinitions.partition("RANGE COLUMNS", "p0", "MAXVALUE"))
                .isEqualTo("PARTITION `p0` VALUES LESS THAN (MAXVALUE)");
        assertThat(MySqlDefinitions.partition("LIST", "north", "1,2")).isEqualTo("PARTITION `north` VALUES IN (1,2)");
        List<String> hash = new ArrayList<>(List.of(
                MySqlDefinitions.partition("HASH", "p0", null), MySqlDefinitions.partition("HASH", "p1", null)));
        assertThat(new MySqlDefinitions.Partitioning("shop", "h", "HASH", "`id`", hash)
                        .object()
                        .create())
                .isEqualTo("ALTER TABLE `shop`.`h` PARTITION BY HASH (`id`) PARTITIONS 2");
    }

    @Test
    void viewsAreOrderedSoThatAViewComesAfterTheViewsItSelectsFrom() {
        DefinedObject top = view("a_top", "select `s`.`b_mid`.`id` AS `id` from `s`.`b_mid`");
        DefinedObject mid = view("b_mid", "select `s`.`c_base`.`id` AS `id` from `s`.`c_base`");
        DefinedObject base = view("c_base", "select `s`.`t`.`id` AS `id` from `s`.`t`");
        assertThat(MySqlDefinedObjects.dependencyOrder(List.of(top, mid, base))).containsExactly(base, mid, top);
    }

    private static DefinedObject view(String name, String body) {
        return MySqlDefinitions.view("s", name, body, "UNDEFINED", "DEFINER", "NONE");
    }

    @Test
    void mysqlReadsViewsWithoutTheAlgorithmColumnMariaDbHas() {
        assertThat(CatalogSql.load(Engine.MYSQL, "views")).doesNotContain("ALGORITHM AS");
        assertThat(CatalogSql.load(Engine.MARIADB, "views")).contains("ALGORITHM AS");
        for (String name : List.of(
                "routines",
                "routine_parameters",
                "triggers",
                "partitions",
                "column_details",
                "table_details",
                "index_comments")) {
            assertThat(CatalogSql.prepare(Engine.MYSQL, name, List.of("a", "b"), null)
                            .params())
                    .containsExactly("a", "b");
        }
    }

    @Test
    void columnExtraCarriesGenerationAndCommentInOneSpelling() {
        assertThat(MySqlColumnDetails.extra("STORED GENERATED", "`a` + 1", "it's"))
                .isEqualTo("generated always as (`a` + 1) stored comment 'it''s'");
        assertThat(MySqlColumnDetails.extra("VIRTUAL GENERATED", "`a` + 1", ""))
                .isEqualTo("generated always as (`a` + 1) virtual");
        assertThat(MySqlColumnDetails.extra("DEFAULT_GENERATED on update CURRENT_TIMESTAMP", "", null))
                .isEqualTo("on update current_timestamp");
        assertThat(MySqlColumnDetails.extra("auto_increment", null, "key")).isEqualTo("auto_increment comment 'key'");
    }
}
