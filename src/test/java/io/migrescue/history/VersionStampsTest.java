package io.migrescue.history;

import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stamping the version the schema matches, as each tool's own stamp writes it. */
class VersionStampsTest {
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);

    @Test
    void golangMigrateIsStampedAsMigrateForceWrites() {
        var h = Histories.of("golang-migrate", "app", "schema_migrations", entry("2", EntryState.DIRTY));
        List<BoundStatement> plan = VersionStamps.stamp(MARIADB, h, "3");
        assertThat(plan)
                .extracting(BoundStatement::sql)
                .containsExactly(
                        "DELETE FROM `app`.`schema_migrations`",
                        "INSERT INTO `app`.`schema_migrations` (`version`, `dirty`) VALUES (?, ?)");
        assertThat(plan.get(1).params()).containsExactly(3L, false);
        // already that one clean row: nothing to write
        var clean = Histories.of("golang-migrate", "app", "schema_migrations", entry("3", EntryState.APPLIED));
        assertThat(VersionStamps.stamp(MARIADB, clean, "3")).isEmpty();
    }

    @Test
    void alembicIsStampedWithPurgeAndOtherToolsAreRefused() {
        var alembic = Histories.of("alembic", "app", "alembic_version", entry("gone", EntryState.APPLIED));
        assertThat(VersionStamps.stamp(MARIADB, alembic, "bbb"))
                .extracting(BoundStatement::sql)
                .containsExactly(
                        "DELETE FROM `app`.`alembic_version` WHERE `version_num` = ?",
                        "INSERT INTO `app`.`alembic_version` (`version_num`) VALUES (?)");
        var knex = Histories.of("knex", "app", "knex_migrations", entry("1", EntryState.APPLIED));
        assertThatThrownBy(() -> VersionStamps.stamp(MARIADB, knex, "1"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Alembic and golang-migrate");
    }
}
