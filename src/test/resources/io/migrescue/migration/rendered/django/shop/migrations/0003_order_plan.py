from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0002_warehouse_and_fk'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='plan',
            field=models.CharField(max_length=20),
        ),
    ]
