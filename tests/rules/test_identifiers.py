import pytest

from registers.rules.identifiers import (
    IdentifierError,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    upn_la_number,
)

POSTCODE_ERROR = "Enter a real postcode, like AA1 1AA"
NHS_LENGTH_ERROR = "NHS number must be 10 digits"
NHS_ERROR = "Enter a real NHS number – check you have typed it correctly"
UPN_LENGTH_ERROR = "UPN must be 13 characters"
UPN_ERROR = "Enter a real UPN – check you have typed it correctly"


def test_identifier_error_is_a_value_error() -> None:
    assert issubclass(IdentifierError, ValueError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("sw1a1aa", "SW1A 1AA", id="lower-case-no-space"),
        pytest.param("SW1A 1AA", "SW1A 1AA", id="already-normal"),
        pytest.param("  sw1a   1aa ", "SW1A 1AA", id="extra-whitespace"),
        pytest.param("M1 1AE", "M1 1AE", id="A9"),
        pytest.param("B338TH", "B33 8TH", id="A99"),
        pytest.param("CR2 6XH", "CR2 6XH", id="AA9"),
        pytest.param("DN55 1PT", "DN55 1PT", id="AA99"),
        pytest.param("W1A 0AX", "W1A 0AX", id="A9A"),
        pytest.param("ec1a1bb", "EC1A 1BB", id="AA9A"),
        pytest.param("gir0aa", "GIR 0AA", id="girobank"),
    ],
)
def test_normalise_postcode_valid(value: str, expected: str) -> None:
    assert normalise_postcode(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("", id="empty"),
        pytest.param("SW1A", id="outward-only"),
        pytest.param("SW1A 1A", id="short-inward"),
        pytest.param("SW1A 1AAA", id="long-inward"),
        pytest.param("1AA SW1", id="reversed"),
        pytest.param("AAA1 1AA", id="three-letter-area"),
        pytest.param("SW1A-1AA", id="hyphen"),
        pytest.param("QWERTY", id="word"),
        pytest.param("GIR 0AB", id="not-girobank"),
    ],
)
def test_normalise_postcode_invalid(value: str) -> None:
    with pytest.raises(IdentifierError, match=f"^{POSTCODE_ERROR}$"):
        normalise_postcode(value)


# Check digits worked by hand (weights 10 down to 2 over the first nine digits):
# 943 476 591 -> 90+36+24+28+42+30+20+27+2 = 299; 299 % 11 = 2; 11 - 2 = 9.
# 401 023 213 -> 40+0+8+0+12+15+8+3+6 = 92; 92 % 11 = 4; 11 - 4 = 7.
# 943 476 590 -> 297; 297 % 11 = 0; 11 - 0 = 11, which means a check digit of 0.
# 943 476 596 -> 309; 309 % 11 = 1; 11 - 1 = 10, which is never a valid check digit.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("9434765919", "9434765919", id="digits-only"),
        pytest.param("943 476 5919", "9434765919", id="spaces"),
        pytest.param("943-476-5919", "9434765919", id="hyphens"),
        pytest.param(" 401 023 2137 ", "4010232137", id="surrounding-whitespace"),
        pytest.param("9434765900", "9434765900", id="check-11-becomes-0"),
    ],
)
def test_normalise_nhs_number_valid(value: str, expected: str) -> None:
    assert normalise_nhs_number(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("9434765918", NHS_ERROR, id="wrong-check-digit"),
        pytest.param("4010232138", NHS_ERROR, id="wrong-check-digit-2"),
        pytest.param("9434765960", NHS_ERROR, id="check-computes-to-10"),
        pytest.param("943476591", NHS_LENGTH_ERROR, id="9-digits"),
        pytest.param("94347659190", NHS_LENGTH_ERROR, id="11-digits"),
        pytest.param("94347659A9", NHS_LENGTH_ERROR, id="letter"),
        pytest.param("", NHS_LENGTH_ERROR, id="empty"),
    ],
)
def test_normalise_nhs_number_invalid(value: str, message: str) -> None:
    with pytest.raises(IdentifierError, match=f"^{message}$"):
        normalise_nhs_number(value)


# Check letters worked by hand (characters 2-13 weighted 2-13, sum modulo 23 indexes
# A0 B1 C2 D3 E4 F5 G6 H7 J8 K9 L10 ... Z22):
# 201200025001 -> 4+0+4+10+0+0+0+18+50+0+0+13 = 99; 99 % 23 = 7 -> H.
# 20120002501C -> 4+0+4+10+0+0+0+18+50+0+12+(C=2)*13 = 124; 124 % 23 = 9 -> K.
# 801200005001 -> 16+0+4+10+0+0+0+0+50+0+0+13 = 93; 93 % 23 = 1 -> B (the python-stdnum
# documentation example).
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("H201200025001", "H201200025001", id="permanent"),
        pytest.param("h201 2000 25001", "H201200025001", id="lower-case-with-spaces"),
        pytest.param("K20120002501C", "K20120002501C", id="temporary"),
        pytest.param("k20120002501c", "K20120002501C", id="temporary-lower-case"),
        pytest.param("B801200005001", "B801200005001", id="published-example"),
    ],
)
def test_normalise_upn_valid(value: str, expected: str) -> None:
    assert normalise_upn(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("A201200025001", UPN_ERROR, id="wrong-check-letter"),
        pytest.param("J20120002501C", UPN_ERROR, id="wrong-check-letter-temporary"),
        pytest.param("I201200025001", UPN_ERROR, id="check-letter-I-not-used"),
        pytest.param("H20120002500S", UPN_ERROR, id="serial-letter-S-not-used"),
        pytest.param("H2012000A5001", UPN_ERROR, id="letter-in-middle"),
        pytest.param("1201200025001", UPN_ERROR, id="digit-first"),
        pytest.param("H20120002500", UPN_LENGTH_ERROR, id="12-characters"),
        pytest.param("H2012000250011", UPN_LENGTH_ERROR, id="14-characters"),
        pytest.param("", UPN_LENGTH_ERROR, id="empty"),
    ],
)
def test_normalise_upn_invalid(value: str, message: str) -> None:
    with pytest.raises(IdentifierError, match=f"^{message}$"):
        normalise_upn(value)


@pytest.mark.parametrize(
    ("upn", "expected"),
    [
        pytest.param("H201200025001", "201", id="city-of-london"),
        pytest.param("b801 2000 05001", "801", id="normalised-first"),
    ],
)
def test_upn_la_number(upn: str, expected: str) -> None:
    assert upn_la_number(upn) == expected


def test_upn_la_number_rejects_invalid_upn() -> None:
    with pytest.raises(IdentifierError, match=f"^{UPN_ERROR}$"):
        upn_la_number("A201200025001")
