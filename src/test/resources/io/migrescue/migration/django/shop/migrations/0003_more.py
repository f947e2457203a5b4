from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0002_warehouse'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='warehouse',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to='shop.warehouse'),
        ),
        migrations.AddField(
            model_name='order',
            name='note',
            field=models.CharField(default='', max_length=40),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='order',
            name='ref',
            field=models.CharField(max_length=30, db_index=True),
        ),
        migrations.AlterField(
            model_name='customer',
            name='age',
            field=models.IntegerField(default=0),
        ),
        migrations.RenameField(
            model_name='order',
            old_name='total',
            new_name='amount',
        ),
        migrations.RemoveField(
            model_name='customer',
            name='bio',
        ),
        migrations.RunSQL("UPDATE shop_order SET note = 'x'; UPDATE shop_order SET note = 'y'", reverse_sql=migrations.RunSQL.noop),
        migrations.RenameModel(old_name='Warehouse', new_name='Depot'),
        migrations.CreateModel(
            name='Tag',
            fields=[
                ('id', models.AutoField(primary_key=True, serialize=False)),
                ('label', models.CharField(max_length=20)),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tags', to='shop.order')),
            ],
            options={'db_table': 'tags', 'unique_together': {('order', 'label')}},
        ),
        migrations.DeleteModel(name='Depot'),
    ]
