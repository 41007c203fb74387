"""Each LA's footer pages (privacy notice, accessibility statement, cookies, contact) in its own
words, and its postal address. Blank fields show the defaults the service writes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registers", "0006_audit_truncate_link_secrets")]

    operations = [
        migrations.AddField(
            model_name="localauthority",
            name="contact_address",
            field=models.TextField(blank=True, help_text="The postal address, a line each."),
        ),
        migrations.AddField(
            model_name="localauthority",
            name="privacy_notice",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="localauthority",
            name="accessibility_statement",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="localauthority",
            name="cookies_text",
            field=models.TextField(blank=True, verbose_name="cookies page text"),
        ),
        migrations.AddField(
            model_name="localauthority",
            name="contact_text",
            field=models.TextField(blank=True, verbose_name="contact page text"),
        ),
    ]
