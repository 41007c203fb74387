"""The national pages' forms: their checks are the services' own, in the same words."""

from django import forms

from national.models import Term
from national.services import period_errors, source_errors


class SourceForm(forms.Form):
    old_la_code = forms.CharField(label="LA number (DfE)", max_length=3, required=False)
    base_url = forms.CharField(
        label="Address of the LA's register", max_length=300, required=False
    )
    token = forms.CharField(
        label="Token (returns:read scope)",
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False),
    )

    def clean(self):
        data = super().clean()
        for name, message in source_errors(
            data.get("old_la_code", "").strip(),
            data.get("base_url", "").strip(),
            data.get("token", "").strip(),
        ).items():
            self.add_error(name, message)
        return data


class CollectForm(forms.Form):
    academic_year = forms.CharField(label="Academic year", max_length=7, required=False)
    term = forms.ChoiceField(label="Term", choices=Term.choices, required=False)

    def clean(self):
        data = super().clean()
        for name, message in period_errors(
            data.get("academic_year", "").strip(), data.get("term", "")
        ).items():
            self.add_error(name, message)
        return data
