"""The register's search and filters: a GET form in the MOJ filter panel, on the one form
toolkit. Each filter is a set of checkboxes; what they mean in the database is the register
selector's."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from registers.forms import GovukForm, text_field
from registers.rules.codes import CaseStatus, PrimaryReason, SenProvision, YearGroup
from registers.rules.search import SEARCH_HINT
from registers.validation import Text

SEARCH = Text("Search", 100)
OVERDUE = "yes"


def _checkboxes(label: str, choices, what: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": f"Select {what} from the list"},
    )


class RegisterFilterForm(GovukForm):
    submit_label = "Apply filters"
    submit_name = "apply"

    q = text_field(SEARCH, help_text=SEARCH_HINT)
    status = _checkboxes("Status", CaseStatus.choices, "a status")
    reason = _checkboxes("Main reason", PrimaryReason.choices, "a main reason")
    year_group = _checkboxes("Year group", YearGroup.choices, "a year group")
    sen = _checkboxes(
        "Special educational needs",
        [(str(code), code.label) for code in (SenProvision.SEN_SUPPORT, SenProvision.EHC_PLAN)],
        "SEN support or an EHC plan",
    )
    overdue = _checkboxes("Overdue work", [(OVERDUE, "Has overdue tasks")], "overdue work")
    sort = forms.ChoiceField(
        label="Sort by", required=False, error_messages={"invalid_choice": "Select an order"}
    )

    def __init__(self, *args, sorts: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sort"].choices = sorts
        self.helper.form_method = "get"

    def layout_items(self) -> list:
        return [
            Field.text("q", label_size=Size.SMALL),
            Field.select("sort", label_size=Size.SMALL),
            *(
                Field.checkboxes(name, legend_size=Size.SMALL, small=True)
                for name in ("status", "reason", "year_group", "sen", "overdue")
            ),
        ]
