"""The caseload's reassignment form: its shape only; the service checks and words the choice."""

from django import forms


class CasesReassignForm(forms.Form):
    """Cases of the page shown, and the officer to give them to (both checked by the service,
    which says what is missing)."""

    use_required_attribute = False

    cases = forms.MultipleChoiceField(
        label="Cases", required=False, widget=forms.CheckboxSelectMultiple
    )
    officer = forms.ChoiceField(label="Give the selected cases to", required=False)

    def __init__(
        self, *args, cases: list[tuple[str, str]], officers: list[tuple[str, str]], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = cases
        self.fields["officer"].choices = [("", "Select an officer"), *officers]
        # A case moved off the page, or an officer who left, since the page was shown is the
        # service's to report.
        for name in ("cases", "officer"):
            self.fields[name].valid_value = lambda value: True
        self.error_hrefs: dict[str, str] = {}
