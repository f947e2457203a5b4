package io.migrescue.history;

import io.migrescue.model.TableShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Ambiguous table names are told apart by columns, never guessed. */
class HistoryDetectionTest {

    private static List<String> owners(TableShape shape) {
        return HistoryAdapters.all().stream().filter(a -> a.owns(shape)).map(HistoryAdapter::tool).toList();
    }

    @Test
    void schemaMigrationsOfGolangMigrateRailsAndSupabase() {
        assertThat(owners(new TableShape("public", "schema_migrations", Set.of("version", "dirty")))).containsExactly("golang-migrate");
        assertThat(owners(new TableShape("public", "schema_migrations", Set.of("version")))).containsExactly("rails");
        assertThat(owners(new TableShape("supabase_migrations", "schema_migrations", Set.of("version", "statements", "name")))).isEmpty();
    }

    @Test
    void migrationsOfLaravelAndTypeorm() {
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "migration", "batch")))).containsExactly("laravel");
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "timestamp", "name")))).isEmpty();
    }

    @Test
    void flywayPrismaLiquibaseByColumnsAndAnyCase() {
        assertThat(owners(new TableShape("s", "flyway_schema_history",
                Set.of("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success"))))
                .containsExactly("flyway");
        assertThat(owners(new TableShape("s", "_prisma_migrations",
                Set.of("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count"))))
                .containsExactly("prisma");
        assertThat(owners(new TableShape("APP", "DATABASECHANGELOG", Set.of("ID", "AUTHOR", "FILENAME", "DATEEXECUTED", "ORDEREXECUTED", "EXECTYPE"))))
                .containsExactly("liquibase");
        assertThat(owners(new TableShape("APP", "DATABASECHANGELOGLOCK", Set.of("ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY")))).isEmpty();
    }

    @Test
    void aUserTableThatMerelySharesANameIsNotHistory() {
        assertThat(owners(new TableShape("app", "migrations", Set.of("id", "name", "created_at")))).isEmpty();
        assertThat(owners(new TableShape("app", "flyway_schema_history", Set.of("id")))).isEmpty();
    }

    @Test
    void aRenamedHistoryTableIsTheToolsWhenItHasTheToolsColumns() {
        Set<String> flywayColumns = Set.of("installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                "installed_on", "execution_time", "success");
        HistoryAdapter flyway = HistoryAdapters.select("flyway", "Schema_History").get(0);
        assertThat(flyway.tool()).isEqualTo("flyway");
        assertThat(flyway.tableNames()).containsExactly("schema_history");
        assertThat(flyway.owns(new TableShape("app", "schema_history", flywayColumns))).isTrue();
        assertThat(flyway.owns(new TableShape("app", "flyway_schema_history", flywayColumns))).isFalse();
        assertThat(flyway.owns(new TableShape("app", "schema_history", Set.of("id", "version")))).isFalse();
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
        assertThat(HistoryAdapters.select("Flyway")).extracting(HistoryAdapter::tool).containsExactly("flyway");
        assertThat(HistoryAdapters.select(null)).hasSize(6);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryAdapters.select("ant"))
                .hasMessageContaining("unknown --tool 'ant'").hasMessageContaining("golang-migrate");
    }
}
