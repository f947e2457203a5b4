package io.migrescue.migration.django;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.MigrationStatements;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DjangoMigrationsTest {
    /** makemigrations output of Django 3.2 (0001, 0002) and a hand-written 0003, with what sqlmigrate printed for each. */
    private static final Path SAMPLE = Path.of("src/test/resources/io/migrescue/migration/django");

    private final DjangoMigrations reader = new DjangoMigrations();

    /**
     * sqlmigrate's statements one per element: comments, BEGIN/COMMIT dropped; a line holding two statements (PostgreSQL's
     * {@code SET CONSTRAINTS … IMMEDIATE} after an inline foreign key, RunSQL's text) split. SET CONSTRAINTS only changes
     * the session, so the reader leaves it out.
     */
    private static List<String> sqlmigrate(String file) throws Exception {
        return Files.readAllLines(SAMPLE.resolve(file)).stream()
                .filter(l -> !l.startsWith("--") && !l.isBlank() && !l.equals("BEGIN;") && !l.equals("COMMIT;"))
                .flatMap(l -> Arrays.stream(l.split(";( |$)")))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("SET CONSTRAINTS"))
                .toList();
    }

    @ParameterizedTest
    @CsvSource({
        "POSTGRESQL, postgresql, 0001",
        "POSTGRESQL, postgresql, 0002",
        "POSTGRESQL, postgresql, 0003",
        "MARIADB, mariadb, 0001",
        "MARIADB, mariadb, 0002",
        "MARIADB, mariadb, 0003"
    })
    void makemigrationsOutputRendersAsSqlmigratePrintsIt(Engine engine, String name, String number) throws Exception {
        MigrationFile file = reader.list(SAMPLE).stream()
                .filter(f -> f.id().startsWith("shop." + number))
                .findFirst()
                .orElseThrow();
        List<SqlStatement> statements = reader.statements(file, engine);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactlyElementsOf(sqlmigrate("sqlmigrate-" + name + "-" + number + ".sql"));
    }

    @Test
    void theProjectOrOneAppsFolderListsMigrationsInDependencyOrderKeyedByApp(@TempDir Path dir) throws Exception {
        write(
                dir.resolve("shop/migrations/0001_initial.py"),
                List.of("('billing', '0001_initial')"),
                "migrations.CreateModel(name='Order', fields=[('ref', models.CharField(max_length=20))])");
        write(
                dir.resolve("shop/migrations/0002_order_invoice.py"),
                List.of("('shop', '0001_initial')", "('billing', '0002_more')"),
                "migrations.AddField(model_name='order', name='invoice', field=models.ForeignKey(on_delete=models.CASCADE,"
                        + " to='billing.invoice'))");
        write(
                dir.resolve("billing/migrations/0001_initial.py"),
                List.of(),
                "migrations.CreateModel(name='Invoice', fields=[('id', models.AutoField(primary_key=True, serialize=False))],"
                        + " options={'db_table': 'invoices'})");
        write(dir.resolve("billing/migrations/0002_more.py"), List.of("('billing', '0001_initial')"), "");
        Files.createDirectories(dir.resolve("venv/lib/site-packages/other/migrations"));

        List<MigrationFile> files = MigrationStatements.list(dir);
        assertThat(files)
                .extracting(MigrationFile::id)
                .containsExactly(
                        "billing.0001_initial", "billing.0002_more", "shop.0001_initial", "shop.0002_order_invoice");
        assertThat(files).extracting(MigrationFile::tool).containsOnly("django");
        assertThat(reader.list(dir.resolve("shop/migrations")))
                .extracting(MigrationFile::id)
                .containsExactly("shop.0001_initial", "shop.0002_order_invoice");

        // the implicit BigAutoField id of a model without a primary key; the FK column to an AutoField is an integer
        assertThat(reader.statements(files.get(2), Engine.POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE \"shop_order\" (\"id\" bigserial NOT NULL PRIMARY KEY, \"ref\" varchar(20) NOT NULL)");
        assertThat(reader.statements(files.get(3), Engine.MARIADB))
                .extracting(SqlStatement::sql)
                .containsExactly("ALTER TABLE `shop_order` ADD COLUMN `invoice_id` integer NOT NULL , ADD CONSTRAINT"
                        + " `shop_order_invoice_id_"
                        + DjangoNames.index(Engine.MARIADB, "shop_order", List.of("invoice_id"), "")
                                .substring("shop_order_invoice_id_".length())
                        + "_fk_invoices_id` FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`)");
    }

    @Test
    void whatItCannotReadIsSaidAndNeverGuessed(@TempDir Path dir) throws Exception {
        write(dir.resolve("shop/migrations/0001_initial.py"), List.of(), """
                migrations.CreateModel(name='Order', fields=[('ref', models.CharField(max_length=20)), ('n', models.IntegerField())]),
                migrations.RunPython(forwards, migrations.RunPython.noop),
                migrations.AlterField(model_name='order', name='ref', field=models.ForeignKey(on_delete=models.CASCADE, to='shop.order')),
                migrations.AddField(model_name='order', name='at', field=models.DateTimeField(default=django.utils.timezone.now)),
                migrations.AddConstraint(model_name='order', constraint=models.CheckConstraint(check=models.Q(n__in=[1, 2]), name='n_in')),
                migrations.AddField(model_name='order', name='tags', field=models.ManyToManyField(to='shop.order')),
                migrations.AddIndex(model_name='order', index=models.Index(fields=['n'], name='n_idx'))""");
        List<SqlStatement> sql = reader.statements(reader.list(dir).get(0), Engine.MARIADB);
        assertThat(sql)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "CREATE TABLE `shop_order` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `ref` varchar(20) NOT NULL, `n` integer NOT NULL)",
                        "-- not understood: migrations.RunPython(forwards, migrations.RunPython.noop)",
                        "-- not understood: migrations.AlterField(model_name='order', name='ref', field=models.ForeignKey(on_delete=models.CASCADE, to='shop.order'))",
                        "-- not understood: migrations.AddField(model_name='order', name='at', field=models.DateTimeField(default=django.utils.timezone.now))",
                        "-- not understood: migrations.AddConstraint(model_name='order', constraint=models.CheckConstraint(check=models.Q(n__in=[1, 2]), name='n_in'))",
                        "-- not understood: migrations.AddField(model_name='order', name='tags', field=models.ManyToManyField(to='shop.order'))",
                        "CREATE INDEX `n_idx` ON `shop_order` (`n`)");
        assertThat(sql.get(1).line()).isEqualTo(12); // the line of migrations.RunPython(
    }

    @Test
    void longNamesAreShortenedAsDjangoShortensThem() {
        // django.db.backends.base.schema._create_index_name for a name over PostgreSQL's 63 characters
        // (the value Django 3.2 itself computes for these arguments)
        assertThat(DjangoNames.foreignKey(
                        Engine.POSTGRESQL,
                        "inventory_warehouselocation",
                        "responsible_department_id",
                        "inventory_department",
                        "id"))
                .isEqualTo("inventory_warehousel_responsible_departme_2574838b_fk_inventory");
        assertThat(DjangoNames.foreignKey(Engine.MARIADB, "shop_order", "customer_id", "shop_customer", "id"))
                .isEqualTo("shop_order_customer_id_f638df20_fk_shop_customer_id");
    }

    private static void write(Path file, List<String> dependencies, String operations) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file.getParent().resolve("__init__.py"), "");
        Files.writeString(
                file,
                """
                from django.db import migrations, models


                class Migration(migrations.Migration):

                    dependencies = [
                %s
                    ]

                    operations = [
                %s
                    ]
                """.formatted(
                        String.join(",\n", dependencies).indent(8), operations.isEmpty() ? "" : operations.indent(8)),
                StandardCharsets.UTF_8);
    }
}
