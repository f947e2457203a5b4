package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.migrescue.history.MigrationDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {

    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "SELECT 1;\n");
        return file;
    }

    private static List<String> ids(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::id).toList();
    }

    @Test
    void flywayVersionsCompareNumericallyPartByPartRepeatablesLastUndoIgnored() throws IOException {
        touch("V1.9__nine.sql");
        touch("V1.10__ten.sql");
        touch("V2__add_users.sql");
        touch("V1_2__underscore_separated.sql");
        touch("V10__ten_major.sql");
        touch("sub/V3__in_a_subfolder.sql");
        touch("R__views.sql");
        touch("R__a_functions.sql");
        touch("U2__undo_users.sql");
        touch("README.md");

        List<MigrationFile> files = MigrationDirectories.list(dir);

        assertThat(ids(files))
                .containsExactly("1.2", "1.9", "1.10", "2", "3", "10", "R__a_functions.sql", "R__views.sql");
        assertThat(files).allMatch(f -> f.tool().equals("flyway"));
        assertThat(files.get(3))
                .isEqualTo(new MigrationFile("2", "add users", dir.resolve("V2__add_users.sql"), "flyway"));
        assertThat(files.get(6).name()).isEqualTo("a functions");
    }

    @Test
    void golangMigrateUsesUpFilesOnlyAndStoresVersionsAsNumbers() throws IOException {
        touch("000010_add_index.up.sql");
        touch("000010_add_index.down.sql");
        touch("000002_create_users.up.sql");
        touch("000002_create_users.down.sql");
        touch("000001_init.up.sql");

        List<MigrationFile> files = MigrationDirectories.list(dir);

        assertThat(ids(files)).containsExactly("1", "2", "10");
        assertThat(files.get(1))
                .isEqualTo(new MigrationFile(
                        "2", "create_users", dir.resolve("000002_create_users.up.sql"), "golang-migrate"));
    }

    @Test
    void prismaFoldersSortByTheirTimestampPrefix() throws IOException {
        touch("20240301120000_add_posts/migration.sql");
        touch("20240115093000_init/migration.sql");
        touch("20240201000000_add_roles/migration.sql");
        touch("migration_lock.toml");
        Files.createDirectories(dir.resolve("not_a_migration"));

        List<MigrationFile> files = MigrationDirectories.list(dir);

        assertThat(ids(files))
                .containsExactly("20240115093000_init", "20240201000000_add_roles", "20240301120000_add_posts");
        assertThat(files.get(0))
                .isEqualTo(new MigrationFile(
                        "20240115093000_init",
                        "init",
                        dir.resolve("20240115093000_init").resolve("migration.sql"),
                        "prisma"));
    }

    @Test
    void drizzleFollowsItsJournal() throws IOException {
        touch("0001_second.sql");
        touch("0000_first.sql");
        touch("0002_not_journaled.sql");
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"), """
                {"version":"7","dialect":"postgresql","entries":[
                  {"idx":0,"version":"7","when":1700000000000,"tag":"0000_first","breakpoints":true},
                  {"idx":1,"version":"7","when":1700000100000,"tag":"0001_second","breakpoints":true}]}
                """);

        List<MigrationFile> files = MigrationDirectories.list(dir);

        assertThat(files)
                .containsExactly(
                        new MigrationFile("0000_first", "0000_first", dir.resolve("0000_first.sql"), "drizzle"),
                        new MigrationFile("0001_second", "0001_second", dir.resolve("0001_second.sql"), "drizzle"));
    }

    @Test
    void drizzleWithAnUnreadableJournalFallsBackToSortedFiles() throws IOException {
        touch("0001_second.sql");
        touch("0000_first.sql");
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"), "{ not json");

        assertThat(MigrationDirectories.list(dir))
                .extracting(MigrationFile::id, MigrationFile::tool)
                .containsExactly(tuple("0000_first", "drizzle"), tuple("0001_second", "drizzle"));
    }

    @Test
    void plainSqlFilesSortByName() throws IOException {
        touch("20240102000000_b.sql");
        touch("20240101000000_a.sql");
        touch("2_two.sql");
        touch("10_ten.sql");
        touch("notes.txt");

        List<MigrationFile> files = MigrationDirectories.list(dir);

        assertThat(ids(files)).containsExactly("2_two", "10_ten", "20240101000000_a", "20240102000000_b");
        assertThat(files).allMatch(f -> f.tool().equals("plain"));
    }

    @Test
    void anEmptyDirectoryHasNoMigrations() throws IOException {
        assertThat(MigrationDirectories.list(dir)).isEmpty();
    }

    @Test
    void findsAFlywayMigrationByVersionFileNameOrPath() throws IOException {
        touch("V1__init.sql");
        touch("V2__x.sql");
        touch("V1.10__later.sql");
        touch("R__views.sql");
        List<MigrationFile> files = MigrationDirectories.list(dir);

        for (String wanted :
                List.of("2", "2.0", "V2__x.sql", "V2__x", "db/migration/V2__x.sql", "V2__renamed_since.sql")) {
            assertThat(MigrationFiles.find(files, wanted))
                    .as(wanted)
                    .map(MigrationFile::id)
                    .contains("2");
        }
        assertThat(MigrationFiles.find(files, "1.10")).map(MigrationFile::id).contains("1.10");
        assertThat(MigrationFiles.find(files, "R__views.sql"))
                .map(MigrationFile::name)
                .contains("views");
        assertThat(MigrationFiles.find(files, "3")).isEmpty();
        assertThat(MigrationFiles.find(files, " ")).isEmpty();
    }

    @Test
    void findsGolangMigrateAndPrismaAndPlainByTheirKeys() throws IOException {
        Path golang = Files.createDirectories(dir.resolve("golang"));
        Files.writeString(golang.resolve("20240115093000_add_users.up.sql"), "");
        Files.writeString(golang.resolve("20240115093000_add_users.down.sql"), "");
        List<MigrationFile> golangFiles = MigrationDirectories.list(golang);
        assertThat(MigrationFiles.find(golangFiles, "20240115093000"))
                .map(MigrationFile::name)
                .contains("add_users");
        assertThat(MigrationFiles.find(golangFiles, "20240115093000_add_users.up.sql"))
                .isPresent();

        Path prisma = dir.resolve("prisma");
        Files.createDirectories(prisma.resolve("20240115093000_init"));
        Files.writeString(prisma.resolve("20240115093000_init/migration.sql"), "");
        List<MigrationFile> prismaFiles = MigrationDirectories.list(prisma);
        assertThat(MigrationFiles.find(prismaFiles, "20240115093000_init")).isPresent();
        assertThat(MigrationFiles.find(prismaFiles, "20240115093000"))
                .map(MigrationFile::id)
                .contains("20240115093000_init");

        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("20240101000000_a.sql"), "");
        List<MigrationFile> plainFiles = MigrationDirectories.list(plain);
        assertThat(MigrationFiles.find(plainFiles, "20240101000000_a.sql")).isPresent();
        assertThat(MigrationFiles.find(plainFiles, "20240101000000")).isPresent();
    }
}
