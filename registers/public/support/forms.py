"""The request for support form (s.436G): shape only; the rules are in the service."""

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms

from registers.forms import gds_helper


class SupportRequestForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=100,
        error_messages={
            "required": "Enter your name",
            "max_length": "Your name must be 100 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address (optional if you give a phone number)",
        max_length=254,
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.RegexField(
        label="Phone number (optional if you give an email address)",
        regex=r"^[0-9+() -]{7,30}$",
        max_length=30,
        required=False,
        error_messages={
            "invalid": "Enter a phone number, like 01632 960 001 or 07700 900 982",
            "max_length": "Phone number must be 30 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    child_name = forms.CharField(
        label="Your child's name",
        max_length=200,
        error_messages={
            "required": "Enter your child's name",
            "max_length": "Your child's name must be 200 characters or fewer",
        },
    )
    reference = forms.CharField(
        label="Your reference (optional)",
        help_text="If you have one from our emails, like HXK4-7QWT",
        max_length=12,
        required=False,
        error_messages={"max_length": "Your reference must be 12 characters or fewer"},
    )
    support_wanted = forms.CharField(
        label="What support would you like?",
        help_text="For example, advice about resources, exams or special educational needs",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter what support you would like",
            "max_length": "What support you would like must be 2000 characters or fewer",
        },
    )
    idempotency_key = forms.RegexField(
        regex=r"^[0-9a-f]{32}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": "Reload the page, then send your request again",
            "invalid": "Reload the page, then send your request again",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Fieldset(
                Field.text("name", field_width=20),
                Field.text("email", field_width=20),
                Field.text("phone", field_width=20),
                legend="About you",
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Fieldset(
                Field.text("child_name", field_width=20),
                Field.text("reference", field_width=10),
                legend="About your child",
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Field.textarea(
                "support_wanted",
                rows=6,
                max_characters=2000,
                label_size=Size.MEDIUM,
                label_tag="h2",
            ),
            Field("idempotency_key"),
            Submit("send", "Send request"),
        )
