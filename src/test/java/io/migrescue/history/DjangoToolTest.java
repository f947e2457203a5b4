package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjangoToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final DjangoTool writer = new DjangoTool();

    @TempDir
    Path dir;

    @Test
    void appliedIsTheAppAndNameWithTheTimeAsAnInstant() {
        MigrationFile file = Histories.file(
                dir, "shop/migrations/0003_add_fk.py", "from django.db import migrations\n", "x", "django");
        MigrationHistory h =
                Histories.of("django", "public", "django_migrations", entry("shop.0002_orders", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, h, file, NOW, null)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo("INSERT INTO \"public\".\"django_migrations\" (\"app\", \"name\", \"applied\")"
                            + " VALUES (?, ?, CAST(? AS TIMESTAMPTZ))");
            assertThat(s.params()).containsExactly("shop", "0003_add_fk", "2026-03-01T10:15:30.123Z");
        });
        // MySQL: Django with USE_TZ writes the UTC wall clock into datetime(6)
        assertThat(writer.recordApplied(MARIADB, Histories.of("django", "app", "django_migrations"), file, NOW, null))
                .singleElement()
                .satisfies(
                        s -> assertThat(s.params()).containsExactly("shop", "0003_add_fk", "2026-03-01 10:15:30.123"));
        assertThat(writer.recordApplied(
                        PG,
                        Histories.of(
                                "django", "public", "django_migrations", entry("shop.0003_add_fk", EntryState.APPLIED)),
                        file,
                        NOW,
                        null))
                .isEmpty();
    }

    @Test
    void rolledBackDeletesByAppAndName() {
        MigrationHistory h =
                Histories.of("django", "app", "django_migrations", entry("shop.0003_add_fk", EntryState.APPLIED));
        assertThat(writer.recordRolledBack(MARIADB, h, "shop.0003_add_fk", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("DELETE FROM `app`.`django_migrations` WHERE `app` = ? AND `name` = ?");
                    assertThat(s.params()).containsExactly("shop", "0003_add_fk");
                });
        assertThat(writer.recordRolledBack(MARIADB, h, "shop.0004_other", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, h, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theAppComesFromTheFolderOrTheId() {
        MigrationFile byId = new MigrationFile("billing.0001_initial", "initial", dir.resolve("x.py"), "django");
        assertThat(DjangoTool.key(byId)).containsExactly("billing", "0001_initial");
        MigrationFile loose = Histories.file(dir, "0001_initial.py", "", "0001_initial", "django");
        assertThatThrownBy(() -> DjangoTool.key(loose))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<app>/migrations/<name>.py");
    }
}
