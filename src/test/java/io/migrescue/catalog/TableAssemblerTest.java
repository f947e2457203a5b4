package io.migrescue.catalog;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Column;
import io.migrescue.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assembler collects a table's parts in growing lists; the tables it builds cannot be changed. */
class TableAssemblerTest {

    @Test
    void builtTablesAreUnmodifiable() {
        TableAssembler assembler = new TableAssembler();
        assembler.table("public", "users");
        Column id = new Column("id", 1, "integer", false, null, null);
        assembler.column("public", "users", id);

        List<Table> tables = assembler.build();

        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.columns()).containsExactly(id);
            assertUnmodifiable(t.columns(), t.indexes(), t.constraints());
        });
    }
}
