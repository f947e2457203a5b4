package io.migrescue.testing;

import io.migrescue.model.Engine;

/**
 * History tables laid out exactly as each tool creates them, for the tools that are not run for real in these
 * tests. Each DDL names the source and version it follows; "measured" means the statement was captured from the real
 * tool's own log (npm registry packages) on PostgreSQL 15 and MariaDB 10.11.
 */
public final class ToolTables {
    private ToolTables() {}

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
                ? new String[] {
                    "CREATE TABLE \"schema_migrations\" (\"version\" character varying NOT NULL PRIMARY KEY)",
                    "CREATE TABLE \"ar_internal_metadata\" (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" character varying,"
                            + " \"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL)"
                }
                : new String[] {
                    "CREATE TABLE `schema_migrations` (`version` varchar(255) NOT NULL PRIMARY KEY)",
                    "CREATE TABLE `ar_internal_metadata` (`key` varchar(255) NOT NULL PRIMARY KEY, `value` varchar(255),"
                            + " `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL)"
                };
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
        return new String[] {
            "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, " + lockCol + " " + bool
                    + " NOT NULL, LOCKGRANTED " + ts
                    + " NULL, LOCKEDBY VARCHAR(255) NULL, CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
            "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL,"
                    + " DATEEXECUTED " + ts
                    + " NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,"
                    + " MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL,"
                    + " LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)"
        };
    }

    /** Alembic 1.13, alembic/ddl/impl.py {@code version_table_impl} (the same on both engines). */
    public static String alembic(Engine engine) {
        return "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))";
    }

    /** Django 5.1, MigrationRecorder.ensure_schema through the schema editor (a project with BigAutoField, the default). */
    public static String django(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "CREATE TABLE \"django_migrations\" (\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,"
                        + " \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT NULL, \"applied\" timestamp with time zone NOT NULL)"
                : "CREATE TABLE `django_migrations` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `app` varchar(255) NOT NULL,"
                        + " `name` varchar(255) NOT NULL, `applied` datetime(6) NOT NULL)";
    }

    /** drizzle-orm 0.45.4, pg-core/mysql-core dialect {@code migrate} (measured): PostgreSQL in the schema drizzle. */
    public static String[] drizzle(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? new String[] {
                    "CREATE SCHEMA IF NOT EXISTS \"drizzle\"",
                    "CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\""
                            + " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)"
                }
                : new String[] {
                    "create table if not exists `__drizzle_migrations` (id serial primary key, hash text not null, created_at bigint)"
                };
    }

    /** Knex 3.3.0, lib/migrations/migrate/table-creator.js (measured), with the lock row Knex inserts. */
    public static String[] knex(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? new String[] {
                    "create table \"knex_migrations\" (\"id\" serial primary key, \"name\" varchar(255), \"batch\" integer,"
                            + " \"migration_time\" timestamptz)",
                    "create table \"knex_migrations_lock\" (\"index\" serial primary key, \"is_locked\" integer)",
                    "insert into \"knex_migrations_lock\" (\"is_locked\") values (0)"
                }
                : new String[] {
                    "create table `knex_migrations` (`id` int unsigned not null auto_increment primary key, `name` varchar(255),"
                            + " `batch` int, `migration_time` timestamp)",
                    "create table `knex_migrations_lock` (`index` int unsigned not null auto_increment primary key, `is_locked` int)",
                    "insert into `knex_migrations_lock` (`is_locked`) values (0)"
                };
    }

    /** sequelize-cli 6.6.5 with umzug 2.3.0 SequelizeStorage and sequelize 6 (measured). */
    public static String sequelize(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "CREATE TABLE IF NOT EXISTS \"SequelizeMeta\" (\"name\" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY (\"name\"))"
                : "CREATE TABLE IF NOT EXISTS `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY (`name`))"
                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE utf8_unicode_ci";
    }

    /** TypeORM 0.3.31, MigrationExecutor.createMigrationsTableIfNotExist (measured). */
    public static String typeorm(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "CREATE TABLE \"migrations\" (\"id\" SERIAL NOT NULL, \"timestamp\" bigint NOT NULL, \"name\" character varying NOT NULL,"
                        + " CONSTRAINT \"PK_8c82d7f526340ab734260ea46be\" PRIMARY KEY (\"id\"))"
                : "CREATE TABLE `migrations` (`id` int NOT NULL AUTO_INCREMENT, `timestamp` bigint NOT NULL, `name` varchar(255) NOT NULL,"
                        + " PRIMARY KEY (`id`)) ENGINE=InnoDB";
    }

    /**
     * Atlas v0.3x, the revisions table its ent schema creates (cmd/atlas/internal/migrate/ent/schema/revision.go) as
     * Atlas itself plans it: on PostgreSQL in the schema atlas_schema_revisions (a URL without a schema), on MySQL in
     * the connected database (a URL with one), so tests do not share a server-wide database.
     */
    public static String[] atlas(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? new String[] {
                    "CREATE SCHEMA \"atlas_schema_revisions\"",
                    "CREATE TABLE \"atlas_schema_revisions\".\"atlas_schema_revisions\" (\"version\" character varying NOT NULL,"
                            + " \"description\" character varying NOT NULL, \"type\" bigint NOT NULL DEFAULT 2, \"applied\" bigint NOT NULL DEFAULT 0,"
                            + " \"total\" bigint NOT NULL DEFAULT 0, \"executed_at\" timestamptz NOT NULL, \"execution_time\" bigint NOT NULL,"
                            + " \"error\" text NULL, \"error_stmt\" text NULL, \"hash\" character varying NOT NULL, \"partial_hashes\" jsonb NULL,"
                            + " \"operator_version\" character varying NOT NULL, PRIMARY KEY (\"version\"))"
                }
                : new String[] {
                    "CREATE TABLE `atlas_schema_revisions` (`version` varchar(255) NOT NULL, `description` varchar(255) NOT NULL,"
                            + " `type` bigint unsigned NOT NULL DEFAULT 2, `applied` bigint NOT NULL DEFAULT 0, `total` bigint NOT NULL DEFAULT 0,"
                            + " `executed_at` timestamp NOT NULL, `execution_time` bigint NOT NULL, `error` longtext NULL, `error_stmt` longtext NULL,"
                            + " `hash` varchar(255) NOT NULL, `partial_hashes` json NULL, `operator_version` varchar(255) NOT NULL,"
                            + " PRIMARY KEY (`version`)) CHARSET utf8mb4 COLLATE utf8mb4_bin"
                };
    }

    /** Supabase CLI v2, pkg/migration/history.go {@code CreateMigrationTable} (PostgreSQL only). */
    public static String[] supabase() {
        return new String[] {
            "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
            "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)",
            "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]",
            "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text"
        };
    }

    /** goose v3.24, internal/dialect/dialectquery postgres.go and mysql.go {@code CreateTable}, with goose's version-0 row. */
    public static String[] goose(Engine engine) {
        return new String[] {
            "CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL,"
                    + " tstamp timestamp NULL default now(), PRIMARY KEY(id))",
            "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true)"
        };
    }
}
