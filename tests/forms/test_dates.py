"""The toolkit's date fields give the GOV.UK date error for anything that is not a real date."""

from datetime import date

import pytest
from django import forms

from registers.forms import DateField, MonthYearField
from registers.validation import DateQuestion, MonthYearQuestion


class BornForm(forms.Form):
    born = DateField(question=DateQuestion("Your child's date of birth"))


class MovedForm(forms.Form):
    moved = MonthYearField(question=MonthYearQuestion("The date you moved"))


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "1", "99999999999", "Year must include 4 numbers"),
        (
            " ",
            "1",
            "2016",
            "Enter your child's date of birth – day, month and year, like 27 3 2016",
        ),
        ("²", "1", "2016", "Your child's date of birth must be a real date"),
        ("1", "1", "0000", "Your child's date of birth must be a real date"),
        ("31", "2", "2016", "Your child's date of birth must be a real date"),
        ("aa", "bb", "cccc", "Your child's date of birth must be a real date"),
    ],
)
def test_a_date_that_is_not_real_gets_one_gov_uk_error(day, month, year, message):
    form = BornForm({"born_0": day, "born_1": month, "born_2": year})

    assert not form.is_valid()
    assert form.errors["born"] == [message]


def test_a_real_date_is_a_date():
    form = BornForm({"born_0": " 27 ", "born_1": "3", "born_2": "2016"})

    assert form.is_valid()
    assert form.cleaned_data["born"] == date(2016, 3, 27)


@pytest.mark.parametrize(
    ("month", "year", "message"),
    [
        ("13", "2020", "The date you moved must be a real date"),
        ("1", "99999", "Year must include 4 numbers"),
        ("٣", "2020", "The date you moved must be a real date"),
        ("3", "", "The date you moved must include a month and a year"),
        ("", "", "Enter the date you moved, like 3 2024"),
    ],
)
def test_a_month_that_is_not_real_gets_one_gov_uk_error(month, year, message):
    form = MovedForm({"moved_0": month, "moved_1": year})

    assert not form.is_valid()
    assert form.errors["moved"] == [message]
