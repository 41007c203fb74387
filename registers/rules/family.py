"""Who has parental responsibility for a child, as far as the relationship alone says.

Children Act 1989 ss.2-4A: a mother always has it, and a father or second parent where married
to the mother or registered on the birth certificate (which the register assumes, and an officer
corrects); a guardian has it by appointment (s.5(6)). A step-parent, a grandparent, a foster
carer or another carer has it only by an agreement or court order the relationship does not
show, so the register does not assume it.
"""

from registers.rules.codes import Relationship

WITHOUT_PARENTAL_RESPONSIBILITY = frozenset(
    {
        Relationship.STEP_PARENT,
        Relationship.GRANDPARENT,
        Relationship.FOSTER_CARER,
        Relationship.OTHER,
    }
)


def has_parental_responsibility(relationship: Relationship | str) -> bool:
    return relationship not in WITHOUT_PARENTAL_RESPONSIBILITY
