"""The anonymity check: precise checks, and the corpus figures against floors set from measurements.

Deduce is loaded once per test session (casuses.anonymity keeps one instance per process).
"""

import pytest

from casuses import anonymity
from casuses.anonymity import find_personal_data, is_valid_bsn, is_valid_iban

from .corpus import measure

# Measured figures are in corpus_results.md; the floors sit just below them.
BLOCK_RECALL_FLOOR = 0.95
WARN_RECALL_FLOOR = 0.90
FALSE_BLOCK_PER_1000_CEILING = 1.0
FALSE_WARN_PER_1000_CEILING = 2.0


@pytest.fixture(scope="session")
def corpus_figures():
    return measure()


def test_block_recall_on_corpus(corpus_figures):
    assert corpus_figures["block_recall"] >= BLOCK_RECALL_FLOOR, corpus_figures["missed"]


def test_warn_recall_on_corpus(corpus_figures):
    assert corpus_figures["warn_recall"] >= WARN_RECALL_FLOOR, corpus_figures["missed"]


def test_false_positives_per_1000_words(corpus_figures):
    assert corpus_figures["false_block_per_1000"] <= FALSE_BLOCK_PER_1000_CEILING, corpus_figures["false_positives"]
    assert corpus_figures["false_warn_per_1000"] <= FALSE_WARN_PER_1000_CEILING, corpus_figures["false_positives"]


@pytest.mark.parametrize("value,valid", [("111222333", True), ("123456782", True), ("123456789", False),
                                         ("1112.22.333", True), ("000000000", False), ("12345678", False)])
def test_bsn_eleven_proof(value, valid):
    assert is_valid_bsn(value) is valid


@pytest.mark.parametrize("value,valid", [("NL91ABNA0417164300", True), ("NL91 ABNA 0417 1643 00", True),
                                         ("NL92ABNA0417164300", False), ("DE89370400440532013000", True)])
def test_iban_mod_97(value, valid):
    assert is_valid_iban(value) is valid


def kinds(text):
    return {(f.kind, f.severity, f.text) for f in find_personal_data(text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Bel vader op 06-12345678.", ("phone", "block", "06-12345678")),
        ("Telefoon: +31 (0)20 123 45 67", ("phone", "block", "+31 (0)20 123 45 67")),
        ("Ze woont in 1234 AB.", ("postcode", "block", "1234 AB")),
        ("Mail naar ouder@example.org graag.", ("email", "block", "ouder@example.org")),
        ("BSN 111222333 stond op het formulier.", ("bsn", "block", "111222333")),
        ("Rekening NL91ABNA0417164300 van moeder.", ("iban", "block", "NL91ABNA0417164300")),
        ("Hij woont op de Kerkstraat 12a.", ("address", "block", "Kerkstraat 12a")),
        ("Het kind is geboren op 12-03-2015.", ("birth_date", "block", "12-03-2015")),
        ("Zaaknummer: C/16/512345.", ("case_number", "block", "C/16/512345")),
        ("De 7-jarige zoon huilt veel.", ("age", "warn", "7-jarige")),
        ("Op 14 maart 2024 was de zitting.", ("date", "warn", "14 maart 2024")),
    ],
)
def test_precise_checks(text, expected):
    assert expected in kinds(text)


def test_invalid_bsn_is_not_blocking():
    assert not any(f.severity == "block" for f in find_personal_data("Het getal 123456789 is geen BSN."))


def test_plain_casus_text_has_no_findings():
    text = (
        "Ouders zijn een jaar gescheiden. In het kindgesprek vertelde het kind dat het de overdrachten "
        "spannend vindt. Hoe bespreken jullie dit met het Jeugdteam en Veilig Thuis?"
    )
    assert find_personal_data(text) == []


def test_names_get_roles_and_same_name_same_role():
    text = "Moeder Fatima de Boer zegt dat Sem (7) bang is. Sem wil niet naar vader Johan."
    findings = [f for f in find_personal_data(text) if f.kind == "name"]
    roles = {f.text: f.role for f in findings}
    assert roles["Fatima de Boer"] == "[MOEDER]"
    assert roles["Sem"] == "[KIND 1]"
    assert roles["Johan"] == "[VADER]"
    assert all(f.role == "[KIND 1]" for f in findings if f.text == "Sem")


def test_offsets_point_into_the_text():
    text = "Vader Johan belt naar 06-12345678 vanuit Zwolle."
    for finding in find_personal_data(text):
        assert text[finding.start:finding.end] == finding.text


def test_deduce_is_loaded_once():
    first = anonymity.get_deduce()
    assert anonymity.get_deduce() is first


def test_replace_everywhere_and_highlight():
    text = "Sem en Semih spelen. Sem lacht."
    assert anonymity.replace_everywhere(text, "Sem", "[KIND 1]") == "[KIND 1] en Semih spelen. [KIND 1] lacht."
    segments = anonymity.highlight("Bel 06-12345678 nu", find_personal_data("Bel 06-12345678 nu"))
    assert [s for s, f in segments if f] == ["06-12345678"]
