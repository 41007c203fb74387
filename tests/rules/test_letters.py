"""The letters' placeholders: a template may name only known placeholders, each problem named;
every built-in text is itself a valid template; filling leaves no brace behind."""

import pytest

from registers.rules.letters import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    LetterKind,
    LetterText,
    answer_period_days,
    letter_fill,
    template_errors,
)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_has_a_built_in_text_that_passes_its_own_check(kind):
    text = DEFAULT_TEMPLATES[kind]
    assert template_errors(title=text.title, body=text.body) == {}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{child_nme}", "{child_nme} is not a placeholder"),
        ("{}", "{} is not a placeholder"),
        ("{0}", "{0} is not a placeholder"),
        ("{child_name.__class__}", "{child_name.__class__} is not a placeholder"),
        ("{child_name!r}", "{child_name!r} is not a placeholder"),
        ("{child_name:>20}", "{child_name:>20} is not a placeholder"),
        ("{child_name", "A { or } does not open or close a placeholder"),
        ("child_name}", "A { or } does not open or close a placeholder"),
        ("", "Enter the letter's text"),
        ("   ", "Enter the letter's text"),
        ("x" * 10_001, "The letter's text must be 10,000 characters or fewer"),
    ],
)
def test_a_bad_template_is_refused_naming_the_problem(body, message):
    errors = template_errors(title="A title", body=body)
    assert list(errors) == ["body"]
    assert errors["body"][0].startswith(message)


def test_each_unknown_placeholder_is_named_once():
    errors = template_errors(title="{a}", body="{b} {c} {b} {child_name}")
    assert [message.split(" ")[0] for message in errors["body"]] == ["{b}", "{c}"]
    assert errors["title"][0].startswith("{a}")


def test_the_longest_text_allowed_is_accepted():
    assert template_errors(title="t" * 200, body="x" * 10_000) == {}
    assert "title" in template_errors(title="t" * 201, body="x")


def test_filling_replaces_every_placeholder_and_keeps_doubled_braces():
    template = LetterText(
        title="To {parent_name}",
        body=" ".join(f"{{{name}}}" for name in PLACEHOLDERS) + " {{kept}}",
    )
    filled = letter_fill(template, {name: name.upper() for name in PLACEHOLDERS})
    assert filled.title == "To PARENT_NAME"
    assert filled.body.endswith("CONSENT_CONDITION {kept}")


@pytest.mark.parametrize(
    ("kind", "days"),
    [
        (LetterKind.NOTICE_TO_SATISFY, 21),
        (LetterKind.SCHOOL_NOMINATION_NOTICE, 15),
        (LetterKind.UPDATE_REQUEST, 30),
        (LetterKind.WELCOME, 30),
    ],
)
def test_the_answer_period_depends_on_the_letter(kind, days):
    assert (
        answer_period_days(kind, registration_period_days=30, notice_to_satisfy_period_days=21)
        == days
    )
