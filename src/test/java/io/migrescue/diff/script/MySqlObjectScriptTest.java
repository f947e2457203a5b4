package io.migrescue.diff.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.Subject;
import io.migrescue.model.Column;
import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import io.migrescue.model.MySqlColumnExtra;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MySQL 8 and MariaDB statements for generated columns, comments and partitions, by their SQL text. */
class MySqlObjectScriptTest {
    private final MySqlDdl mysql = new MySqlDdl(Engine.MYSQL);
    private final io.migrescue.diff.QualifiedName orders = new io.migrescue.diff.QualifiedName("shop", "orders");

    @Test
    void aColumnIsRestatedWholeWithCharsetGenerationAndComment() {
        Column code = new Column(
                "code",
                1,
                "varchar(20) CHARACTER SET latin1 COLLATE latin1_bin",
                false,
                "'x'",
                "comment 'it''s a \\ code'");
        assertThat(MySqlDdl.column(code))
                .isEqualTo("varchar(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL "
                        + "DEFAULT 'x' "
                        + "COMMENT 'it''s a \\\\ code'");
        Column gross =
                new Column("gross", 2, "int", false, null, "generated always as ((`net` * 2)) stored comment 'g'");
        assertThat(MySqlDdl.column(gross))
                .isEqualTo("int GENERATED ALWAYS AS ((`net` * 2)) STORED NOT NULL COMMENT 'g'");
        Column id = new Column("id", 3, "bigint", false, null, "auto_increment");
        assertThat(MySqlDdl.column(id)).isEqualTo("bigint NOT NULL AUTO_INCREMENT");
    }

    @Test
    void aGeneratedColumnChangesInPlaceUnlessItsStorageChanges() {
        Column virtual1 = new Column("g", 1, "int", true, null, "generated always as (`a` + 1) virtual");
        Column virtual2 = new Column("g", 1, "int", true, null, "generated always as (`a` + 2) virtual");
        Column stored = new Column("g", 1, "int", true, null, "generated always as (`a` + 2) stored");
        Set<DifferenceKind> extra = Set.of(DifferenceKind.COLUMN_EXTRA_DIFFERS);
        assertThat(mysql.alterColumn(orders, virtual1, virtual2, extra).orElseThrow())
                .containsExactly(
                        "ALTER TABLE `shop`.`orders` MODIFY COLUMN `g` int GENERATED ALWAYS AS (`a` + 2) " + "VIRTUAL");
        assertThat(mysql.alterColumn(orders, virtual1, stored, extra).orElseThrow())
                .containsExactly("ALTER TABLE `shop`.`orders` DROP COLUMN `g`, ADD COLUMN `g` int GENERATED ALWAYS "
                        + "AS (`a` + 2) STORED");
        assertThat(MySqlColumnExtra.parse("generated always as (`a` + 2) stored auto_increment comment 'x'"))
                .isEqualTo(new MySqlColumnExtra("`a` + 2", "stored", "auto_increment", "x"));
    }

    @Test
    void partitionsTheTargetLacksAreAddedOrReorganizedNeverARebuiltTable() {
        String p0 = "PARTITION `p0` VALUES LESS THAN (10)";
        String p1 = "PARTITION `p1` VALUES LESS THAN (20)";
        String p2 = "PARTITION `p2` VALUES LESS THAN (30)";
        DefinedObject source = partitioning("RANGE (`y`)", p0, p1, p2);
        assertThat(forward(source, partitioning("RANGE (`y`)", p0)))
                .containsExactly("ALTER TABLE `shop`.`t` ADD PARTITION (" + p1 + ", " + p2 + ")");
        assertThat(forward(source, partitioning("RANGE (`y`)", p0, p2)))
                .containsExactly("ALTER TABLE `shop`.`t` REORGANIZE PARTITION `p2` INTO (" + p1 + ", " + p2 + ")");
        Change drop = MySqlPartitionChanges.of(
                new Subject.OfDefined(partitioning("RANGE (`y`)", p0), source, "shop"), "shop.t");
        assertThat(drop.destructive()).isTrue();
        assertThat(drop.forward().get(0).sql()).isEqualTo("ALTER TABLE `shop`.`t` DROP PARTITION `p1`, `p2`");
        assertThat(forward(
                        partitioning("HASH (`id`)", "PARTITION `p0`", "PARTITION `p1`", "PARTITION `p2`"),
                        partitioning("HASH (`id`)", "PARTITION `p0`")))
                .containsExactly("ALTER TABLE `shop`.`t` ADD PARTITION PARTITIONS 2");
        assertThat(forward(partitioning("LIST (`y`)", "PARTITION `a` VALUES IN (1)"), source))
                .containsExactly("ALTER TABLE `shop`.`t` PARTITION BY LIST (`y`) (PARTITION `a` VALUES IN (1))");
    }

    private static List<String> forward(DefinedObject source, DefinedObject target) {
        return MySqlPartitionChanges.of(new Subject.OfDefined(source, target, "shop"), "shop.t").forward().stream()
                .map(Step::sql)
                .toList();
    }

    private static DefinedObject partitioning(String head, String... partitions) {
        return new DefinedObject(
                "partitioning",
                "shop",
                "t",
                head + "\n" + String.join("\n", partitions),
                "ALTER TABLE `shop`.`t` PARTITION BY " + head + " (" + String.join(", ", partitions) + ")",
                "ALTER TABLE `shop`.`t` REMOVE PARTITIONING");
    }
}
