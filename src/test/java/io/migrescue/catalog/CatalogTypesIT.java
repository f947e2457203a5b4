package io.migrescue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EnumType;
import io.migrescue.model.Sequence;
import io.migrescue.testing.ScratchDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequences, enum types and row counts as the diff reads them, from real servers. */
class CatalogTypesIT {
    @Test
    void postgresSequencesLeaveOutIdentityColumnsAndEnumsKeepTheirOrder() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "catalog types pg")) {
            db.execute(
                    "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                    "ALTER TYPE mood ADD VALUE 'happy' BEFORE 'ok'",
                    "CREATE SEQUENCE invoice_no AS integer START WITH 100 INCREMENT BY 5 CACHE 10 CYCLE",
                    "CREATE TABLE t (id serial PRIMARY KEY, other bigint GENERATED ALWAYS AS IDENTITY, m mood)",
                    "INSERT INTO t (m) VALUES ('ok'), ('sad')",
                    "ANALYZE t");
            try (Connection c = db.connect()) {
                CatalogReader reader = CatalogReader.of(Engine.POSTGRESQL);
                Catalog catalog = reader.readWithTypes(c, List.of("public"));
                assertThat(catalog.sequences()).extracting(Sequence::name).containsExactly("invoice_no", "t_id_seq");
                assertThat(catalog.sequences().get(0))
                        .isEqualTo(new Sequence("public", "invoice_no", "integer", 100, 5, 1, 2147483647, 10, true));
                assertThat(catalog.enumTypes())
                        .containsExactly(new EnumType("public", "mood", List.of("sad", "happy", "ok")));
                assertThat(reader.read(c, List.of("public")).sequences())
                        .isEmpty(); // read() reads tables only, as before

                assertThat(RowCounts.exact(Engine.POSTGRESQL, c, catalog.tables()))
                        .containsExactly(new RowCounts.TableRows("public", "t", 2L));
                assertThat(RowCounts.estimated(Engine.POSTGRESQL, c, List.of("public")))
                        .containsExactly(new RowCounts.TableRows("public", "t", 2L));
            }
        }
    }

    @Test
    void mariadbSequencesInOneQueryAndEnumsStayInTheColumnType() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "catalog types maria")) {
            db.execute(
                    "CREATE SEQUENCE invoice_no START WITH 100 INCREMENT BY 5 MAXVALUE 100000 CACHE 10",
                    "CREATE SEQUENCE `odd name` START WITH 1",
                    "CREATE TABLE t (id int PRIMARY KEY, m enum('sad','ok'))",
                    "INSERT INTO t VALUES (1, 'ok')");
            try (Connection c = db.connect()) {
                Catalog catalog = CatalogReader.of(Engine.MARIADB).readWithTypes(c, List.of(db.name()));
                assertThat(catalog.sequences()).extracting(Sequence::name).containsExactly("invoice_no", "odd name");
                assertThat(catalog.sequences().get(0))
                        .isEqualTo(new Sequence(db.name(), "invoice_no", "bigint", 100, 5, 1, 100000, 10, false));
                assertThat(catalog.enumTypes()).isEmpty();
                assertThat(catalog.tables())
                        .extracting(t -> t.name())
                        .containsExactly("t"); // a sequence is not a table
                assertThat(catalog.tables().get(0).column("m").orElseThrow().type())
                        .isEqualTo("enum('sad','ok')");
                assertThat(RowCounts.exact(Engine.MARIADB, c, catalog.tables()))
                        .containsExactly(new RowCounts.TableRows(db.name(), "t", 1L));
            }
        }
    }
}
