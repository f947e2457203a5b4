package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.PythonTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Django (Debian's python3-django) on PostgreSQL: django_migrations lost the row of shop.0001 while shop.0002,
 * which depends on it, is recorded, so {@code manage.py migrate} stops with InconsistentMigrationHistory. migrescue
 * finds 0001's effects all in the schema, records it as {@code migrate --fake} would, leaves 0003 (not in effect) to
 * Django, and {@code manage.py migrate} then succeeds with Django's own schema and every row kept.
 */
class DjangoInconsistentHistoryIT {
    private static final String INITIAL = """
            from django.db import migrations, models


            class Migration(migrations.Migration):

                initial = True

                dependencies = [
                ]

                operations = [
                    migrations.CreateModel(
                        name='Customer',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('email', models.EmailField(max_length=254, unique=True)),
                        ],
                    ),
                ]
            """;
    private static final String ORDERS = """
            from django.db import migrations, models
            import django.db.models.deletion


            class Migration(migrations.Migration):

                dependencies = [
                    ('shop', '0001_initial'),
                ]

                operations = [
                    migrations.CreateModel(
                        name='Order',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('ref', models.CharField(max_length=20)),
                            ('customer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='shop.customer')),
                        ],
                    ),
                ]
            """;
    private static final String NOTE = """
            from django.db import migrations, models


            class Migration(migrations.Migration):

                dependencies = [
                    ('shop', '0002_orders'),
                ]

                operations = [
                    migrations.AddField(
                        model_name='order',
                        name='note',
                        field=models.CharField(blank=True, default='', max_length=40),
                    ),
                ]
            """;

    private static PythonTools.Result manage(Path project, ScratchDatabase db, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "manage.py";
        System.arraycopy(args, 0, all, 1, args.length);
        return PythonTools.run(project, db, all);
    }

    @Test
    void aDependencyWhoseRowIsGoneIsRecordedAndMigrateGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "django inconsistent")) {
            Path project = PythonTools.djangoProject(tmp.resolve("project"));
            PythonTools.write(project.resolve("shop/migrations/0001_initial.py"), INITIAL);
            PythonTools.write(project.resolve("shop/migrations/0002_orders.py"), ORDERS);
            PythonTools.Result first = manage(project, db, "migrate");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute(
                    "INSERT INTO shop_customer (id, email) VALUES (1, 'ann@example.com')",
                    "INSERT INTO shop_order (id, ref, customer_id) VALUES (5, 'R-5', 1)",
                    "DELETE FROM django_migrations WHERE app = 'shop' AND name = '0001_initial'");
            PythonTools.write(project.resolve("shop/migrations/0003_order_note.py"), NOTE);
            PythonTools.Result stuck = manage(project, db, "migrate");
            assertThat(stuck.exitCode()).as(stuck.output()).isNotZero();
            assertThat(stuck.output()).contains("InconsistentMigrationHistory");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", project.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("shop.0001_initial")
                    .contains("baseline-applied-migrations")
                    .contains("left for django to run");
            assertThat(CliRun.on(db, "status", "--migrations", project.toString())
                            .exitCode())
                    .isEqualTo(1);

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    project.toString(),
                    "--backup-dir",
                    tmp.resolve("backup").toString(),
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(rows(db, "SELECT name FROM django_migrations WHERE app = 'shop' ORDER BY name"))
                    .containsExactly(List.of("0001_initial"), List.of("0002_orders"));

            PythonTools.Result next = manage(project, db, "migrate");
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("0003_order_note");
            try (ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "django clean")) {
                assertThat(manage(project, clean, "migrate").exitCode()).isZero();
                assertThat(PythonTools.schema(db)).isEqualTo(PythonTools.schema(clean));
            }
            assertThat(
                            rows(
                                    db,
                                    "SELECT c.email, o.ref, o.note FROM shop_order o JOIN shop_customer c ON c.id = o.customer_id"))
                    .containsExactly(List.of("ann@example.com", "R-5", ""));
        }
    }
}
