package io.migrescue.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.MigrescueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each tool's own configuration, as teams write it. */
class ProjectConfigTest {

    private static Path write(Path dir, String file, String content) throws Exception {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void laravelEnv(@TempDir Path dir) throws Exception {
        write(dir, "artisan", "#!/usr/bin/env php\n");
        write(
                dir,
                ".env",
                "APP_NAME=Lkb\nDB_CONNECTION=mariadb\nDB_HOST=db.internal\nDB_PORT=3307\nDB_DATABASE=gaspul\n"
                        + "DB_USERNAME=gaspul_user\nDB_PASSWORD=\"s3cr#t pw\"\n");
        ProjectSettings s = ProjectConfig.read(dir, Map.of());
        assertThat(s.tool()).isEqualTo("laravel");
        assertThat(s.url()).isEqualTo("mariadb://db.internal:3307/gaspul");
        assertThat(s.user()).isEqualTo("gaspul_user");
        assertThat(s.password()).isEqualTo("s3cr#t pw");
        assertThat(s.toString()).doesNotContain("s3cr");
    }

    @Test
    void prismaSchemaWithEnvUrlAndTheProcessEnvironmentWinning(@TempDir Path dir) throws Exception {
        write(
                dir,
                "prisma/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n");
        write(dir, ".env", "DATABASE_URL=\"postgresql://app:pw@localhost:5432/app?schema=public\"\n");
        Files.createDirectories(dir.resolve("prisma/migrations"));
        assertThat(ProjectConfig.read(dir, Map.of()).url())
                .isEqualTo("postgresql://app:pw@localhost:5432/app?schema=public");
        ProjectSettings s = ProjectConfig.read(dir, Map.of("DATABASE_URL", "postgresql://ci@db/app"));
        assertThat(s.url()).isEqualTo("postgresql://ci@db/app");
        assertThat(s.migrations()).isEqualTo(dir.resolve("prisma/migrations"));
    }

    @Test
    void flywayConfAndToml(@TempDir Path dir) throws Exception {
        write(
                dir,
                "flyway.conf",
                "flyway.url=jdbc:mysql://db:3306/shop\nflyway.user=${env.DB_USER}\nflyway.password=pw\n"
                        + "flyway.locations=filesystem:db/migration\n");
        ProjectSettings conf = ProjectConfig.read(dir, Map.of("DB_USER", "deploy"));
        assertThat(conf.url()).isEqualTo("jdbc:mysql://db:3306/shop");
        assertThat(conf.user()).isEqualTo("deploy");
        assertThat(conf.migrations()).isEqualTo(dir.resolve("db/migration"));
        Files.delete(dir.resolve("flyway.conf"));
        write(
                dir,
                "flyway.toml",
                "[environments.default]\nurl = \"jdbc:postgresql://db:5432/app\"\nuser = \"app\"\n\n"
                        + "[flyway]\nlocations = [\"filesystem:sql\"]\n");
        ProjectSettings toml = ProjectConfig.read(dir, Map.of());
        assertThat(toml.url()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(toml.migrations()).isEqualTo(dir.resolve("sql"));
    }

    @Test
    void drizzleAndKnexConfigFiles(@TempDir Path dir) throws Exception {
        write(
                dir,
                "drizzle.config.ts",
                "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({\n"
                        + "  dialect: 'postgresql',\n  out: './drizzle',\n  dbCredentials: { url: process.env.DATABASE_URL! },\n});\n");
        ProjectSettings drizzle = ProjectConfig.read(dir, Map.of("DATABASE_URL", "postgresql://u@h/db"));
        assertThat(drizzle.tool()).isEqualTo("drizzle");
        assertThat(drizzle.url()).isEqualTo("postgresql://u@h/db");
        assertThat(drizzle.migrations()).isEqualTo(dir.resolve("./drizzle"));
        Files.delete(dir.resolve("drizzle.config.ts"));
        write(
                dir,
                "knexfile.js",
                "module.exports = {\n  client: 'mysql2',\n  connection: { host: '10.0.0.5', port: 3306, user: 'app',"
                        + " password: 'pw', database: 'shop' },\n  migrations: { directory: './db/migrations' },\n};\n");
        ProjectSettings knex = ProjectConfig.read(dir, Map.of());
        assertThat(knex.url()).isEqualTo("mysql://10.0.0.5:3306/shop");
        assertThat(knex.user()).isEqualTo("app");
        assertThat(knex.migrations()).isEqualTo(dir.resolve("./db/migrations"));
    }

    @Test
    void railsDatabaseYmlWithMergeKeysAndErb(@TempDir Path dir) throws Exception {
        write(
                dir,
                "config/database.yml",
                "default: &default\n  adapter: postgresql\n  host: <%= ENV.fetch(\"DB_HOST\") { \"localhost\" } %>\n"
                        + "  username: <%= ENV['DB_USER'] %>\n\nproduction:\n  <<: *default\n  database: app_production\n"
                        + "  password: <%= ENV['DB_PASSWORD'] %>\n");
        ProjectSettings s = ProjectConfig.read(dir, Map.of("DB_USER", "rails", "DB_PASSWORD", "pw"));
        assertThat(s.url()).isEqualTo("postgresql://localhost/app_production");
        assertThat(s.user()).isEqualTo("rails");
        assertThat(s.password()).isEqualTo("pw");
    }

    @Test
    void aLaravelEnvWithoutArtisanIsReadAndSaysSo(@TempDir Path dir) throws Exception {
        write(dir, ".env", "DB_CONNECTION=pgsql\nDB_HOST=db\nDB_DATABASE=shop\nDB_USERNAME=app\n");
        ProjectSettings s = ProjectConfig.read(dir, Map.of());
        assertThat(s.tool()).isEqualTo("laravel");
        assertThat(s.url()).isEqualTo("postgresql://db/shop");
        assertThat(s.toString()).contains("no artisan file");
        Path other = java.nio.file.Files.createDirectories(dir.resolve("other"));
        write(other, ".env", "APP_NAME=x\n");
        assertThatThrownBy(() -> ProjectConfig.read(other, Map.of("DB_CONNECTION", "pgsql")))
                .hasMessageContaining("its .env has no DB_CONNECTION");
    }

    @Test
    void nothingFoundOrUnsupportedIsAUsageError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ProjectConfig.read(dir, Map.of()))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("no database configuration found");
        write(dir, "artisan", "");
        write(dir, ".env", "DB_CONNECTION=sqlite\n");
        assertThatThrownBy(() -> ProjectConfig.read(dir, Map.of()))
                .hasMessageContaining("not PostgreSQL, MySQL or MariaDB");
    }
}
