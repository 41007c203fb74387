"""The register is read in the order of one index, at any depth; postcodes are found by index.

The register's order (newest notification first, then the entry recorded last) is served by an
index on the entry's own columns after its LA, which replaces the index on (LA, notified on).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0005_audit_children"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="registerentry",
            name="registers_r_authori_750493_idx",
        ),
        migrations.AddIndex(
            model_name="address",
            index=models.Index(fields=["postcode"], name="address_postcode"),
        ),
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(
                fields=["authority", "-notified_on", "-created_at", "-id"],
                name="register_entry_order",
            ),
        ),
    ]
