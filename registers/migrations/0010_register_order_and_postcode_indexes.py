"""The register is read in the order of one index, at any depth; postcodes are found by index.

The register's live entries are indexed in its order (newest notification first, then the
entry recorded last) after their LA, with the child last so that the register is counted from
the index alone; this replaces the index on (LA, notified on). Archived children, which the
count leaves out, have a small index of their own.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0009_information_pages"),
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
            model_name="child",
            index=models.Index(
                condition=models.Q(("archived_at__isnull", False)),
                fields=["id"],
                name="child_archived",
            ),
        ),
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(
                condition=models.Q(("archived_at__isnull", True)),
                fields=["authority", "-notified_on", "-created_at", "-id", "child"],
                name="register_entry_order",
            ),
        ),
    ]
