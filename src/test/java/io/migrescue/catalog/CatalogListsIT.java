package io.migrescue.catalog;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.testing.ScratchDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The readers collect tables, sequences and types in growing lists; the catalog they hand over cannot be changed. */
class CatalogListsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void catalogIsUnmodifiable(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "catalog lists");
                Connection c = db.connect()) {
            db.execute("CREATE TABLE users (id int PRIMARY KEY)");
            List<String> schemas = new ArrayList<>(List.of(db.defaultSchema()));

            Catalog catalog = CatalogReader.of(engine).readWithTypes(c, schemas);
            schemas.clear();

            assertThat(catalog.schemas()).containsExactly(db.defaultSchema());
            assertThat(catalog.tables()).hasSize(1);
            assertUnmodifiable(catalog.tables(), catalog.sequences(), catalog.enumTypes(), catalog.schemas());
        }
    }
}
