package io.migrescue.sql;

import static io.migrescue.model.Engine.MARIADB;
import static io.migrescue.sql.EffectsTesting.column;
import static io.migrescue.sql.EffectsTesting.foreignKey;
import static io.migrescue.sql.EffectsTesting.primaryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.migrescue.history.MigrationDirectories;
import io.migrescue.sql.Effect.ConstraintDef;
import io.migrescue.sql.Effect.CreateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Field report 05: on MariaDB, a migration renames {@code skp_tahunan} to {@code skp_tahunan_backup_v1} and creates a
 * new {@code skp_tahunan} with the same foreign key names. RENAME TABLE keeps the names, MariaDB's FK names are
 * schema-wide, so the CREATE fails with errno 121 after the renames were committed. This is what the SQL layer
 * gives the comparison: the statements in order, and for each what it meant to do.
 */
class FieldReport05Test {
    private final Path dir = EffectsTesting.resource("field-report-05");

    private List<SqlStatement> failedMigration() throws Exception {
        List<MigrationFile> files = MigrationDirectories.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("1", "2", "3");
        MigrationFile failed =
                MigrationFiles.find(files, "V3__total_refactor_skp_system.sql").orElseThrow();
        assertThat(MigrationFiles.find(files, "3")).contains(failed);
        assertThat(failed.name()).isEqualTo("total refactor skp system");
        return StatementSplitter.split(Files.readString(failed.path()), MARIADB);
    }

    @Test
    void theFailedMigrationStatementByStatement() throws Exception {
        List<SqlStatement> statements = failedMigration();

        assertThat(statements)
                .extracting(SqlStatement::number, SqlStatement::line)
                .containsExactly(
                        tuple(1, 5), tuple(2, 6),
                        tuple(3, 8), tuple(4, 25),
                        tuple(5, 36), tuple(6, 39));
        assertThat(statements.get(2).endLine()).isEqualTo(23);

        assertThat(StatementEffects.of(statements.get(0), MARIADB))
                .containsExactly(new Effect.RenameTable(null, "skp_tahunan", null, "skp_tahunan_backup_v1"));
        assertThat(StatementEffects.of(statements.get(1), MARIADB))
                .containsExactly(
                        new Effect.RenameTable(null, "skp_tahunan_detail", null, "skp_tahunan_detail_backup_v1"));

        List<Effect> create = StatementEffects.of(statements.get(2), MARIADB);
        assertThat(create).hasSize(3);
        CreateTable table = (CreateTable) create.get(0);
        assertThat(table.table()).isEqualTo("skp_tahunan");
        assertThat(table.columns())
                .hasSize(9)
                .startsWith(
                        column("id", "bigint unsigned", false, null),
                        column("user_id", "bigint unsigned", false, null),
                        column("approved_by", "bigint unsigned", true, null),
                        column("tahun", "year", false, null),
                        column("status", "enum('DRAFT','DIAJUKAN','DISETUJUI','DITOLAK')", false, "'DRAFT'"));
        assertThat(table.constraints())
                .containsExactly(
                        primaryKey(null, "id"),
                        foreignKey(
                                "fk_skp_tahunan_user",
                                List.of("user_id"),
                                null,
                                "users",
                                List.of("id"),
                                "CASCADE",
                                null),
                        foreignKey(
                                "fk_skp_tahunan_approved_by",
                                List.of("approved_by"),
                                null,
                                "users",
                                List.of("id"),
                                "SET NULL",
                                null));
        assertThat(create.subList(1, 3))
                .containsExactly(
                        new Effect.CreateIndex(
                                null,
                                "skp_tahunan",
                                "skp_tahunan_user_id_tahun_unique",
                                List.of("user_id", "tahun"),
                                true,
                                false,
                                null),
                        new Effect.CreateIndex(
                                null,
                                "skp_tahunan",
                                "skp_tahunan_approved_by_index",
                                List.of("approved_by"),
                                false,
                                false,
                                null));

        assertThat(((CreateTable)
                                StatementEffects.of(statements.get(3), MARIADB).get(0))
                        .constraints())
                .extracting(ConstraintDef::name)
                .containsExactly(null, "fk_skp_detail_skp", "fk_skp_detail_rhk");

        Effect insert = StatementEffects.of(statements.get(4), MARIADB).get(0);
        assertThat(insert).isInstanceOf(Effect.Other.class);

        assertThat(StatementEffects.of(statements.get(5), MARIADB))
                .containsExactly(
                        new Effect.AddColumn(
                                null,
                                "rencana_aksi_bulanan",
                                column("skp_tahunan_detail_id", "bigint unsigned", true, null)),
                        new Effect.AddConstraint(
                                null,
                                "rencana_aksi_bulanan",
                                foreignKey(
                                        "fk_rab_skp_detail",
                                        List.of("skp_tahunan_detail_id"),
                                        null,
                                        "skp_tahunan_detail",
                                        List.of("id"),
                                        "CASCADE",
                                        null)));
    }

    @Test
    void theNewTableReusesForeignKeyNamesTheRenamedTableStillCarries() throws Exception {
        List<MigrationFile> files = MigrationDirectories.list(dir);
        String v2 =
                Files.readString(MigrationFiles.find(files, "2").orElseThrow().path());
        Set<String> existing = StatementSplitter.split(v2, MARIADB).stream()
                .flatMap(s -> StatementEffects.of(s, MARIADB).stream())
                .flatMap(e -> e instanceof CreateTable t ? t.constraints().stream() : Stream.empty())
                .map(ConstraintDef::name)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());

        List<SqlStatement> statements = failedMigration();
        Set<String> reused = StatementEffects.of(statements.get(2), MARIADB).stream()
                .flatMap(e -> e instanceof CreateTable t ? t.constraints().stream() : Stream.empty())
                .map(ConstraintDef::name)
                .filter(existing::contains)
                .collect(Collectors.toSet());

        assertThat(reused).containsExactlyInAnyOrder("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");
    }
}
