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

class SequelizeAndTypeOrmHistoryWriterTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);

    @TempDir
    Path dir;

    @Test
    void sequelizeRecordsTheFileNameInSequelizeMeta() {
        SequelizeTool writer = new SequelizeTool();
        MigrationFile file = Histories.file(
                dir, "migrations/20240301000000-create-orders.js", "module.exports = {}", "x", "sequelize");
        MigrationHistory h = Histories.of(
                "sequelize", "public", "SequelizeMeta", entry("20240101000000-create-users.js", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, h, file, NOW, null)).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("INSERT INTO \"public\".\"SequelizeMeta\" (\"name\") VALUES (?)");
            assertThat(s.params()).containsExactly("20240301000000-create-orders.js");
        });
        MigrationHistory recorded = Histories.of(
                "sequelize", "app", "SequelizeMeta", entry("20240301000000-create-orders.js", EntryState.APPLIED));
        assertThat(writer.recordApplied(MARIADB, recorded, file, NOW, null)).isEmpty();
        assertThat(writer.recordRolledBack(MARIADB, recorded, "20240301000000-create-orders.js", List.of(), NOW))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).isEqualTo("DELETE FROM `app`.`SequelizeMeta` WHERE `name` = ?"));
        assertThat(writer.recordRolledBack(PG, h, "20240301000000-create-orders.js", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, h, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typeormRecordsTheClassNameAndItsTimestamp() {
        TypeOrmTool writer = new TypeOrmTool();
        MigrationFile file = Histories.file(
                dir,
                "src/migration/1700000000000-AddOrders.ts",
                "import { MigrationInterface, QueryRunner } from \"typeorm\";\n\n"
                        + "export class AddOrders1700000000000 implements MigrationInterface {\n"
                        + "    name = 'AddOrders1700000000000'\n\n"
                        + "    public async up(queryRunner: QueryRunner): Promise<void> {\n"
                        + "        const name = 'orders';\n    }\n}\n",
                "x",
                "typeorm");
        MigrationHistory h =
                Histories.of("typeorm", "public", "migrations", entry("AddUsers1690000000000", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, h, file, NOW, null)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo("INSERT INTO \"public\".\"migrations\" (\"timestamp\", \"name\") VALUES (?, ?)");
            assertThat(s.params()).containsExactly(1700000000000L, "AddOrders1700000000000");
        });
        MigrationHistory recorded =
                Histories.of("typeorm", "app", "migrations", entry("AddOrders1700000000000", EntryState.APPLIED));
        assertThat(writer.recordApplied(MARIADB, recorded, file, NOW, null)).isEmpty();
        assertThat(writer.recordRolledBack(MARIADB, recorded, "AddOrders1700000000000", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("DELETE FROM `app`.`migrations` WHERE `timestamp` = ? AND `name` = ?");
                    assertThat(s.params()).containsExactly(1700000000000L, "AddOrders1700000000000");
                });
        assertThat(writer.recordRolledBack(PG, h, "AddOrders1700000000000", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typeormNameFromTheClassWithoutANamePropertyAndTheTimestampIsRequired() {
        MigrationFile plain = Histories.file(
                dir,
                "m/1700000000001-Tags.js",
                "module.exports = class Tags1700000000001 {\n  async up(q) {}\n}\n",
                "x",
                "typeorm");
        assertThat(TypeOrmTool.migrationName(plain)).isEqualTo("Tags1700000000001");
        MigrationFile noTimestamp =
                Histories.file(dir, "m/tags.js", "module.exports = class Tags {}\n", "x", "typeorm");
        assertThatThrownBy(() -> new TypeOrmTool()
                        .recordApplied(PG, Histories.of("typeorm", "public", "migrations"), noTimestamp, NOW, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13-digit");
    }
}
