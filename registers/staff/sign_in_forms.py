"""The sign-in forms: email and password, then the one-time code."""

from crispy_forms_gds.layout import Field
from django import forms

from registers.forms import GovukForm
from registers.validation import EMAIL_INVALID

EMAIL_REQUIRED = "Enter your email address"
PASSWORD_REQUIRED = "Enter your password"


class SignInForm(GovukForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={"required": EMAIL_REQUIRED, "invalid": EMAIL_INVALID},
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        max_length=200,
        strip=False,
        error_messages={"required": PASSWORD_REQUIRED},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def layout_items(self) -> list:
        return [Field.text("email"), Field.text("password")]


class SignInCodeForm(GovukForm):
    submit_label = "Sign in"
    submit_name = "sign_in"

    code = forms.RegexField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app",
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": "Enter the security code",
            "invalid": "The security code must be 6 digits",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def layout_items(self) -> list:
        return [Field.text("code", field_width=5)]
