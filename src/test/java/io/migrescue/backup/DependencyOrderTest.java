package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    private static Table table(String name, String... parents) {
        List<Constraint> fks = java.util.Arrays.stream(parents)
                .map(p -> new Constraint(
                        name + "_" + p + "_fk",
                        ConstraintType.FOREIGN_KEY,
                        List.of(p + "_id"),
                        new ForeignKey("s", p, List.of("id"), "NO ACTION", "NO ACTION"),
                        null,
                        true,
                        null))
                .toList();
        return new Table("s", name, List.of(), List.of(), fks);
    }

    @Test
    void parentsComeFirstAndOtherwiseTheGivenOrderStays() {
        List<Table> ordered = DependencyOrder.parentsFirst(List.of(
                table("lines", "orders", "products"),
                table("audit"),
                table("orders", "customers"),
                table("customers"),
                table("products")));
        assertThat(ordered)
                .extracting(Table::name)
                .containsExactly("customers", "orders", "products", "lines", "audit");
    }

    @Test
    void cyclesAndSelfReferencesDoNotLoseTables() {
        List<Table> ordered =
                DependencyOrder.parentsFirst(List.of(table("a", "b"), table("b", "a"), table("tree", "tree")));
        assertThat(ordered).extracting(Table::name).containsExactlyInAnyOrder("a", "b", "tree");
    }
}
