package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.TableShape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ambiguous table names are told apart by columns, never guessed. */
class HistoryDetectionTest {

    private static List<String> owners(TableShape shape) {
        return HistoryAdapters.all().stream()
                .filter(a -> a.owns(shape))
                .map(HistoryAdapter::tool)
                .toList();
    }

    @Test
    void schemaMigrationsOfGolangMigrateRailsAndSupabase() {
        assertThat(owners(new TableShape("public", "schema_migrations", Set.of("version", "dirty"))))
                .containsExactly("golang-migrate");
        assertThat(owners(new TableShape("public", "schema_migrations", Set.of("version"))))
                .containsExactly("rails");
        assertThat(owners(new TableShape(
                        "supabase_migrations", "schema_migrations", Set.of("version", "statements", "name"))))
                .containsExactly("supabase");
        // a Supabase table from a CLI old enough to have only version is told from Rails' by its schema
        assertThat(owners(new TableShape("supabase_migrations", "schema_migrations", Set.of("version"))))
                .containsExactly("supabase");
        assertThat(owners(new TableShape("public", "schema_migrations", Set.of("version", "statements", "name"))))
                .containsExactly("supabase");
    }

    @Test
    void migrationsOfLaravelAndTypeorm() {
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "migration", "batch"))))
                .containsExactly("laravel");
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "timestamp", "name"))))
                .containsExactly("typeorm");
    }

    @Test
    void flywayPrismaLiquibaseByColumnsAndAnyCase() {
        assertThat(owners(new TableShape(
                        "s",
                        "flyway_schema_history",
                        Set.of(
                                "installed_rank",
                                "version",
                                "description",
                                "type",
                                "script",
                                "checksum",
                                "installed_by",
                                "installed_on",
                                "execution_time",
                                "success"))))
                .containsExactly("flyway");
        assertThat(owners(new TableShape(
                        "s",
                        "_prisma_migrations",
                        Set.of(
                                "id",
                                "checksum",
                                "finished_at",
                                "migration_name",
                                "logs",
                                "rolled_back_at",
                                "started_at",
                                "applied_steps_count"))))
                .containsExactly("prisma");
        assertThat(owners(new TableShape(
                        "APP",
                        "DATABASECHANGELOG",
                        Set.of("ID", "AUTHOR", "FILENAME", "DATEEXECUTED", "ORDEREXECUTED", "EXECTYPE"))))
                .containsExactly("liquibase");
        assertThat(owners(new TableShape(
                        "APP", "DATABASECHANGELOGLOCK", Set.of("ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"))))
                .isEmpty();
    }

    @Test
    void theOtherToolsByNameAndColumns() {
        assertThat(owners(new TableShape("public", "alembic_version", Set.of("version_num"))))
                .containsExactly("alembic");
        assertThat(owners(new TableShape("public", "django_migrations", Set.of("id", "app", "name", "applied"))))
                .containsExactly("django");
        assertThat(owners(new TableShape("drizzle", "__drizzle_migrations", Set.of("id", "hash", "created_at"))))
                .containsExactly("drizzle");
        assertThat(owners(new TableShape("app", "knex_migrations", Set.of("id", "name", "batch", "migration_time"))))
                .containsExactly("knex");
        assertThat(owners(new TableShape("app", "knex_migrations_lock", Set.of("index", "is_locked"))))
                .isEmpty();
        assertThat(owners(new TableShape("public", "SequelizeMeta", Set.of("name"))))
                .containsExactly("sequelize");
        assertThat(owners(new TableShape(
                        "atlas_schema_revisions",
                        "atlas_schema_revisions",
                        Set.of(
                                "version",
                                "description",
                                "type",
                                "applied",
                                "total",
                                "executed_at",
                                "execution_time",
                                "error",
                                "error_stmt",
                                "hash",
                                "partial_hashes",
                                "operator_version"))))
                .containsExactly("atlas");
        assertThat(owners(new TableShape(
                        "public", "goose_db_version", Set.of("id", "version_id", "is_applied", "tstamp"))))
                .containsExactly("goose");
    }

    @Test
    void toolsThatKeepTheirHistoryInASchemaOfTheirOwnSayWhich() {
        java.util.Map<String, Set<String>> pg = new java.util.TreeMap<>();
        java.util.Map<String, Set<String>> mysql = new java.util.TreeMap<>();
        for (HistoryAdapter a : HistoryAdapters.all()) {
            if (!a.extraSchemas(io.migrescue.model.Engine.POSTGRESQL).isEmpty()) {
                pg.put(a.tool(), a.extraSchemas(io.migrescue.model.Engine.POSTGRESQL));
            }
            if (!a.extraSchemas(io.migrescue.model.Engine.MARIADB).isEmpty()) {
                mysql.put(a.tool(), a.extraSchemas(io.migrescue.model.Engine.MARIADB));
            }
        }
        assertThat(pg)
                .containsExactly(
                        java.util.Map.entry("atlas", Set.of("atlas_schema_revisions")),
                        java.util.Map.entry("drizzle", Set.of("drizzle")),
                        java.util.Map.entry("supabase", Set.of("supabase_migrations")));
        // Drizzle on MySQL uses the connected database; the Supabase CLI is PostgreSQL only
        assertThat(mysql).containsExactly(java.util.Map.entry("atlas", Set.of("atlas_schema_revisions")));
    }

    @Test
    void aUserTableThatMerelySharesANameIsNotHistory() {
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "name", "created_at"))))
                .isEmpty();
        assertThat(owners(new TableShape("app", "flyway_schema_history", Set.of("id"))))
                .isEmpty();
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "timestamp", "name", "migration", "batch"))))
                .containsExactly("laravel");
        assertThat(owners(new TableShape("app", "alembic_version", Set.of("id"))))
                .isEmpty();
    }

    @Test
    void aRenamedHistoryTableIsTheToolsWhenItHasTheToolsColumns() {
        Set<String> flywayColumns = Set.of(
                "installed_rank",
                "version",
                "description",
                "type",
                "script",
                "checksum",
                "installed_by",
                "installed_on",
                "execution_time",
                "success");
        HistoryAdapter flyway =
                HistoryAdapters.select("flyway", "Schema_History").get(0);
        assertThat(flyway.tool()).isEqualTo("flyway");
        assertThat(flyway.tableNames()).containsExactly("schema_history");
        assertThat(flyway.owns(new TableShape("app", "schema_history", flywayColumns)))
                .isTrue();
        assertThat(flyway.owns(new TableShape("app", "flyway_schema_history", flywayColumns)))
                .isFalse();
        assertThat(flyway.owns(new TableShape("app", "schema_history", Set.of("id", "version"))))
                .isFalse();
        // Liquibase keeps its lock table's own name whatever the changelog table is called
        assertThat(HistoryAdapters.select("liquibase", "app_changelog").get(0).tableNames())
                .containsExactly("app_changelog", "databasechangeloglock");
    }

    @Test
    void aHistoryTableNameNeedsTheToolWhoseLayoutItHas() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryAdapters.select(null, "schema_history"))
                .hasMessageContaining("--history-table schema_history needs --tool");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryAdapters.select("flyway", " "))
                .hasMessageContaining("needs a table name");
    }

    @Test
    void toolSelection() {
        assertThat(HistoryAdapters.select("Flyway"))
                .extracting(HistoryAdapter::tool)
                .containsExactly("flyway");
        assertThat(HistoryAdapters.select(null)).hasSize(16);
        assertThat(HistoryAdapters.select("Knex", "migrations").get(0).tableNames())
                .containsExactly("migrations", "migrations_lock");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryAdapters.select("ant"))
                .hasMessageContaining("unknown --tool 'ant'")
                .hasMessageContaining("golang-migrate");
    }
}
