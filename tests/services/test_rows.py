"""New rows of several tables written together (registers.services.rows)."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from registers.models import Address, Child, ChildPerson, Person, Task
from registers.rules.codes import Relationship, Sex
from registers.services.rows import keys_draw, rows_insert
from tests.statements import statements_run

pytestmark = pytest.mark.django_db


def family(authority, parents: int) -> tuple[Child, list[Address], list[Person], list]:
    """A child, their parents at their own addresses, and the links between them: unsaved."""
    child = Child(
        authority=authority,
        first_name="Amelia",
        last_name="Brightwater",
        date_of_birth=date(2015, 6, 10),
        sex=Sex.FEMALE,
    )
    homes = [
        Address(line_1=f"{number} Quay Lane", town="Exeter", postcode="EX1 1AA")
        for number in range(1, parents + 1)
    ]
    people = [
        Person(authority=authority, first_name=f"Parent {number}", last_name="B", address=home)
        for number, home in enumerate(homes, start=1)
    ]
    links = [
        ChildPerson(child=child, person=person, relationship=Relationship.PARENT)
        for person in people
    ]
    return child, homes, people, links


def test_rows_pointing_at_each_other_are_saved_with_their_keys(devon):
    child, homes, people, links = family(devon, parents=3)
    tasks = [
        Task(authority=devon, kind=Task.Kind.REVIEW_NOTIFICATION, due_on=date(2026, 12, day))
        for day in (3, 1, 2)
    ]

    keys_draw([*homes, *people])
    rows_insert([child, *homes, *people, *links, *tasks])

    saved = {
        link.person.first_name: link.person.address.line_1
        for link in ChildPerson.objects.filter(child=child).select_related("person__address")
    }
    assert saved == {
        "Parent 1": "1 Quay Lane",
        "Parent 2": "2 Quay Lane",
        "Parent 3": "3 Quay Lane",
    }
    # Rows whose keys the database chose have them too, each its own.
    assert {link.pk for link in links} == set(ChildPerson.objects.values_list("pk", flat=True))
    assert [Task.objects.get(pk=task.pk).due_on.day for task in tasks] == [3, 1, 2]
    assert not any(row._state.adding for row in [child, *homes, *people, *links, *tasks])


def test_the_keys_come_in_the_order_of_the_rows(devon):
    homes = [Address(line_1=str(number), town="Exeter", postcode="EX1 1AA") for number in range(4)]

    keys_draw(homes)

    assert [home.pk for home in homes] == sorted(home.pk for home in homes)
    assert len({home.pk for home in homes}) == 4


def test_a_row_pointing_at_a_row_without_its_key_is_refused(devon):
    child, homes, people, links = family(devon, parents=1)

    with pytest.raises(ValueError, match="unsaved related object 'address'"):
        rows_insert([child, *homes, *people, *links])

    assert not Person.objects.exists()


def test_one_refused_row_saves_nothing_of_any_table(devon):
    child, homes, people, links = family(devon, parents=2)
    keys_draw([*homes, *people])
    twice = [links[0], ChildPerson(child=child, person=people[0], relationship="parent")]

    with pytest.raises(IntegrityError), transaction.atomic():
        rows_insert([child, *homes, *people, *twice])

    for model in (Child, Address, Person, ChildPerson):
        assert not model.objects.exists(), model.__name__


@pytest.mark.parametrize("parents", [1, 6])
def test_postgresql_writes_every_table_in_one_statement(devon, postgres_only, parents):
    child, homes, people, links = family(devon, parents=parents)

    drawing = statements_run(lambda: keys_draw([*homes, *people]))
    inserting = statements_run(lambda: rows_insert([child, *homes, *people, *links]))

    assert (len(drawing), len(inserting)) == (1, 1)
    assert ChildPerson.objects.count() == parents


def test_keys_drawn_are_never_handed_out_again(devon):
    drawn = [Address(line_1="1 Quay Lane", town="Exeter", postcode="EX1 1AA")]
    keys_draw(drawn)

    made = Address.objects.create(line_1="2 Quay Lane", town="Exeter", postcode="EX1 1AA")

    assert made.pk > drawn[0].pk
