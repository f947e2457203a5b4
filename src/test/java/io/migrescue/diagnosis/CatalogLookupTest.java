package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import org.junit.jupiter.api.Test;

/** Names from migration files and error texts matched against the names the server really stores. */
class CatalogLookupTest {

    private static final String LONG = "orders_" + "x".repeat(63); // 70 bytes
    private static final String KEPT = LONG.substring(0, 63);

    @Test
    void aPostgresNameLongerThan63BytesIsFoundByItsFirst63() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table(KEPT)
                .column("id", "bigint", false)
                .column("ñ".repeat(31), "text", true)
                .index("i".repeat(63), false, true, "id")
                .add()
                .build();
        CatalogLookup lookup = new CatalogLookup(catalog, "public");
        assertThat(lookup.table(null, LONG)).isPresent();
        assertThat(lookup.hasColumn(lookup.table(null, LONG).orElseThrow(), "ñ".repeat(40)))
                .isTrue();
        assertThat(lookup.index(lookup.table(null, LONG).orElseThrow(), "i".repeat(80)))
                .isPresent();
    }

    @Test
    void theEvidenceSaysWhichNameTheServerKept() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table(KEPT)
                .column("id", "bigint", false)
                .add()
                .build();
        Presence p = new EffectPresence(new CatalogLookup(catalog, "public"))
                .check(new Effect.AddColumn(null, LONG, new Effect.ColumnDef("id", "bigint", false, null)));
        assertThat(p.state()).isEqualTo(Presence.State.PRESENT);
        assertThat(p.reason()).contains("name " + LONG + " is 70 bytes; PostgreSQL keeps the first 63: " + KEPT);
    }

    @Test
    void mysqlTableNamesFollowLowerCaseTableNames() {
        Catalog sensitive = CatalogBuilder.of(Engine.MARIADB, "app")
                .table("mixedcase")
                .column("id", "int", false)
                .add()
                .build();
        assertThat(new CatalogLookup(sensitive, "app").table(null, "MixedCase")).isEmpty();
        Catalog insensitive = sensitive.withTableNamesIgnoringCase(true);
        assertThat(new CatalogLookup(insensitive, "app").table(null, "MixedCase"))
                .get()
                .extracting(io.migrescue.model.Table::name)
                .isEqualTo("mixedcase");
        // column names are case-insensitive on MySQL whatever the setting
        assertThat(new CatalogLookup(sensitive, "app")
                        .hasColumn(sensitive.tables().get(0), "ID"))
                .isTrue();
    }

    @Test
    void postgresQuotedMixedCaseIsNotTheFoldedName() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("Users")
                .column("id", "int", false)
                .add()
                .table("users")
                .column("id", "int", false)
                .column("email", "text", true)
                .add()
                .build();
        CatalogLookup lookup = new CatalogLookup(catalog, "public");
        assertThat(lookup.table(null, "Users").orElseThrow().columns()).hasSize(1);
        assertThat(lookup.table(null, "users").orElseThrow().columns()).hasSize(2);
        assertThat(lookup.storedNote("users")).isNull();
    }
}
