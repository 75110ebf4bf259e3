"""The anonymity check: precise checks, and the corpus figures against floors set from measurements.

Deduce is loaded once per test session (casuses.anonymity keeps one instance per process).
"""

import fcntl
import gc

import pytest

from casuses import anonymity
from casuses.anonymity import find_personal_data, is_valid_bsn, is_valid_iban

from .corpus import HELDOUT, measure

# Measured figures are in corpus_results.md (`make eval-anonymity`); the floors sit just below them.
# Before issue 17 the floors were 0.95 block recall (on 37 texts), 1.0 false blocks per 1,000 words.
BLOCK_RECALL_FLOOR = 0.99
BLOCK_KIND_RECALL_FLOOR = 0.95
WARN_RECALL_FLOOR = 0.93
FALSE_BLOCK_PER_1000_CEILING = 0.5  # per 1,000 words of clean texts
FALSE_WARN_PER_1000_CEILING = 2.0
HELDOUT_BLOCK_RECALL_FLOOR = 0.96
HELDOUT_FALSE_BLOCK_PER_1000_CEILING = 2.0


@pytest.fixture(scope="session")
def corpus_figures():
    return measure()


@pytest.fixture(scope="session")
def heldout_figures():
    return measure(path=HELDOUT)


def test_every_block_kind_on_corpus(corpus_figures):
    assert corpus_figures["min_block_kind_recall"] >= BLOCK_KIND_RECALL_FLOOR, corpus_figures["per_kind"]


def test_heldout_part(heldout_figures):
    assert heldout_figures["block_recall"] >= HELDOUT_BLOCK_RECALL_FLOOR, heldout_figures["missed"]
    assert heldout_figures["false_block_per_1000"] <= HELDOUT_FALSE_BLOCK_PER_1000_CEILING


def test_block_recall_on_corpus(corpus_figures):
    assert corpus_figures["block_recall"] >= BLOCK_RECALL_FLOOR, corpus_figures["missed"]


def test_warn_recall_on_corpus(corpus_figures):
    assert corpus_figures["warn_recall"] >= WARN_RECALL_FLOOR, corpus_figures["missed"]


def test_false_positives_per_1000_words(corpus_figures):
    assert corpus_figures["false_block_per_1000"] <= FALSE_BLOCK_PER_1000_CEILING, corpus_figures["false_positives"]
    assert corpus_figures["false_warn_per_1000"] <= FALSE_WARN_PER_1000_CEILING, corpus_figures["false_positives"]


@pytest.mark.parametrize(
    "value,valid",
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("1112.22.333", True),
        ("000000000", False),
        ("12345678", False),
    ],
)
def test_bsn_eleven_proof(value, valid):
    assert is_valid_bsn(value) is valid


@pytest.mark.parametrize(
    "value,valid",
    [
        ("NL91ABNA0417164300", True),
        ("NL91 ABNA 0417 1643 00", True),
        ("NL92ABNA0417164300", False),
        ("DE89370400440532013000", True),
    ],
)
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
        ("Bel 06/12345678 of later.", ("phone", "block", "06/12345678")),
        ("Moeder: 06.12.34.56.78.", ("phone", "block", "06.12.34.56.78")),
        ("Hij woont in 1234 ab sinds mei.", ("postcode", "block", "1234 ab")),
        ("Geregistreerd onder PL0100-2025012345.", ("case_number", "block", "PL0100-2025012345")),
        ("Het BVH-nummer is 2024123456.", ("case_number", "block", "2024123456")),
        ("Veilig Thuis (VT-nummer 2025-00123) belde.", ("case_number", "block", "2025-00123")),
        ("Het raadsnummer 2025/54321 staat erop.", ("case_number", "block", "2025/54321")),
        ("De jeugdbescherming, dossiernummer 2022.0815, belde.", ("case_number", "block", "2022.0815")),
        ("Tess (09-11-2018) speelt buiten.", ("birth_date", "block", "09-11-2018")),
        ("Bram (2 maart 2014) speelt buiten.", ("birth_date", "block", "2 maart 2014")),
        ("Het kind (5/8/2011, BSN onbekend) woont bij moeder.", ("birth_date", "block", "5/8/2011")),
        ("Moeder, Abeba Tesfaye, kwam uit Eritrea.", ("name", "block", "Abeba Tesfaye")),
        ("Vader (Oleksandr Kovalenko) belde.", ("name", "block", "Oleksandr Kovalenko")),
        ("Moeder (sandra) wil niet.", ("name", "block", "sandra")),
        ("Toen zei opa henk dat het mocht.", ("name", "block", "henk")),
        ("Het gesprek met meneer de graaf ging over geld.", ("name", "block", "de graaf")),
        ("'mag ik morgen met noor en bram naar de film?'", ("name", "block", "noor")),
        ("'mag ik morgen met noor en bram naar de film?'", ("name", "block", "bram")),
        ("Thuis noemen ze hem Jopie.", ("name", "block", "Jopie")),
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
        assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    "text",
    [
        "Met Pasen, Pinksteren en Oud en Nieuw wisselen de kinderen van huis.",
        "Moeder wil dat oma vaker komt; opa kan niet meer rijden.",
        "Een vader die bakker is en een moeder die visser is, kozen voor een dagregeling in 2015 en later.",
        "De methodiek Ouderschap Blijft en de training Kinderen uit de Knel vullen elkaar aan.",
    ],
)
def test_words_that_look_like_names_do_not_block(text):
    assert not [f for f in find_personal_data(text) if f.is_blocking]


def test_roles_per_kind():
    text = (
        "Moeder (sandra) en opa henk. De politie registreerde PL0100-2025012345. "
        "Veilig Thuis gaf VT-nummer 2025-00123. Het raadsnummer is 2025/54321."
    )
    roles = {f.text: f.role for f in find_personal_data(text)}
    assert roles["sandra"] == "[MOEDER]"
    assert roles["henk"] == "[OPA]"
    assert roles["PL0100-2025012345"] == "[POLITIENUMMER]"
    assert roles["2025-00123"] == "[VEILIG THUIS-NUMMER]"
    assert roles["2025/54321"] == "[RAADSNUMMER]"


def test_warm_up_loads_deduce_and_runs_a_check():
    assert anonymity.warm_up() >= 0
    assert anonymity._deduce is not None


def test_deduce_is_loaded_once():
    first = anonymity.get_deduce()
    assert anonymity.get_deduce() is first


def test_deduces_tables_are_kept_out_of_the_garbage_collector():
    anonymity.get_deduce()
    assert gc.get_freeze_count() > 1_000_000


class _LockProbe:
    """Stands in for the deduce module: notes which other lock could be had while Deduce() ran."""

    def __init__(self, folder):
        self.folder, self.free = folder, {}

    def Deduce(self, cache_path):  # noqa: N802 - deduce's name
        for name, kind in (("shared", fcntl.LOCK_SH), ("exclusive", fcntl.LOCK_EX)):
            with open(cache_path / ".lock", "a") as other:
                try:
                    fcntl.flock(other, kind | fcntl.LOCK_NB)
                    self.free[name] = True
                except BlockingIOError:
                    self.free[name] = False
        return "deduce"


def test_one_process_builds_deduces_tables_and_others_wait(settings, tmp_path):
    settings.DEDUCE_CACHE_DIR = tmp_path
    probe = _LockProbe(tmp_path)
    assert anonymity._build_or_load(probe) == "deduce"
    assert probe.free == {"shared": False, "exclusive": False}  # building: nobody else reads or builds


def test_processes_load_built_tables_side_by_side(settings, tmp_path):
    settings.DEDUCE_CACHE_DIR = tmp_path
    cache = anonymity._deduce_cache_dir() / "cache"
    cache.mkdir(parents=True)
    (cache / "lookup_structs.pickle").write_bytes(b"built")
    probe = _LockProbe(tmp_path)
    anonymity._build_or_load(probe)
    assert probe.free == {"shared": True, "exclusive": False}  # loading: others may load, none may build


def test_deduces_tables_are_cached_per_version_outside_the_virtualenv(settings, tmp_path):
    settings.DEDUCE_CACHE_DIR = tmp_path
    folder = anonymity._deduce_cache_dir()
    assert folder.parent == tmp_path
    assert folder.name.startswith("deduce-") and "-docdeid-" in folder.name


def test_replace_everywhere_and_highlight():
    text = "Sem en Semih spelen. Sem lacht."
    assert anonymity.replace_everywhere(text, "Sem", "[KIND 1]") == "[KIND 1] en Semih spelen. [KIND 1] lacht."
    segments = anonymity.highlight("Bel 06-12345678 nu", find_personal_data("Bel 06-12345678 nu"))
    assert [s for s, f in segments if f] == ["06-12345678"]
