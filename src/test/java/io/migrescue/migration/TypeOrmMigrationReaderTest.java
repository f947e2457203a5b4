package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.typeorm.TypeOrmMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TypeORM migrations as {@code typeorm migration:generate} writes them (TypeScript and JavaScript), and the Table API. */
class TypeOrmMigrationReaderTest {
    private final TypeOrmMigrationReader reader = new TypeOrmMigrationReader();

    /** typeorm 0.3 migration:generate, MySQL driver: template literals with escaped backticks. */
    static final String GENERATED_MYSQL = """
            import { MigrationInterface, QueryRunner } from "typeorm";

            export class AddOrders1700000000001 implements MigrationInterface {
                name = 'AddOrders1700000000001'

                public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`CREATE TABLE \\`orders\\` (\\`id\\` int NOT NULL AUTO_INCREMENT, \\`userId\\` int NULL, PRIMARY KEY (\\`id\\`)) ENGINE=InnoDB`);
                    await queryRunner.query(`ALTER TABLE \\`orders\\` ADD CONSTRAINT \\`FK_151b79a83ba240b0cb31b2302d1\\` FOREIGN KEY (\\`userId\\`) REFERENCES \\`user\\`(\\`id\\`) ON DELETE NO ACTION ON UPDATE NO ACTION`);
                }

                public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE \\`orders\\` DROP FOREIGN KEY \\`FK_151b79a83ba240b0cb31b2302d1\\``);
                    await queryRunner.query(`DROP TABLE \\`orders\\``);
                }

            }
            """;

    /** The PostgreSQL driver's output: double-quoted strings with escaped double quotes. */
    static final String GENERATED_POSTGRES_JS = """
            const { MigrationInterface, QueryRunner } = require("typeorm");

            module.exports = class Init1700000000000 {
                name = 'Init1700000000000'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE "user" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`);
                    await queryRunner.query("CREATE UNIQUE INDEX \\"IDX_e12875dfb3b1d92d7d7c5377e2\\" ON \\"user\\" (\\"email\\") ");
                    await queryRunner.query(`INSERT INTO "user" ("email") VALUES ($1)`, ["a@b.c"]);
                    if (process.env.SEED) { await queryRunner.query(`SELECT 1`); }
                    await queryRunner.query(`ALTER TABLE "user" ADD "${column}" integer`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`DROP TABLE "user"`);
                }
            }
            """;

    @Test
    void generatedTypeScriptForMySqlIsReadStatementByStatementWithItsLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1700000000001-AddOrders.ts"), GENERATED_MYSQL);
        List<MigrationFile> files = reader.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("AddOrders1700000000001");
        List<SqlStatement> statements = reader.statements(files.get(0), Engine.MARIADB);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE `orders` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB",
                        "ALTER TABLE `orders` ADD CONSTRAINT `FK_151b79a83ba240b0cb31b2302d1` FOREIGN KEY (`userId`) REFERENCES `user`(`id`)"
                                + " ON DELETE NO ACTION ON UPDATE NO ACTION");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(7, 8);
    }

    @Test
    void javaScriptMigrationsAreOrderedByTheirTimestampAndWhatIsNotLiteralIsNotGuessed(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("b-orders.js"), GENERATED_MYSQL.replace("import {", "// import {"));
        Files.writeString(
                dir.resolve("a-init.js"), GENERATED_POSTGRES_JS.replace("Init1700000000000", "Init1700000000002"));
        Files.writeString(dir.resolve("datasource.js"), "module.exports = new DataSource({ type: 'mysql' });\n");
        List<MigrationFile> files = reader.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("AddOrders1700000000001", "Init1700000000002");
        List<SqlStatement> statements = reader.statements(files.get(1), Engine.POSTGRESQL);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE \"user\" (\"id\" SERIAL NOT NULL, \"email\" character varying NOT NULL, CONSTRAINT \"PK_cace4a159ff9f2512dd42373760\" PRIMARY KEY (\"id\"))",
                        "CREATE UNIQUE INDEX \"IDX_e12875dfb3b1d92d7d7c5377e2\" ON \"user\" (\"email\")",
                        "-- not understood: queryRunner.query(`INSERT INTO \"user\" (\"email\") VALUES ($1)`, [\"a@b.c\"])",
                        "-- not understood: if (process.env.SEED) { await queryRunner.query(`SELECT 1`); }",
                        "-- not understood: queryRunner.query(`ALTER TABLE \"user\" ADD \"${column}\" integer`)");
    }

    /** Expected: what real TypeORM 0.3.31 ran for this Table API migration on MariaDB and PostgreSQL (query log). */
    @Test
    void theTableApiIsRenderedAsTypeOrmRunsItWithItsNames() throws Exception {
        Path dir = Path.of("src/test/resources/io/migrescue/migration/typeorm");
        MigrationFile file = reader.list(dir).get(0);
        assertThat(file.id()).isEqualTo("Api1700000000000");
        assertThat(reader.statements(file, Engine.MARIADB))
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `email` varchar(255) NOT NULL, `age` int NULL DEFAULT 0,"
                                + " UNIQUE INDEX `UQ_97672ac88f789774dd47f7c8be3` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
                        "CREATE TABLE `orders` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `total` decimal(10,2) NOT NULL DEFAULT 0,"
                                + " INDEX `IDX_1f26b5af0517387bce3d8f3ae5` (`userId`, `total`), CONSTRAINT `FK_151b79a83ba240b0cb31b2302d1` FOREIGN KEY"
                                + " (`userId`) REFERENCES `users` (`id`) ON DELETE CASCADE, PRIMARY KEY (`id`)) ENGINE=InnoDB",
                        "ALTER TABLE `orders` ADD `note` varchar(200) NULL",
                        "CREATE UNIQUE INDEX `IDX_orders_note` ON `orders` (`note`)",
                        "ALTER TABLE `orders` ADD CONSTRAINT `FK_710e2d4957aa5878dfe94e4ac2f` FOREIGN KEY (`id`) REFERENCES `users`(`id`)");
        assertThat(reader.statements(file, Engine.POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE \"users\" (\"id\" SERIAL NOT NULL, \"email\" varchar NOT NULL, \"age\" int DEFAULT 0,"
                                + " CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))",
                        "CREATE TABLE \"orders\" (\"id\" SERIAL NOT NULL, \"userId\" int NOT NULL, \"total\" decimal(10,2) NOT NULL DEFAULT 0,"
                                + " CONSTRAINT \"FK_151b79a83ba240b0cb31b2302d1\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE,"
                                + " CONSTRAINT \"PK_710e2d4957aa5878dfe94e4ac2f\" PRIMARY KEY (\"id\"))",
                        "CREATE INDEX \"IDX_1f26b5af0517387bce3d8f3ae5\" ON \"orders\" (\"userId\", \"total\")",
                        "ALTER TABLE \"orders\" ADD \"note\" varchar(200)",
                        "CREATE UNIQUE INDEX \"IDX_orders_note\" ON \"orders\" (\"note\")",
                        "ALTER TABLE \"orders\" ADD CONSTRAINT \"FK_710e2d4957aa5878dfe94e4ac2f\" FOREIGN KEY (\"id\") REFERENCES \"users\"(\"id\")");
    }
}
