"""The period a report covers: two GOV.UK date inputs, asked for by GET."""

from crispy_forms_gds.layout import Field, Size
from django.core.exceptions import ValidationError

from registers.forms import DateField, GovukForm
from registers.validation import DateQuestion

STARTS = DateQuestion("Start date", example="1 9 2026")
ENDS = DateQuestion("End date", example="31 12 2026")
ENDS_BEFORE_STARTS = "End date must be the same as or after the start date"


class ReportPeriodForm(GovukForm):
    submit_label = "Show the report"
    submit_name = "show"

    starts = DateField(question=STARTS, label="Start date")
    ends = DateField(question=ENDS, label="End date")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"

    def layout_items(self) -> list:
        return [
            Field("starts", legend_size=Size.SMALL),
            Field("ends", legend_size=Size.SMALL),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", ValidationError(ENDS_BEFORE_STARTS))
        return cleaned
