"""The made-up world of the demo: names, streets, towns and how often each kind of case comes.

Everything here is generated: the people, streets and schools are invented, emails use the
reserved example.com and example.org domains, and phone numbers are in Ofcom's drama range.
The proportions follow the DfE elective home education statistics, so that the demo's
dashboard and return look like a real LA's.
"""

from dataclasses import dataclass

from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    EligibilityBasis,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)

GIRLS = (
    "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence "
    "Emily Ella Poppy Evie Elsie Charlotte Evelyn Sophie Daisy Phoebe Sienna Matilda Ruby "
    "Harper Millie Alice Erin Maya Jessica Holly Chloe Megan Amber Niamh Eleanor Hannah Zara"
).split()
BOYS = (
    "Oliver George Arthur Noah Muhammad Leo Oscar Harry Archie Jack Henry Charlie Freddie "
    "Theodore Thomas Finley Theo Alfie Jacob William Isaac Tommy Joshua James Lucas Alexander "
    "Arlo Max Mason Ethan Logan Reuben Samuel Joseph Dylan Harrison Riley Ollie Callum Kai"
).split()
WOMEN = (
    "Sarah Emma Claire Rachel Laura Gemma Kelly Joanne Lisa Nicola Rebecca Katie Victoria "
    "Hayley Amy Helen Louise Natalie Stacey Jennifer Zoe Charlotte Hannah Lucy Samantha "
    "Kirsty Fiona Jade Aisha Priya"
).split()
MEN = (
    "James David Mark Paul Andrew Richard Daniel Matthew Stephen Christopher Michael Robert "
    "Thomas Lee Craig Darren Simon Jonathan Gareth Adam Ben Tom Ryan Imran Ravi Martin Neil "
    "Scott Carl Wayne"
).split()
SURNAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan "
    "Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell "
    "Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan "
    "Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb "
    "Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes "
    "Knight Lloyd Butler Russell Fisher Stevens Jenkins Murray Dixon Harvey Pascoe Penrose "
    "Tremayne Rowe Hocking Nancarrow Luscombe Widdicombe"
).split()
STREETS = (
    "Mill Church Station Orchard Meadow Chapel School Park Victoria Albert Castle Bridge Moor "
    "Harbour Quarry Fore Well Barton Combe Chestnut Beech Rowan Hawthorn Willow Primrose "
    "Heather Kingfisher Foxglove Ashleigh Glebe Manor Rectory Pound Higher Lower Linhay"
).split()
STREET_KINDS = (
    "Lane Road Street Close Way Gardens Terrace Hill Drive View Crescent Avenue Rise Court"
).split()
SCHOOL_NAMES = (
    "Oakfield",
    "Riverside",
    "Hillcrest",
    "Meadowbank",
    "Kingfisher",
    "Brookside",
    "Ashgrove",
    "Westleigh",
    "Heron Vale",
    "Lark Rise",
    "Greenway",
    "Fernhill",
    "Beacon",
    "Cliffside",
    "Tamarisk",
)
# Royal Mail never uses C, I, K, M, O or V in the last two letters of a postcode.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(frozen=True)
class Area:
    county: str
    towns: tuple[tuple[str, tuple[str, ...]], ...]  # (town, its postcode districts)


# Real towns and postcode districts, so addresses look right; the streets are invented.
AREAS = {
    "878": Area(
        "Devon",
        (
            ("Exeter", ("EX1", "EX2", "EX4")),
            ("Exmouth", ("EX8",)),
            ("Barnstaple", ("EX31", "EX32")),
            ("Bideford", ("EX39",)),
            ("Tiverton", ("EX16",)),
            ("Honiton", ("EX14",)),
            ("Okehampton", ("EX20",)),
            ("Crediton", ("EX17",)),
            ("Sidmouth", ("EX10",)),
            ("Ilfracombe", ("EX34",)),
        ),
    ),
    "908": Area(
        "Cornwall",
        (
            ("Truro", ("TR1", "TR2")),
            ("Falmouth", ("TR11",)),
            ("Penryn", ("TR10",)),
            ("Helston", ("TR13",)),
            ("Camborne", ("TR14",)),
            ("Redruth", ("TR15",)),
            ("Penzance", ("TR18",)),
            ("St Ives", ("TR26",)),
            ("Newquay", ("TR7",)),
            ("Hayle", ("TR27",)),
        ),
    ),
}

SEX_WEIGHTS = {Sex.FEMALE: 51, Sex.MALE: 48, Sex.UNKNOWN: 1}
# National curriculum year (0 = Reception) -> weight: home education rises with age, and
# Years 10 and 11 are the largest groups in the DfE elective home education statistics.
YEAR_WEIGHTS = {0: 1, 1: 2, 2: 3, 3: 3, 4: 4, 5: 4, 6: 5, 7: 7, 8: 9, 9: 11, 10: 14, 11: 15}
STATUS_WEIGHTS = {
    CaseStatus.REGISTERED: 30,
    CaseStatus.SUITABLE_MONITORING: 28,
    CaseStatus.NOTIFIED: 5,
    CaseStatus.ELIGIBILITY_CHECK: 5,
    CaseStatus.ENQUIRY: 5,
    CaseStatus.INFO_OUTSTANDING: 5,
    CaseStatus.SAO_PRELIMINARY: 3,
    CaseStatus.SAO_NOMINATION: 1,
    CaseStatus.SAO_SERVED: 1,
    CaseStatus.SAO_COMPLIED: 1,
    CaseStatus.SAO_REVOKED: 1,
    CaseStatus.CME: 2,
    CaseStatus.CONSENT_PENDING: 2,
    CaseStatus.TRANSFER_OUT: 1,
    CaseStatus.CLOSED: 10,
}
NOT_YET_REGISTERED = {
    CaseStatus.NOTIFIED,
    CaseStatus.ELIGIBILITY_CHECK,
    CaseStatus.CONSENT_PENDING,
    CaseStatus.CME,
}
# Status -> (fewest, most) days since notification: new cases are recent, monitored ones old.
NOTIFIED_DAYS_AGO = {
    CaseStatus.NOTIFIED: (0, 10),
    CaseStatus.ELIGIBILITY_CHECK: (2, 25),
    CaseStatus.CONSENT_PENDING: (3, 30),
    CaseStatus.CME: (20, 200),
    CaseStatus.REGISTERED: (15, 120),
    CaseStatus.INFO_OUTSTANDING: (30, 300),
    CaseStatus.ENQUIRY: (60, 500),
    CaseStatus.TRANSFER_OUT: (30, 400),
}
NOTIFIED_DAYS_AGO_OTHERWISE = (60, 1100)
REASON_WEIGHTS = {
    PrimaryReason.UNKNOWN: 16,
    PrimaryReason.MENTAL_HEALTH: 14,
    PrimaryReason.NO_REASON_GIVEN: 13,
    PrimaryReason.PHILOSOPHICAL: 12,
    PrimaryReason.SCHOOL_DISSATISFACTION_GENERAL: 7,
    PrimaryReason.LIFESTYLE: 6,
    PrimaryReason.SCHOOL_DISSATISFACTION_SEND: 5,
    PrimaryReason.PHYSICAL_HEALTH: 4,
    PrimaryReason.SCHOOL_DISSATISFACTION_BULLYING: 4,
    PrimaryReason.OTHER: 4,
    PrimaryReason.RELIGIOUS: 2,
    PrimaryReason.RISK_OF_EXCLUSION: 2,
    PrimaryReason.NO_SUITABLE_PLACE: 2,
    PrimaryReason.NO_SCHOOL_PREFERENCE: 2,
    PrimaryReason.SCHOOL_SUGGESTION: 2,
    PrimaryReason.PLACE_NOT_ACCEPTED: 1,
    PrimaryReason.DID_NOT_APPLY: 1,
    PrimaryReason.PERMANENT_EXCLUSION: 1,
    PrimaryReason.COVID19: 1,
}
SCHOOL_TYPE_WEIGHTS = {
    PreviousSchoolType.ACADEMY: 34,
    PreviousSchoolType.LA_MAINTAINED: 30,
    PreviousSchoolType.ELSEWHERE_OR_UNKNOWN: 12,
    PreviousSchoolType.NONE: 5,
    PreviousSchoolType.INDEPENDENT: 4,
    PreviousSchoolType.FREE_SCHOOL: 3,
    PreviousSchoolType.SPECIAL: 3,
    PreviousSchoolType.HOME_EDUCATION: 3,
    PreviousSchoolType.ALTERNATIVE_PROVISION: 2,
    PreviousSchoolType.EARLY_YEARS: 2,
    PreviousSchoolType.PUPIL_REFERRAL_UNIT: 2,
}
# Previous school type -> (primary, secondary) name endings; None means no school is named.
SCHOOL_ENDINGS = {
    PreviousSchoolType.ACADEMY: ("Primary Academy", "Academy"),
    PreviousSchoolType.LA_MAINTAINED: ("Primary School", "Community College"),
    PreviousSchoolType.INDEPENDENT: ("Preparatory School", "House School"),
    PreviousSchoolType.FREE_SCHOOL: ("Free School", "Free School"),
    PreviousSchoolType.SPECIAL: ("Specialist School", "Specialist School"),
    PreviousSchoolType.ALTERNATIVE_PROVISION: ("Learning Centre", "Learning Centre"),
    PreviousSchoolType.EARLY_YEARS: ("Nursery", "Nursery"),
    PreviousSchoolType.PUPIL_REFERRAL_UNIT: ("Pupil Referral Unit", "Pupil Referral Unit"),
}
SEN_WEIGHTS = {
    SenProvision.NONE: 58,
    SenProvision.SEN_SUPPORT: 20,
    SenProvision.UNKNOWN: 14,
    SenProvision.EHC_PLAN: 8,
}
SOURCE_WEIGHTS = {
    NotificationSource.PARENT: 50,
    NotificationSource.SCHOOL: 35,
    NotificationSource.AGENCY: 5,
    NotificationSource.LOCAL_AUTHORITY: 5,
    NotificationSource.OTHER_LOCAL_AUTHORITY: 5,
}
BASIS_WEIGHTS = {
    EligibilityBasis.NOT_REGISTERED: 90,
    EligibilityBasis.PART_TIME_STUDENT: 7,
    EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT: 3,
}
# End of compulsory school age and death are left out: every demo child is of school age,
# and a demo has no need of the other.
CLOSURE_WEIGHTS = {
    ClosureReason.RETURNED_TO_SCHOOL: 45,
    ClosureReason.MOVED_OUT_OF_AREA: 25,
    ClosureReason.LEFT_ENGLAND: 10,
    ClosureReason.NOT_ELIGIBLE: 10,
    ClosureReason.CME_TRANSFERRED: 10,
}
FIRST_CARER_WEIGHTS = {
    Relationship.MOTHER: 80,
    Relationship.FATHER: 14,
    Relationship.GRANDPARENT: 3,
    Relationship.GUARDIAN: 2,
    Relationship.FOSTER_CARER: 1,
}
SECOND_CARER_WEIGHTS = {
    Relationship.MOTHER: {
        Relationship.FATHER: 75,
        Relationship.STEP_PARENT: 15,
        Relationship.PARENT: 10,
    },
    Relationship.FATHER: {
        Relationship.MOTHER: 70,
        Relationship.STEP_PARENT: 20,
        Relationship.PARENT: 10,
    },
}
PROVIDERS = (
    ("Harbour Light Tuition", ProviderType.TUITION_CENTRE),
    ("Oak and Acorn Forest School", ProviderType.OUT_OF_SCHOOL_SETTING),
    ("Kestrel Maths Tutoring", ProviderType.TUTOR),
    ("Brightwater Online School", ProviderType.ONLINE_SCHOOL),
    ("Moorland Arts Studio", ProviderType.OUT_OF_SCHOOL_SETTING),
    ("Second Chance Learning Centre", ProviderType.ALTERNATIVE_PROVISION),
    ("Tidewater Skills College", ProviderType.FURTHER_EDUCATION),
    ("Wild Sea Outdoor Learning", ProviderType.OTHER),
)
