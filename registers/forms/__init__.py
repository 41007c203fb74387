"""One GOV.UK form toolkit for every journey, public and staff.

Fields check what is typed with registers.validation, the same checks the intake contracts
make; pages lay a form out as a GOV.UK question page, run the intake's check of the whole page
with the fields' own (so a page shows every error at once) and reveal questions under a radio as
GOV.UK Frontend does; errors show a service's refusal on the form and link the error summary to
each field; answers say a blank answer the same way on every check answers page.
"""

from registers.forms.answers import NOT_GIVEN, answer_shown
from registers.forms.errors import error_summary_links, service_errors_show
from registers.forms.fields import (
    CheckedField,
    DateField,
    MonthYearField,
    choice_radios,
    email_field,
    form_check,
    hours_field,
    phone_field,
    postcode_field,
    radios,
    text_field,
    textarea_field,
    website_field,
    yes_no,
)
from registers.forms.pages import (
    PAGE_HEADING_LEGEND,
    AddressFields,
    AddressForm,
    GovukForm,
    PageHeadingHelper,
    PrefixedAddressFields,
    QuestionForm,
    RemoveForm,
    RevealedQuestion,
    RevealedRadios,
    SummaryForm,
    YesNoQuestion,
    heading,
    posted_data,
    section,
)

__all__ = [
    "NOT_GIVEN",
    "PAGE_HEADING_LEGEND",
    "AddressFields",
    "AddressForm",
    "CheckedField",
    "DateField",
    "GovukForm",
    "MonthYearField",
    "PageHeadingHelper",
    "PrefixedAddressFields",
    "QuestionForm",
    "RemoveForm",
    "RevealedQuestion",
    "RevealedRadios",
    "SummaryForm",
    "YesNoQuestion",
    "answer_shown",
    "choice_radios",
    "email_field",
    "error_summary_links",
    "form_check",
    "heading",
    "hours_field",
    "phone_field",
    "postcode_field",
    "posted_data",
    "radios",
    "section",
    "service_errors_show",
    "text_field",
    "textarea_field",
    "website_field",
    "yes_no",
]
