package io.migrescue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.testing.CountingConnection;
import io.migrescue.testing.ScratchDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog snapshot read from real servers: what the engines really report, not what we hope they do. */
class CatalogReaderIT {

    @Test
    void postgresCatalogFromPgCatalog() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "catalog pg")) {
            db.execute(
                    "CREATE SCHEMA billing",
                    "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, city_id int NOT NULL,"
                            + " email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), tags text[], note varchar(200),"
                            + " CONSTRAINT customers_email_key UNIQUE (email), CONSTRAINT customers_city_id_uq UNIQUE (city_id, id))",
                    "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint, city_id int,"
                            + " total numeric(12,2) CONSTRAINT orders_total_check CHECK (total >= 0), placed_at timestamp,"
                            + " CONSTRAINT orders_city_customer_fk FOREIGN KEY (city_id, customer_id) REFERENCES customers (city_id, id)"
                            + " ON DELETE CASCADE ON UPDATE SET NULL)",
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID",
                    "CREATE INDEX orders_placed_idx ON orders (placed_at) WHERE placed_at IS NOT NULL",
                    "CREATE INDEX customers_tags_gin ON customers USING gin (tags)",
                    "CREATE INDEX customers_lower_email ON customers (lower(email))",
                    "CREATE TABLE billing.invoices (id int PRIMARY KEY, order_id bigint REFERENCES public.orders (id))",
                    "CREATE VIEW order_totals AS SELECT customer_id, sum(total) FROM orders GROUP BY customer_id");
            try (Connection c = db.connect()) {
                Catalog publicOnly = CatalogReader.of(Engine.POSTGRESQL).read(c, List.of("public"));
                assertThat(publicOnly.tables()).extracting(Table::name).containsExactly("customers", "orders");

                Table customers = publicOnly.table("public", "customers").orElseThrow();
                assertThat(customers.columns())
                        .extracting(Column::name)
                        .containsExactly("id", "city_id", "email", "created_at", "tags", "note");
                Column created = customers.column("created_at").orElseThrow();
                assertThat(created.type()).isEqualTo("timestamp with time zone");
                assertThat(created.nullable()).isFalse();
                assertThat(created.defaultValue()).isEqualTo("now()");
                assertThat(customers.column("id").orElseThrow().extra()).isEqualTo("generated always as identity");
                assertThat(customers.column("note").orElseThrow().type()).isEqualTo("character varying(200)");
                assertThat(customers.column("tags").orElseThrow().nullable()).isTrue();
                assertThat(customers.index("customers_tags_gin"))
                        .map(Index::method)
                        .contains("gin");
                assertThat(customers.index("customers_lower_email"))
                        .map(Index::columns)
                        .contains(List.of("lower(email)"));
                assertThat(customers.index("customers_pkey")).get().satisfies(i -> {
                    assertThat(i.primary()).isTrue();
                    assertThat(i.unique()).isTrue();
                    assertThat(i.valid()).isTrue();
                });

                Table orders = publicOnly.table("public", "orders").orElseThrow();
                assertThat(orders.column("id").orElseThrow().defaultValue()).startsWith("nextval(");
                assertThat(orders.index("orders_placed_idx")).get().satisfies(i -> {
                    assertThat(i.method()).isEqualTo("btree");
                    assertThat(i.predicate()).isEqualTo("(placed_at IS NOT NULL)");
                    assertThat(i.unique()).isFalse();
                });
                Constraint composite =
                        orders.constraint("orders_city_customer_fk").orElseThrow();
                assertThat(composite.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
                assertThat(composite.columns()).containsExactly("city_id", "customer_id");
                assertThat(composite.foreignKey().referencedSchema()).isEqualTo("public");
                assertThat(composite.foreignKey().referencedTable()).isEqualTo("customers");
                assertThat(composite.foreignKey().referencedColumns()).containsExactly("city_id", "id");
                assertThat(composite.foreignKey().onDelete()).isEqualTo("CASCADE");
                assertThat(composite.foreignKey().onUpdate()).isEqualTo("SET NULL");
                assertThat(composite.validated()).isTrue();
                assertThat(orders.constraint("orders_customer_fk"))
                        .map(Constraint::validated)
                        .contains(false);
                assertThat(orders.constraint("orders_total_check")).get().satisfies(ch -> {
                    assertThat(ch.type()).isEqualTo(ConstraintType.CHECK);
                    assertThat(ch.checkExpression()).isEqualTo("total >= 0::numeric");
                    assertThat(ch.columns()).containsExactly("total");
                });
                assertThat(customers.constraint("customers_city_id_uq"))
                        .map(Constraint::columns)
                        .contains(List.of("city_id", "id"));

                Catalog both = CatalogReader.of(Engine.POSTGRESQL).read(c, List.of("public", "billing"));
                assertThat(both.tables()).extracting(Table::qualifiedName).contains("billing.invoices");
                Constraint crossSchema = both.table("billing", "invoices")
                        .orElseThrow()
                        .foreignKeys()
                        .get(0);
                assertThat(crossSchema.foreignKey().referencedSchema()).isEqualTo("public");
                assertThat(crossSchema.foreignKey().referencedTable()).isEqualTo("orders");
                assertThat(crossSchema.foreignKey().onDelete()).isEqualTo("NO ACTION");
            }
        }
    }

    @Test
    void mariadbCatalogFromInformationSchema() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "catalog maria");
                ScratchDatabase billing = ScratchDatabase.create(Engine.MARIADB, "catalog maria billing")) {
            db.execute(
                    "CREATE TABLE customers (id bigint AUTO_INCREMENT PRIMARY KEY, city_id int NOT NULL,"
                            + " email varchar(190) NOT NULL, bio text, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                            + " status varchar(20) DEFAULT 'new', score int DEFAULT 0, nick varchar(20) NULL,"
                            + " UNIQUE KEY customers_email_key (email), UNIQUE KEY customers_city_id_uq (city_id, id),"
                            + " FULLTEXT KEY customers_bio_ft (bio)) ENGINE=InnoDB",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, city_id int,"
                            + " total decimal(12,2), note varchar(500), KEY orders_note_prefix (note(20)),"
                            + " CONSTRAINT orders_total_check CHECK (total >= 0),"
                            + " CONSTRAINT orders_city_customer_fk FOREIGN KEY (city_id, customer_id) REFERENCES customers (city_id, id)"
                            + " ON DELETE CASCADE ON UPDATE SET NULL) ENGINE=InnoDB",
                    "CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id");
            billing.execute("CREATE TABLE invoices (id int PRIMARY KEY, order_id bigint,"
                    + " CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES `" + db.name()
                    + "`.orders (id))");
            try (Connection c = db.connect()) {
                Catalog catalog = CatalogReader.of(Engine.MARIADB).read(c, List.of(db.name()));
                assertThat(catalog.tables()).extracting(Table::name).containsExactly("customers", "orders");
                Table customers = catalog.table(db.name(), "customers").orElseThrow();
                assertThat(customers.column("id").orElseThrow().extra()).isEqualTo("auto_increment");
                assertThat(customers.column("email").orElseThrow().type()).isEqualTo("varchar(190)");
                assertThat(customers.column("created_at").orElseThrow().defaultValue())
                        .isEqualToIgnoringCase("current_timestamp()");
                assertThat(customers.column("status").orElseThrow().defaultValue())
                        .isEqualTo("'new'");
                assertThat(customers.column("score").orElseThrow().defaultValue())
                        .isEqualTo("0");
                assertThat(customers.column("nick").orElseThrow().defaultValue())
                        .isNull();
                assertThat(customers.index("customers_bio_ft"))
                        .map(Index::method)
                        .contains("fulltext");
                assertThat(customers.index("PRIMARY"))
                        .get()
                        .satisfies(i -> assertThat(i.primary()).isTrue());
                assertThat(customers.constraint("customers_city_id_uq")).get().satisfies(u -> {
                    assertThat(u.type()).isEqualTo(ConstraintType.UNIQUE);
                    assertThat(u.columns()).containsExactly("city_id", "id");
                });

                Table orders = catalog.table(db.name(), "orders").orElseThrow();
                assertThat(orders.index("orders_note_prefix"))
                        .map(Index::columns)
                        .contains(List.of("note(20)"));
                Constraint fk = orders.constraint("orders_city_customer_fk").orElseThrow();
                assertThat(fk.columns()).containsExactly("city_id", "customer_id");
                assertThat(fk.foreignKey().referencedSchema()).isEqualTo(db.name());
                assertThat(fk.foreignKey().referencedColumns()).containsExactly("city_id", "id");
                assertThat(fk.foreignKey().onDelete()).isEqualTo("CASCADE");
                assertThat(fk.foreignKey().onUpdate()).isEqualTo("SET NULL");
                assertThat(orders.constraint("orders_total_check")).get().satisfies(ch -> {
                    assertThat(ch.type()).isEqualTo(ConstraintType.CHECK);
                    assertThat(ch.checkExpression()).isEqualTo("`total` >= 0");
                });
                assertThat(orders.constraints())
                        .filteredOn(x -> x.type() == ConstraintType.CHECK)
                        .hasSize(1);

                Catalog both = CatalogReader.of(Engine.MARIADB).read(c, List.of(db.name(), billing.name()));
                Constraint cross = both.table(billing.name(), "invoices")
                        .orElseThrow()
                        .foreignKeys()
                        .get(0);
                assertThat(cross.foreignKey().referencedSchema()).isEqualTo(db.name());
                assertThat(cross.foreignKey().referencedTable()).isEqualTo("orders");
            }
        }
    }

    /** Bulk reads: the number of round trips does not grow with the number of tables. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void queryCountIsConstantWhateverTheTableCount(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "catalog bulk")) {
            String schema = db.defaultSchema();
            db.execute(table(1), table(2), table(3));
            int few = countStatements(db, engine, schema, 3);
            String[] more = new String[60];
            for (int i = 0; i < more.length; i++) {
                more[i] = table(i + 4);
            }
            db.execute(more);
            int many = countStatements(db, engine, schema, 63);
            assertThat(many).isEqualTo(few).isLessThanOrEqualTo(8);
        }
    }

    private static String table(int n) {
        return "CREATE TABLE t" + n + " (id int PRIMARY KEY, parent_id int, name varchar(50) NOT NULL,"
                + " CONSTRAINT t" + n + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t" + n + " (id))";
    }

    private static int countStatements(ScratchDatabase db, Engine engine, String schema, int expectedTables)
            throws Exception {
        try (Connection c = db.connect()) {
            CountingConnection counting = new CountingConnection(c);
            Catalog catalog = CatalogReader.of(engine).read(counting.connection(), List.of(schema));
            assertThat(catalog.tables()).hasSize(expectedTables);
            assertThat(catalog.foreignKeyCount()).isEqualTo(expectedTables);
            assertThat(catalog.columnCount()).isEqualTo(3 * expectedTables);
            return counting.statements();
        }
    }
}
