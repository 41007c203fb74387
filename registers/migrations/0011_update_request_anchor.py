"""An update request falls due from the parents' last request, else from the child's
registration (s.436D). The entry keeps the day of its last request, and an index over the day
each open entry's interval runs from lets the scheduled job read only the children due."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate

# rules.cases.UPDATE_REQUEST_STATUSES when this was written.
UPDATE_REQUEST_STATUSES = ("registered", "suitable_monitoring", "enquiry", "info_outstanding")


def last_requests_kept(apps, schema_editor):
    """Each entry asked before keeps the day (local time) of its last update request."""
    RegisterEntry = apps.get_model("registers", "RegisterEntry")
    InformationRequest = apps.get_model("registers", "InformationRequest")
    requests = InformationRequest.objects.filter(entry=OuterRef("pk"), kind="parent_update")
    last_day = requests.order_by("-sent_at").annotate(day=TruncDate("sent_at")).values("day")
    RegisterEntry.objects.filter(Exists(requests)).update(
        update_requested_on=Subquery(last_day[:1])
    )


class Migration(migrations.Migration):
    dependencies = [("registers", "0010_register_order_and_postcode_indexes")]

    operations = [
        migrations.AddField(
            model_name="registerentry",
            name="update_requested_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(last_requests_kept, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(
                models.F("authority"),
                Coalesce("update_requested_on", "registered_on", "notified_on"),
                condition=models.Q(status__in=UPDATE_REQUEST_STATUSES),
                name="entry_update_request_anchor",
            ),
        ),
    ]
