package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.rails.RailsMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ActiveRecord migrations as {@code rails generate migration} writes them; the expected SQL is what real ActiveRecord
 * 6.1 (Debian's ruby-activerecord) ran for them on MariaDB and PostgreSQL, saved beside them. Where ActiveRecord
 * restates a column read from the live table (MySQL's change_column keeps its default, change_column_null and
 * change_column_default restate its type), migrescue writes the statement with the same intended effect, or says it
 * cannot.
 */
class RailsMigrationReaderTest {
    private static final Path DIR = Path.of("src/test/resources/io/migrescue/migration/rails");
    private final RailsMigrationReader reader = new RailsMigrationReader();

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({"MARIADB, mysql, 0", "MARIADB, mysql, 1", "POSTGRESQL, postgresql, 0", "POSTGRESQL, postgresql, 1"})
    void migrationsAreRenderedAsActiveRecordRunsThem(Engine engine, String expected, int index) throws Exception {
        List<MigrationFile> files = reader.list(DIR);
        assertThat(files).extracting(MigrationFile::id).containsExactly("20240101000001", "20240101000002");
        assertThat(files).extracting(MigrationFile::name).containsExactly("create_users", "create_orders");
        MigrationFile file = files.get(index);
        String text = Files.readString(
                DIR.resolve(file.path().getFileName().toString().replace(".rb", "." + expected + ".expected")));
        List<String> want =
                Arrays.stream(text.split("\n;;\n")).map(String::strip).toList();
        assertThat(reader.statements(file, engine))
                .extracting(SqlStatement::sql)
                .containsExactlyElementsOf(want);
    }

    @Test
    void theForeignKeyNameIsActiveRecordsHash() {
        // ActiveRecord::ConnectionAdapters::SchemaStatements#foreign_key_name: SHA256("orders_user_id_fk")[0, 10]
        assertThat(io.migrescue.migration.rails.RailsNames.foreignKey("orders", "user_id"))
                .isEqualTo("fk_rails_f868b47f6a");
        assertThat(io.migrescue.migration.rails.RailsNames.foreignKey("orders", "owner_id"))
                .isEqualTo("fk_rails_e8a9a5a8cf");
    }

    @Test
    void rails7HeredocsReversibleBlocksAndWhatCannotBeRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240301000000_add_payments.rb"), """
                # frozen_string_literal: true

                class AddPayments < ActiveRecord::Migration[7.1]
                  def change
                    create_table :payments, id: :uuid do |t|
                      t.belongs_to :invoice, null: false, foreign_key: { on_delete: :cascade }, index: { unique: true }
                      t.decimal :amount, precision: 12, scale: 2, null: false
                      t.datetime :paid_at
                      t.string :state, limit: 20, default: "pending", index: true
                      t.timestamps
                    end

                    reversible do |dir|
                      dir.up do
                        execute <<~SQL
                          UPDATE invoices SET paid = FALSE WHERE paid IS NULL;
                        SQL
                      end
                      dir.down { execute "SELECT 1" }
                    end

                    add_index :payments, :paid_at, where: "paid_at IS NOT NULL", algorithm: :concurrently
                    Payment.reset_column_information
                    add_column :invoices, :total, :integer, default: -> { "0" }
                    add_index :payments, :state if ENV["WITH_STATE"]
                  end
                end
                """);
        MigrationFile file = reader.list(dir).get(0);
        List<SqlStatement> pg = reader.statements(file, Engine.POSTGRESQL);
        assertThat(pg)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE \"payments\" (\"id\" uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY, \"invoice_id\" bigint NOT NULL,"
                                + " \"amount\" decimal(12,2) NOT NULL, \"paid_at\" timestamp(6), \"state\" character varying(20) DEFAULT 'pending',"
                                + " \"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL, CONSTRAINT \"fk_rails_"
                                + io.migrescue.migration.rails.RailsNames.foreignKey("payments", "invoice_id")
                                        .substring(9)
                                + "\"\nFOREIGN KEY (\"invoice_id\")\n"
                                + "  REFERENCES \"invoices\" (\"id\")\n ON DELETE CASCADE)",
                        "CREATE UNIQUE INDEX \"index_payments_on_invoice_id\" ON \"payments\" (\"invoice_id\")",
                        "CREATE INDEX \"index_payments_on_state\" ON \"payments\" (\"state\")",
                        "UPDATE invoices SET paid = FALSE WHERE paid IS NULL",
                        "CREATE INDEX CONCURRENTLY \"index_payments_on_paid_at\" ON \"payments\" (\"paid_at\") WHERE paid_at IS NOT NULL",
                        "-- not understood: Payment.reset_column_information",
                        "-- not understood: add_column :invoices, :total, :integer, default: -> { \"0\" }",
                        "-- not understood: add_index :payments, :state if ENV[\"WITH_STATE\"]");
        assertThat(pg).extracting(SqlStatement::line).containsExactly(5, 6, 9, 15, 22, 23, 24, 25);

        List<SqlStatement> mysql = reader.statements(file, Engine.MARIADB);
        assertThat(mysql.get(0).sql())
                .as("a uuid id is PostgreSQL's")
                .startsWith("-- not understood: create_table :payments, id: :uuid");
    }

    @Test
    void upIsReadWhenThereIsNoChange(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240302000000_backfill.rb"), """
                class Backfill < ActiveRecord::Migration[6.1]
                  def up
                    add_column :users, :score, :integer, null: false, default: 0
                    execute "UPDATE users SET score = 1"
                  end

                  def down
                    remove_column :users, :score
                  end
                end
                """);
        Files.writeString(dir.resolve("schema.rb"), "ActiveRecord::Schema.define(version: 1) do\nend\n");
        List<MigrationFile> files = reader.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("20240302000000");
        assertThat(reader.statements(files.get(0), Engine.MARIADB))
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "ALTER TABLE `users` ADD `score` int DEFAULT 0 NOT NULL", "UPDATE users SET score = 1");
    }

    @Test
    void changeTableIsReadLineByLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240303000000_change_users.rb"), """
                class ChangeUsers < ActiveRecord::Migration[7.1]
                  def change
                    change_table :users do |t|
                      t.string :nickname, limit: 40
                      t.remove :legacy
                      t.index :nickname, unique: true
                      t.rename :name, :full_name
                      t.references :team, foreign_key: true
                      t.magic :x
                    end
                  end
                end
                """);
        List<SqlStatement> mysql = reader.statements(reader.list(dir).get(0), Engine.MARIADB);
        assertThat(mysql)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "ALTER TABLE `users` ADD `nickname` varchar(40)",
                        "ALTER TABLE `users` DROP COLUMN `legacy`",
                        "CREATE UNIQUE INDEX `index_users_on_nickname` ON `users` (`nickname`)",
                        "ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`",
                        "ALTER TABLE `users` ADD `team_id` bigint",
                        "CREATE INDEX `index_users_on_team_id` ON `users` (`team_id`)",
                        "ALTER TABLE `users` ADD CONSTRAINT `"
                                + io.migrescue.migration.rails.RailsNames.foreignKey("users", "team_id")
                                + "`\nFOREIGN KEY (`team_id`)\n  REFERENCES `teams` (`id`)",
                        "-- not understood: t.magic :x");
        assertThat(mysql).extracting(SqlStatement::line).containsExactly(4, 5, 6, 7, 8, 8, 8, 9);
    }
}
