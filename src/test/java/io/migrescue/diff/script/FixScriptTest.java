package io.migrescue.diff.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diff.DiffOptions;
import io.migrescue.diff.DiffResult;
import io.migrescue.diff.SchemaDiff;
import io.migrescue.diff.Snapshot;
import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's order and its handling of data loss, on hand-built MariaDB catalogs. */
class FixScriptTest {
    private static final Column ID = new Column("id", 1, "bigint(20)", false, null, "auto_increment");
    private static final Constraint PK =
            new Constraint("PRIMARY", ConstraintType.PRIMARY_KEY, List.of("id"), null, null, true, null);

    private static DiffResult diff(List<Table> source, List<Table> target) {
        return SchemaDiff.compare(
                new Snapshot(new Catalog(Engine.MARIADB, List.of("dev"), source), List.of("dev"), List.of()),
                new Snapshot(new Catalog(Engine.MARIADB, List.of("prod"), target), List.of("prod"), List.of()),
                DiffOptions.defaults());
    }

    private static Table parent() {
        return new Table("dev", "customers", List.of(ID), List.of(), List.of(PK));
    }

    @Test
    void aNewTableComesBeforeTheForeignKeyThatNeedsItAndDataLossIsCommentedOut() {
        Constraint fk = new Constraint(
                "orders_customer_fk",
                ConstraintType.FOREIGN_KEY,
                List.of("customer_id"),
                new ForeignKey("dev", "customers", List.of("id"), "CASCADE", "RESTRICT"),
                null,
                true,
                null);
        Table devOrders = new Table(
                "dev",
                "orders",
                List.of(ID, new Column("customer_id", 2, "bigint(20)", false, null, "")),
                List.of(),
                List.of(PK, fk));
        Table prodOrders = new Table(
                "prod",
                "orders",
                List.of(
                        ID,
                        new Column("customer_id", 2, "bigint(20)", false, null, ""),
                        new Column("legacy", 3, "text", true, null, "")),
                List.of(),
                List.of(PK));
        DiffResult result = diff(List.of(parent(), devOrders), List.of(prodOrders));
        FixScript script = FixScript.plan(result, false);
        String forward = script.forward(List.of());
        assertThat(forward.indexOf("CREATE TABLE `prod`.`customers`"))
                .isPositive()
                .isLessThan(forward.indexOf(
                        "ADD CONSTRAINT `orders_customer_fk` FOREIGN KEY (`customer_id`) REFERENCES `prod`.`customers` (`id`)"
                                + " ON DELETE CASCADE ON UPDATE RESTRICT"));
        assertThat(forward)
                .contains(
                        "-- DATA LOSS, not run (--allow-destructive runs it): drop column dev.orders.legacy and its values")
                .contains("-- ALTER TABLE `prod`.`orders` DROP COLUMN `legacy`;");
        assertThat(script.statements()).isEqualTo(2);
        assertThat(script.withheld()).isEqualTo(1);
        // the rollback undoes what ran, and only that: the column was not dropped, so it is not added back
        String rollback = script.rollback(List.of());
        assertThat(rollback)
                .contains("DROP FOREIGN KEY `orders_customer_fk`")
                .contains("DROP TABLE `prod`.`customers`")
                .doesNotContain("ADD COLUMN `legacy`");
        assertThat(rollback.indexOf("DROP FOREIGN KEY")).isLessThan(rollback.indexOf("DROP TABLE"));

        String allowed = FixScript.plan(result, true).forward(List.of());
        assertThat(allowed)
                .contains(
                        "-- DATA LOSS: drop column dev.orders.legacy and its values\nALTER TABLE `prod`.`orders` DROP COLUMN `legacy`;");
        assertThat(FixScript.plan(result, true).rollback(List.of()))
                .contains("ADD COLUMN `legacy` text NULL")
                .contains("Rows the fix script dropped are not brought back");
    }

    @Test
    void mysqlRestatesAChangedColumnWholeInOneModify() {
        Table dev = new Table(
                "dev",
                "t",
                List.of(ID, new Column("name", 2, "varchar(200)", false, "'x'", "")),
                List.of(),
                List.of(PK));
        Table prod = new Table(
                "prod",
                "t",
                List.of(ID, new Column("name", 2, "varchar(100)", true, null, "")),
                List.of(),
                List.of(PK));
        FixScript script = FixScript.plan(diff(List.of(dev), List.of(prod)), false);
        assertThat(script.forward(List.of()))
                .contains("ALTER TABLE `prod`.`t` MODIFY COLUMN `name` varchar(200) NOT NULL DEFAULT 'x';")
                .contains("--   note: SET NOT NULL fails if the column holds NULLs");
        assertThat(script.statements()).isEqualTo(1);
        assertThat(script.rollback(List.of())).contains("MODIFY COLUMN `name` varchar(100) NULL;");
    }
}
