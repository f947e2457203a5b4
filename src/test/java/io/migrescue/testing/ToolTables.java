package io.migrescue.testing;

import io.migrescue.model.Engine;

/**
 * History tables laid out exactly as each tool creates them, for the tools that are not run for real in these
 * tests. Each DDL names the source and version it follows.
 */
public final class ToolTables {
    private ToolTables() {
    }

    /** Laravel 11, Illuminate\Database\Migrations\DatabaseMigrationRepository::createRepository. */
    public static String laravel(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "create table \"migrations\" (\"id\" serial not null primary key, \"migration\" varchar(255) not null, \"batch\" integer not null)"
                : "create table `migrations` (`id` int unsigned not null auto_increment primary key, `migration` varchar(255) not null,"
                + " `batch` int not null) default character set utf8mb4 collate 'utf8mb4_unicode_ci'";
    }

    /** golang-migrate v4.17, database/postgres and database/mysql ensureVersionTable. */
    public static String golangMigrate(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version bigint not null primary key, dirty boolean not null)"
                : "CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null)";
    }

    /** Rails 7.1, ActiveRecord::SchemaMigration#create_table (plus ar_internal_metadata). */
    public static String[] rails(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? new String[]{"CREATE TABLE \"schema_migrations\" (\"version\" character varying NOT NULL PRIMARY KEY)",
                "CREATE TABLE \"ar_internal_metadata\" (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" character varying,"
                        + " \"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL)"}
                : new String[]{"CREATE TABLE `schema_migrations` (`version` varchar(255) NOT NULL PRIMARY KEY)",
                "CREATE TABLE `ar_internal_metadata` (`key` varchar(255) NOT NULL PRIMARY KEY, `value` varchar(255),"
                        + " `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL)"};
    }

    /** Prisma 5, schema-engine's sql-migration-connector create_migrations_table. */
    public static String prisma(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) PRIMARY KEY NOT NULL, \"checksum\" VARCHAR(64) NOT NULL,"
                + " \"finished_at\" TIMESTAMPTZ, \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ,"
                + " \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(), \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)"
                : "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL,"
                + " finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at DATETIME(3),"
                + " started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0)"
                + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    }

    /** Liquibase 4.29, StandardLockService / StandardChangeLogHistoryService (unquoted names: lower case on PostgreSQL). */
    public static String[] liquibase(Engine engine) {
        String ts = engine == Engine.POSTGRESQL ? "TIMESTAMP WITHOUT TIME ZONE" : "datetime";
        String bool = engine == Engine.POSTGRESQL ? "BOOLEAN" : "TINYINT(1)";
        String lockCol = engine == Engine.POSTGRESQL ? "LOCKED" : "`LOCKED`";
        return new String[]{
                "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, " + lockCol + " " + bool + " NOT NULL, LOCKGRANTED " + ts
                        + " NULL, LOCKEDBY VARCHAR(255) NULL, CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
                "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL,"
                        + " DATEEXECUTED " + ts + " NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,"
                        + " MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL,"
                        + " LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)"};
    }
}
