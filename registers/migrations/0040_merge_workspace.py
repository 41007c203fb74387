"""Joins the workspace's migrations, each made beside the others from the register's size."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0025_record"),
        ("registers", "0026_cases"),
        ("registers", "0027_review"),
        ("registers", "0028_tasks"),
        ("registers", "0029_letters"),
        ("registers", "0030_dashboard"),
        ("registers", "0031_admin"),
    ]

    operations = []
