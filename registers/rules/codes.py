"""Statutory and national code lists.

Where a list is published (the DfE elective home education statistics: sex, year group, primary
reason; the children missing education file: its reasons), the labels are published labels.
The publication relabels and adds codes from time to time: registers.rules.returns keeps, by
period, which codes each return uses and in which words, so that an old term's return keeps its
own labels. Where no list is published, the labels are plain English and say so.
"""

from enum import EnumType, StrEnum


class _CodeListType(EnumType):
    """Gives every code list what forms and model fields read: choices, values and labels."""

    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @property
    def labels(cls) -> list[str]:
        return [member.label for member in cls]

    @property
    def do_not_call_in_templates(cls) -> bool:
        # A template reads a code list's members; it must not call the class.
        return True


class CodeList(StrEnum, metaclass=_CodeListType):
    """A code whose members are its stored values, each with the label people read."""

    label: str

    def __new__(cls, value: str, label: str) -> "CodeList":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Sex(CodeList):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Sex unknown"


class YearGroup(CodeList):
    RECEPTION = "R", "Reception"
    YEAR_1 = "1", "Year 1"
    YEAR_2 = "2", "Year 2"
    YEAR_3 = "3", "Year 3"
    YEAR_4 = "4", "Year 4"
    YEAR_5 = "5", "Year 5"
    YEAR_6 = "6", "Year 6"
    YEAR_7 = "7", "Year 7"
    YEAR_8 = "8", "Year 8"
    YEAR_9 = "9", "Year 9"
    YEAR_10 = "10", "Year 10"
    YEAR_11 = "11", "Year 11"


class PrimaryReason(CodeList):
    """The 19 primary reasons of the DfE elective home education collection."""

    MENTAL_HEALTH = "mental_health", "Mental health"
    PHYSICAL_HEALTH = "physical_health", "Physical health"
    COVID19 = "covid19", "Health concerns related to COVID19"
    SCHOOL_DISSATISFACTION_GENERAL = "dissatisfaction_general", "School dissatisfaction general"
    SCHOOL_DISSATISFACTION_SEND = "dissatisfaction_send", "School dissatisfaction SEND"
    SCHOOL_DISSATISFACTION_BULLYING = "dissatisfaction_bullying", "School dissatisfaction bullying"
    LIFESTYLE = "lifestyle", "Lifestyle"
    PHILOSOPHICAL = "philosophical", "Philosophical or preferential"
    RELIGIOUS = "religious", "Religious"
    RISK_OF_EXCLUSION = "risk_of_exclusion", "Risk of school exclusion"
    PERMANENT_EXCLUSION = "permanent_exclusion", "Permanent exclusion"
    NO_SCHOOL_PREFERENCE = "no_school_preference", "Did not get school preference"
    NO_SUITABLE_PLACE = "no_suitable_place", "Difficulty accessing suitable school place"
    PLACE_NOT_ACCEPTED = "place_not_accepted", "Offered school place but not yet accepted"
    DID_NOT_APPLY = "did_not_apply", "Did not apply for school place at compulsory school age"
    SCHOOL_SUGGESTION = "school_suggestion", "School suggestion"
    OTHER = "other", "Other"
    NO_REASON_GIVEN = "no_reason_given", "No reason given"
    UNKNOWN = "unknown", "Unknown"


class CmeReason(CodeList):
    """Why a child is missing education, as the children missing education return has it.

    Recorded with the move that makes a case missing education (the case's history), so that a
    past census reports the reason that held on its date. The labels are those of the DfE
    children missing education file as seen in third-party copies (domain spec, section (j)):
    **UNCONFIRMED** against the DfE's own meta file. Which of them exist in which period is
    registers.rules.returns's business.
    """

    APPLICATION_AWAITING_OUTCOME = (
        "application_awaiting_outcome",
        ("School application awaiting outcome"),
    )
    WAITING_SCHOOL_START = "waiting_school_start", "Waiting school start"
    PLACE_NOT_ACCEPTED = "place_not_accepted", "Offered school place but not yet accepted"
    NO_SCHOOL_PREFERENCE = "no_school_preference", "Did not get school preference"
    NO_SUITABLE_PLACE = "no_suitable_place", "Difficulty accessing suitable school place"
    DID_NOT_APPLY = "did_not_apply", "Did not apply for school place at compulsory school age"
    PARENT_NOT_REGISTERING = (
        "parent_not_registering",
        ("Parental decision not to register at school"),
    )
    MOVED_IN_FROM_ANOTHER_LA = "moved_in_from_another_la", "Moved in from another LA"
    MOVED_IN_FROM_ANOTHER_COUNTRY = (
        "moved_in_from_another_country",
        ("Moved in from another country"),
    )
    BELIEVED_MOVED_TO_ANOTHER_LA = (
        "believed_moved_to_another_la",
        ("Believed to have moved to another LA"),
    )
    BELIEVED_MOVED_TO_ANOTHER_COUNTRY = (
        "believed_moved_to_another_country",
        ("Believed to have moved to another country"),
    )
    UNSUITABLE_HOME_EDUCATION = "unsuitable_home_education", ("Unsuitable elective home education")
    CHALLENGING_ATTENDANCE_ORDER = (
        "challenging_attendance_order",
        ("Challenging school attendance order"),
    )
    SCHOOL_DISSATISFACTION_SEND = "dissatisfaction_send", "School dissatisfaction SEND"
    SCHOOL_DISSATISFACTION_GENERAL = "dissatisfaction_general", "School dissatisfaction general"
    MENTAL_HEALTH = "mental_health", "Mental health"
    PHYSICAL_HEALTH = "physical_health", "Physical health"
    UNKNOWN = "unknown", "Unknown"
    NOT_RECORDED = "not_recorded", "Not recorded"
    OTHER = "other", "Other"


class PreviousSchoolType(CodeList):
    """Previous school types of the DfE academic-year file (its ehe_schtype_* columns)."""

    LA_MAINTAINED = "lamain", "Local authority maintained mainstream school"
    ACADEMY = "acad", "Academy"
    FREE_SCHOOL = "free", "Free school"
    INDEPENDENT = "ind", "Independent school"
    SPECIAL = "spec", "Special school"
    ALTERNATIVE_PROVISION = "ap", "Alternative provision"
    PUPIL_REFERRAL_UNIT = "pru", "Pupil referral unit"
    EARLY_YEARS = "ey", "Early years setting"
    HOME_EDUCATION = "ehe", "Elective home education"
    NONE = "none", "Has not attended school"
    ELSEWHERE_OR_UNKNOWN = "else_unk", "Elsewhere or unknown"


class ClosureReason(CodeList):
    RETURNED_TO_SCHOOL = "returned_to_school", "Returned to school"
    MOVED_OUT_OF_AREA = "moved_out_of_area", "Moved out of the area"
    LEFT_ENGLAND = "left_england", "Left England"
    END_OF_COMPULSORY_SCHOOL_AGE = "end_of_compulsory_school_age", "End of compulsory school age"
    DECEASED = "deceased", "Deceased"
    NOT_ELIGIBLE = "not_eligible", "Not eligible for the register"
    CME_TRANSFERRED = "cme_transferred", "Transferred to children missing education"


class ProviderType(CodeList):
    """Out-of-school provider types (s.436C(1)(e)); regulations have not yet listed them."""

    TUTOR = "tutor", "Tutor"
    TUITION_CENTRE = "tuition_centre", "Tuition centre"
    ONLINE_SCHOOL = "online_school", "Online school or online course"
    OUT_OF_SCHOOL_SETTING = "out_of_school_setting", "Out-of-school setting"
    FURTHER_EDUCATION = "further_education", "Further education college"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision"
    SCHOOL_FLEXI = "school_flexi", "School (flexi-schooling)"
    OTHER = "other", "Other"


class SenProvision(CodeList):
    NONE = "none", "No special educational needs"
    SEN_SUPPORT = "sen_support", "SEN support"
    EHC_PLAN = "ehc_plan", "Education, health and care plan"
    UNKNOWN = "unknown", "Not known"


class CaseStatus(CodeList):
    """The officer's workflow states for a register entry (domain spec, section f)."""

    NOTIFIED = "notified", "Notified"
    ELIGIBILITY_CHECK = "eligibility_check", "Eligibility check"
    CONSENT_PENDING = "consent_pending", "Consent pending"
    REGISTERED = "registered", "Registered"
    INFO_OUTSTANDING = "info_outstanding", "Information outstanding"
    ENQUIRY = "enquiry", "Enquiry"
    SUITABLE_MONITORING = "suitable_monitoring", "Suitable – monitoring"
    SAO_PRELIMINARY = "sao_preliminary", "Attendance order: notice to satisfy"
    SAO_NOMINATION = "sao_nomination", "Attendance order: school nomination"
    SAO_SERVED = "sao_served", "Attendance order served"
    SAO_COMPLIED = "sao_complied", "Attendance order complied with"
    SAO_REVOKED = "sao_revoked", "Attendance order revoked"
    PROSECUTION = "prosecution", "Prosecution"
    CME = "cme", "Children missing education"
    TRANSFER_OUT = "transfer_out", "Transferring out"
    CLOSED = "closed", "Closed"


class AttendanceOrderStage(CodeList):
    """A step of the school attendance order process, under either law (domain spec, (e)).

    Today's law: the notice to satisfy (EA 1996 s.437(1)), the notice naming a school (s.438),
    the order (s.437(3)), its revocation (s.442) and the offence (s.443). The Act's: the
    preliminary notice, the school nomination notice (s.436K) and the order (s.436I).
    """

    NOTICE_TO_SATISFY = "notice_to_satisfy", "Notice to satisfy (s.437(1))"
    SCHOOL_NAMING_NOTICE = "school_naming_notice", "Notice naming a school (s.438)"
    PRELIMINARY_NOTICE = "preliminary_notice", "Preliminary notice"
    SCHOOL_NOMINATION_NOTICE = "school_nomination_notice", "School nomination notice (s.436K)"
    ORDER_SERVED = "order_served", "School attendance order served"
    ORDER_AMENDED = "order_amended", "School attendance order amended"
    ORDER_REVOKED = "order_revoked", "School attendance order revoked"
    COMPLIED = "complied", "Complied with"
    PROSECUTION = "prosecution", "Prosecution"
    PROSECUTION_OUTCOME = "prosecution_outcome", "Outcome of the prosecution"


class AttendanceOrderTrigger(CodeList):
    """Why the attendance order process began: today only s.437(1); the Act adds more."""

    NOT_SUITABLE = "not_suitable", "Education does not appear suitable"
    CHILD_PROTECTION = (
        "child_protection",
        "Child protection: school in the child's best interests",
    )
    INFORMATION_NOT_GIVEN = "information_not_given", "Register information not given"
    REQUEST_NOT_ANSWERED = "request_not_answered", "Update request not answered"
    VISIT_REFUSED = "visit_refused", "Home visit refused"


class ProsecutionOutcome(CodeList):
    """How a prosecution for failing to comply with an attendance order ended (s.443)."""

    CONVICTED = "convicted", "Convicted"
    ACQUITTED = "acquitted", "Acquitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Regime(CodeList):
    """Which law an entry is worked under: today's, or the Act's once commenced."""

    EHE_2019 = "ehe_2019", "Elective home education (Education Act 1996 s.437)"
    CNIS_2026 = "cnis_2026", "Children not in school (Education Act 1996 ss.436B to 436I)"


class EligibilityBasis(CodeList):
    """The limb of s.436B(5) under which a child meets the schooling condition."""

    # s.436B(5)(a): not a registered pupil or student at a relevant school.
    NOT_REGISTERED = "E-C1", "Not a registered pupil at a relevant school (s.436B(5)(a))"
    # s.436B(5)(b): registered, but the proprietor has arranged for or agreed to education
    # elsewhere and the child is absent for some or all of full-time school hours.
    EDUCATED_ELSEWHERE_BY_ARRANGEMENT = (
        "E-C2",
        "Registered, but educated elsewhere by the school's arrangement (s.436B(5)(b))",
    )
    # s.436B(5)(c): a student within s.436B(7)(d) attending part-time and not registered at
    # another relevant school.
    PART_TIME_STUDENT = "E-C3", "Part-time student (s.436B(5)(c))"


class NotificationSource(CodeList):
    PARENT = "parent", "Parent or carer"
    SCHOOL = "school", "School"
    PROVIDER = "provider", "Out-of-school education provider"
    AGENCY = "agency", "Another agency"
    LOCAL_AUTHORITY = "local_authority", "Found by the local authority"
    OTHER_LOCAL_AUTHORITY = "other_local_authority", "Another local authority"


class NotificationKind(CodeList):
    NEW_REGISTRATION = "new_registration", "Child not in school"
    UPDATE_RESPONSE = "update_response", "Answer to an update request"
    CHANGE_OF_CIRCUMSTANCES = "change_of_circumstances", "Change of circumstances"
    SUPPORT_REQUEST = "support_request", "Request for support"
    PROVIDER_RESPONSE = "provider_response", "Provider's answer to an information request"
    OFF_ROLL = "off_roll", "School off-roll notice"


class Relationship(CodeList):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    GRANDPARENT = "grandparent", "Grandparent"
    FOSTER_CARER = "foster_carer", "Foster carer"
    GUARDIAN = "guardian", "Guardian"
    OTHER = "other", "Other carer"


class AddressKind(CodeList):
    CURRENT = "current", "Home address"
    PREVIOUS = "previous", "Previous address"
    ADDITIONAL = "additional", "Additional address"


class Door(CodeList):
    """The way in through which someone acted: kept with every audit row and status change."""

    PUBLIC = "public", "Public pages"
    STAFF = "staff", "Staff pages"
    API = "api", "API"
    SCHEDULER = "scheduler", "Scheduled job"
    IMPORT = "import", "Import"
    COMMAND = "command", "Command line"
