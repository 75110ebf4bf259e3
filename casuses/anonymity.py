"""The anonymity check: find personal data of clients in a casus or reaction before it is stored.

``find_personal_data(text) -> list[Finding]``; each finding has ``kind``, ``start``/``end``
(character offsets into ``text``), ``text``, ``severity`` (``"block"`` or ``"warn"``) and a
suggested replacement ``role`` such as ``[MOEDER]``, ``[KIND 1]`` or ``[PLAATS]``.

* ``block``: names of people, BSN (valid by the 11-proof), street + house number, postcode, phone
  number, e-mail, IBAN (valid by mod-97), exact dates of birth, case or file numbers.
* ``warn``: exact ages, place names, school / institution names, exact dates of events.

It combines Deduce (offline Dutch de-identification; names, places, institutions, dates, ages)
with precise checks of its own. Deduce is loaded once per process; loading its lookup tables takes
seconds, so web processes call ``warm_up()`` before they take requests (``community/wsgi.py``, which
``runserver`` and gunicorn's ``preload_app`` import before serving). Elsewhere (management commands,
tests) it loads on first use. The corpus in ``tests/casuses/`` measures the result
(``make eval-anonymity``).
"""

import fcntl
import gc
import importlib.util
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from django.conf import settings

_DATA = Path(__file__).resolve().parent / "anonymity_data"


def _word_list(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


BLOCK = "block"
WARN = "warn"


@dataclass(frozen=True)
class Kind:
    label: str  # Dutch, shown beside the finding
    role: str  # the default replacement
    severity: str  # BLOCK refuses the text, WARN asks for confirm_warnings


# What the check looks for: one row per kind of personal data.
KINDS = {
    "name": Kind("naam", "[PERSOON]", BLOCK),
    "bsn": Kind("BSN", "[BSN]", BLOCK),
    "address": Kind("adres", "[ADRES]", BLOCK),
    "postcode": Kind("postcode", "[POSTCODE]", BLOCK),
    "phone": Kind("telefoonnummer", "[TELEFOONNUMMER]", BLOCK),
    "email": Kind("e-mailadres", "[E-MAILADRES]", BLOCK),
    "iban": Kind("rekeningnummer", "[REKENINGNUMMER]", BLOCK),
    "birth_date": Kind("geboortedatum", "[GEBOORTEDATUM]", BLOCK),
    "case_number": Kind("dossier- of zaaknummer", "[DOSSIERNUMMER]", BLOCK),
    "url": Kind("internetadres", "[LINK]", WARN),
    "age": Kind("exacte leeftijd", "[LEEFTIJD]", WARN),
    "place": Kind("plaatsnaam", "[PLAATS]", WARN),
    "institution": Kind("school of instelling", "[INSTELLING]", WARN),
    "date": Kind("exacte datum", "[DATUM]", WARN),
}
BLOCK_KINDS = {kind for kind, row in KINDS.items() if row.severity == BLOCK}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    severity: str
    role: str = ""

    @property
    def label(self) -> str:
        return KINDS[self.kind].label

    @property
    def is_blocking(self) -> bool:
        return self.severity == BLOCK


def _finding(text: str, kind: str, start: int, end: int, severity: str | None = None) -> Finding:
    # Trim whitespace and trailing punctuation from the span.
    while start < end and text[start] in " \t\n\r\"'(":
        start += 1
    while end > start and text[end - 1] in " \t\n\r.,;:!?\"')":
        end -= 1
    if kind == "address":
        while match := re.match(r"(?:de|het|van|der|den|'t)\s+", text[start:end]):
            start += match.end()
    severity = severity or (BLOCK if kind in BLOCK_KINDS else WARN)
    return Finding(kind, start, end, text[start:end], severity)


# --- Deduce, loaded once per process -------------------------------------------------------------

_deduce = None
_deduce_lock = threading.Lock()


def get_deduce():
    """The one Deduce instance of this process (first call takes seconds; later calls are free)."""
    global _deduce
    if _deduce is None:
        with _deduce_lock:
            if _deduce is None:
                root = logging.getLogger()
                guard = None
                if not root.handlers:
                    # deduce calls logging.basicConfig(level=DEBUG) on import; keep our logging as is.
                    guard = logging.NullHandler()
                    root.addHandler(guard)
                level = root.level
                try:
                    import deduce  # here, not at the top: importing it takes seconds and reconfigures logging

                    gc.collect()
                    _deduce = _build_or_load(deduce)
                    # Deduce's tables are millions of objects that live as long as the process: out of
                    # the collector's sight, or every full collection walks them (seconds each), and
                    # forked workers (gunicorn preload_app) would copy every shared page doing so.
                    gc.freeze()
                finally:
                    root.setLevel(level)
                    if guard is not None:
                        root.removeHandler(guard)
    return _deduce


def _build_or_load(deduce):
    """Deduce with its lookup tables from the cache; one process builds them, others starting meanwhile wait.

    (gunicorn and the task worker of a fresh deploy, or two test runs, would otherwise each spend minutes
    building the same tables and write the same file at once.)"""
    folder = _deduce_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    built = (folder / "cache" / "lookup_structs.pickle").exists()
    with open(folder / ".lock", "a") as lock:
        # Readers share the lock; the builder holds it alone until the file is complete.
        fcntl.flock(lock, fcntl.LOCK_SH if built else fcntl.LOCK_EX)
        return deduce.Deduce(cache_path=folder)


def _deduce_cache_dir() -> Path:
    """Per deduce and docdeid version: deduce checks only its own version before it trusts a cache."""
    versions = "-".join(f"{package}-{metadata.version(package)}" for package in ("deduce", "docdeid"))
    return Path(settings.DEDUCE_CACHE_DIR) / versions


_WARM_UP_TEXT = (
    "Moeder Sandra de Vries (06-12345678) en vader Mehmet Yilmaz wonen in Utrecht. "
    "Hun dochter Noor (3 maart 2015) zit op basisschool De Regenboog."
)


def warm_up() -> float:
    """Load Deduce and run one check, so the first real check is as fast as every later one.

    Returns the seconds it took (for the start-up log)."""
    started = time.perf_counter()
    find_personal_data(_WARM_UP_TEXT)
    return time.perf_counter() - started


# Deduce tag -> our kind. Names: any tag mentioning a person or name part.
_DEDUCE_KINDS = {
    "locatie": "place",
    "ziekenhuis": "institution",
    "zorginstelling": "institution",
    "instelling": "institution",
    "datum": "date",
    "leeftijd": "age",
    "bsn": "bsn",
    "id": "case_number",
    "telefoonnummer": "phone",
    "emailadres": "email",
    "url": "url",
}


def _deduce_findings(text: str) -> list[Finding]:
    model = get_deduce()
    with _deduce_lock:
        document = model.deidentify(text)
    findings = []
    for annotation in document.annotations:
        tag = annotation.tag.lower()
        if tag in ("persoon", "patient") or "naam" in tag or "initia" in tag:
            kind = "name"
        else:
            kind = _DEDUCE_KINDS.get(tag)
        if kind is None or kind == "name" and annotation.text.islower():
            continue
        if kind == "place" and re.search(r"\d", annotation.text):
            kind = "address" if not POSTCODE.fullmatch(annotation.text.strip()) else "postcode"
        if kind == "bsn" and not is_valid_bsn(annotation.text):
            continue  # our own check below decides about BSNs
        if kind == "phone" and len(re.sub(r"\D", "", annotation.text)) < 9:
            continue
        # A bare long number is only a warning; with a keyword ("dossiernummer") our own check blocks it.
        severity = WARN if kind == "case_number" else None
        findings.append(_finding(text, kind, annotation.start_char, annotation.end_char, severity))
    return findings


# --- Precise checks of our own ---------------------------------------------------------------------


def is_valid_bsn(value: str) -> bool:
    """The 11-proof of a burgerservicenummer (8 or 9 digits)."""
    digits = re.sub(r"[\s.\-]", "", value)
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def is_valid_iban(value: str) -> bool:
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    if compact.startswith("NL") and len(compact) != 18:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


BSN_CANDIDATE = re.compile(r"(?<![\w.-])(\d{9}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3})(?![\w-])")
BSN_CONTEXT = re.compile(r"(bsn|burgerservicenummer|sofinummer|sofi-nummer)\W{0,4}$", re.I)
POSTCODE = re.compile(
    r"(?<![\w-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w-])|(?<![\w-])[1-9]\d{3} ?(?!sa|sd|ss|en|op|in|te|of|is|de|na|om|al|nu|ja|km|cm|mm|mg|kg|ml|tv|pc|cd|ha)[a-z]{2}(?![\w-])"
)
IBAN_CANDIDATE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w])", re.I)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+./-])(?:\+31|0031|0)[\s\-./]?(?:\(0\)[\s\-./]?)?\(?\d[\d\s\-\)./]{7,14}\d(?![\d/]|[.-]\d)")
STREET_SUFFIXES = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad|dreef|park|markt|ring|baan|wal|erf|"
    "plantsoen|boulevard|allee|straatweg|dwarsstraat|veld|hoek|zijde|haven|burgwal|lei|akker|weide|kamp|"
    "berg|dam|poort|oord|vaart|tuin|staete|hoeve|stede|wijk|rade|horst|donk|acker"
)
ADDRESS = re.compile(
    r"(?<![\w-])(?:(?:[A-Z][\w'.-]*|van|de|der|den|het|'t)\s+){0,4}"
    rf"[A-Z][\w'-]*(?:{STREET_SUFFIXES})\s+\d{{1,5}}(?:\s?[-]?\s?[a-zA-Z](?![\w]))?(?:[-/]\d{{1,4}})?(?:-?[IVX]{{1,3}}(?![\w]))?(?![\w-])"
)
ADDRESS_WORDS = re.compile(
    r"(?<![\w-])(?:Laan|Plein|Weg|Dorpsstraat|Hoofdstraat|Kerkstraat|Markt|Singel)\s+(?:van\s+|de\s+|der\s+)*[A-Z][\w'-]*\s+\d{1,5}[a-zA-Z]?(?![\w-])"
)
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
DATE = re.compile(
    r"(?<![\w/-])(?=\d)(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\.?(?:\s+(?:19|20)\d{{2}}|\s+'\d{{2}})?)(?![\w/-])",
    re.I,
)
BIRTH_CONTEXT = re.compile(r"(geboren|geb\.|geboortedatum|geboortedag|verjaardag|jarig|geb\s|°|\*)[^.\n]{0,25}$", re.I)
BIRTH_AFTER = re.compile(r"\s*(?:\)|,)?\s*(?:is\s+)?(?:geboren|geb\.)", re.I)
CASE_KEYWORDS = (
    r"(?:BVH|VT|PV|proces-verbaal|raads|parket|mutatie|meld|registratie|politie)-?(?:nummer|nr)|"
    r"dossiernummer|dossiernr|dossier|zaaknummer|zaaknr|zaak|rolnummer|rekestnummer|kenmerk|"
    r"registratienummer|cliëntnummer|clientnummer|cli[eë]ntnr|referentienummer|referentie|meldingsnummer|"
    r"ons kenmerk|uw kenmerk|beschikking|vonnis|procedurenummer|polisnummer|klantnummer|ECLI"
)
CASE_NUMBER = re.compile(
    rf"(?<![\w])(?i:{CASE_KEYWORDS})\.?\s*(?i:nummer|nr\.?|no\.?)?\s*[:#]?\s*(?:(?:is|was|luidt)\s+)?"
    r"((?:[A-Z][A-Za-z]{1,5}[\s-](?=\d))?(?=[A-Z0-9/.\-]*\d)[A-Z0-9](?:[A-Z0-9/.\-]|\s(?=[A-Z0-9/\-]*\d))*[A-Z0-9])"
)
IDENTIFIER = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,6}-\d{2,4}[-/]\d{3,}|[A-Z]{2}\d{4}-\d{6,}|[A-Z]{2,4}-\d{4,}|RvdK\s+\d{4}/\d{3,}"
    r"|\d{2}/\d{6}-\d{2})(?![\w-])"
)
COURT_NUMBER = re.compile(
    r"(?<![\w/])(?:[A-Z]/\d{2}/\d{4,7}(?:\s*/?\s*[A-Z]{2}\s*[A-Z]{2}\s*\d{2}-\d{1,5})?|[A-Z]{2}\s?RK\s?\d{2}-\d{1,5}"
    r"|ECLI:NL:[A-Z]+:\d{4}:[A-Z0-9.]+)"
)

NUMBER_WORDS = (
    "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
    "zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig"
)
AGE_PATTERNS = [
    re.compile(rf"(?<![\w-])(?:\d{{1,2}}|{NUMBER_WORDS})[- ]?jarige?n?(?![\w])", re.I),
    re.compile(r"(?<=[A-Za-zé])\s?\(\d{1,2}(?:\s?jaar|\s?jr\.?)?\)"),
    re.compile(
        rf"(?<![\w])(?:van|is|wordt|werd|was|zijn|nu|inmiddels|toen)\s+(?:bijna\s+|net\s+|pas\s+)?"
        rf"(?:\d{{1,2}}|{NUMBER_WORDS})(?:\s+en\s+een\s+half)?\s+(?:jaar|jaren|maanden)(?:\s+oud)?(?!\s+(?:geleden|gescheiden|getrouwd|samen|bij|in|op|lang|later|na|terug|werkzaam|actief))(?![\w])",
        re.I,
    ),
    re.compile(rf"(?<![\w])(?=\w+\s+jaar\s+oud)(?:\d{{1,2}}|{NUMBER_WORDS})\s+jaar\s+oud(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:is|zijn|was|wordt|werd)\s+\d{1,2}(?=\s+en\s|\s*[,.;:])", re.I),
    re.compile(r"(?<=\d\sen\s)\d{1,2}\s+jaar(?![\w])", re.I),
    re.compile(r"(?<![\w])leeftijd\s+van\s+\d{1,2}(?:\s+jaar)?(?![\w])", re.I),
]
INSTITUTION = re.compile(
    r"(?<![\w-])(?:(?:openbare\s+|christelijke\s+|katholieke\s+)?basisschool|school|OBS|CBS|RKBS|PCBS|IKC|SBO|SO|VSO|"
    r"kindcentrum|kinderdagverblijf|kinderopvang|peuterspeelzaal|BSO|KDV|college|lyceum|gymnasium|"
    r"scholengemeenschap|praktijk|ziekenhuis|kliniek|huisartsenpraktijk|GGZ|sportvereniging|voetbalclub|"
    r"voetbalvereniging|vereniging|kerk|moskee|moskee)\s+"
    r"(?:de\s+|het\s+|'t\s+|De\s+|Het\s+)?[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|aan\s+de|van|de|der))*(?<![\s])"
)
INSTITUTION_SUFFIX = re.compile(
    r"(?<![\w-])(?:het\s+|de\s+)?(?:[A-Z][\w'-]+\s+)?[A-Z][\w'-]*(?:college|lyceum|gymnasium|school|"
    r"kliniek|ziekenhuis)(?![\w-])"
)
ROLE_NAME = re.compile(
    r"(?<![\w])(?:moeder|vader|mama|papa|zoon|zoontje|dochter|dochtertje|kind|broer|broertje|zus|zusje|"
    r"oma|opa|tante|oom|stiefvader|stiefmoeder|partner|vriend|vriendin|jongen|meisje|baby|peuter|"
    r"juf|meester|mevrouw|meneer|dhr\.?|mw\.?|mevr\.?)\s+"
    r"([A-Z][a-zà-ÿ'-]+(?:\s+(?:van\s+der|van\s+den|van\s+de|van|de|der|den|el|al|ter|ten|te)\s+[A-Z][a-zà-ÿ'-]+"
    r"|\s+[A-Z][a-zà-ÿ'-]{2,}(?=\s|[.,;:)]|$))?)"
)
NAME_AGE = re.compile(r"(?<![\w])([A-Z][a-zà-ÿ'-]+)\s?\(\d{1,2}(?:\s?jaar|\s?jr\.?)?\)")

# Words that look like names in deduce's tables but are ordinary in casus texts.
NOT_NAMES = _word_list(_DATA / "not_names.txt")
# Domain terms that are never personal data (deduce sometimes marks them as institutions or places).
NOT_PERSONAL = [
    line.strip()
    for line in (_DATA / "not_personal.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
_NOT_PERSONAL_RE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(t) for t in NOT_PERSONAL) + r")(?![\w])")


# --- Pattern rules ---------------------------------------------------------------------------------
# One row per pattern: the kind it finds, which group of the match is the finding, and (optionally) a
# judge that looks at the match in its text and says the severity: "" for the kind's own, WARN or
# BLOCK, or None to drop the match. The rows run in this order; overlaps are resolved afterwards.


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    group: int = 0
    judge: Callable[[str, re.Match], str | None] | None = None
    kind_of: Callable[[str, re.Match], str] | None = None  # when the text decides the kind (dates)


def _iban(text: str, match: re.Match) -> str | None:
    if is_valid_iban(match.group()):
        return ""
    if match.group()[:2].upper() == "NL" and len(re.sub(r"\s", "", match.group())) == 18:
        return WARN
    return None


def _bsn(text: str, match: re.Match) -> str | None:
    if is_valid_bsn(match.group()):
        return ""
    return WARN if BSN_CONTEXT.search(text[max(0, match.start() - 30) : match.start()]) else None


def _phone(text: str, match: re.Match) -> str | None:
    digits = re.sub(r"\D", "", match.group())
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31"):
        digits = "0" + digits[2:]
    return "" if len(digits) == 10 or (match.group().count("(0)") and len(digits) == 11) else None


_GENERIC_INSTITUTIONS = {"basisschool", "school", "de school", "het college"}


def _institution(text: str, match: re.Match) -> str | None:
    found = match.group().strip()
    return None if found.lower() in _GENERIC_INSTITUTIONS or found.islower() else ""


def _a_name(text: str, match: re.Match) -> str | None:
    return None if match.group(1).lower() in NOT_NAMES else ""


def _name_before_birth_date(text: str, match: re.Match) -> str | None:
    date = DATE.match(text, match.end())
    if date and match.group(1).lower() not in NOT_NAMES and _is_birth_date(text, *date.span()):
        return ""
    return None


def _date_kind(text: str, match: re.Match) -> str:
    return "birth_date" if _is_birth_date(text, *match.span()) else "date"


# --- Names by sentence structure ------------------------------------------------------------------
# Where a name stands is told by the words around it (a role word, a title, a parenthesis after a
# person, a quote, a verb of naming); a lexicon of first names of many origins decides only for
# lower-case tokens, which would otherwise be ordinary words. Word lists are data files.


def _deduce_list(*parts: str) -> frozenset[str]:
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.origin:
        return frozenset()
    return _word_list(Path(spec.origin).parent.joinpath("data", "lookup", "src", *parts, "items.txt"))


FIRST_NAMES = _deduce_list("names", "lst_first_name") | _word_list(_DATA / "first_names.txt")
# Dutch words that are also first names ("wil", "roos"): never a name in lower case on their own.
COMMON_WORDS = _deduce_list("whitelist", "lst_common_word") | _deduce_list("whitelist", "lst_stop_word")
NAME_LIKE_WORDS = _word_list(_DATA / "name_like_words.txt") | COMMON_WORDS

_CAP = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][a-zà-öø-ÿßłśżźćńąęőűșțğı'-]+"
_LOW = r"[a-zà-öø-ÿßłśżźćńąęőűșțğı][a-zà-öø-ÿßłśżźćńąęőűșțğı'-]+"
_PARTICLE = r"(?:van\s+der|van\s+den|van\s+de|van|de|der|den|dos|da|das|del|della|di|du|el|al|ter|ten|te|von|le|la|bin|ibn|abu|ben)"
_FULL_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{0,3}}"
_SURNAME = rf"(?i:{_PARTICLE}\s+)?(?:{_CAP}|{_LOW})(?:\s+{_CAP})?"

ROLE_WORDS = _word_list(_DATA / "role_words.txt")
_ROLE = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# "Moeder, Abeba Tesfaye," / "Vader (Nguyen Van Minh)" / "moeder (sandra)" / "opa henk" / "oma Fatma".
ROLE_THEN_NAME = re.compile(
    rf"(?<![\w])(?i:(?:de\s+|het\s+|haar\s+|zijn\s+|hun\s+)?(?:{_ROLE}))\s*(?:(,|\()\s*)?({_FULL_NAME}|{_LOW})(?=\s*[),.;:!?'\"]|\s|$)"
)
TITLE_THEN_NAME = re.compile(
    rf"(?<![\w])(?i:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|de\s+heer|mr\.?|dr\.?|(?:meneer|mevrouw)\s+en\s+(?:meneer|mevrouw))\s+({_SURNAME})"
    rf"(?=\s*[),.;:!?'\"]|\s|$)"
)
NAMING = re.compile(
    rf"(?<![\w])(?i:noem\w*|heet|heten|genaamd|bijnaam|roepnaam)(?:\s+(?i:ze|zij|we|wij|hij|hem|haar|hun|het|altijd|"
    rf"thuis|eigenlijk|ook|nog|gewoon|de|kinderen|zijn|dochter|zoon|stiefvader|stiefmoeder|nieuwe|partner|als))*"
    rf"\s+['\"]?(?i:onze\s+kleine\s+|ome\s+|tante\s+)?({_CAP})"
)
SPEECH_THEN_NAME = re.compile(
    rf"(?<![\w])(?i:zei|zegt|vroeg|vraagt|schreef|schrijft|stuurde|appte|appt|riep|antwoordde|vertelde)\s+({_CAP}|{_LOW})(?![\w-])"
)
KLEINE_NAME = re.compile(rf"(?<![\w])(?i:onze\s+kleine|ome|tante)\s+({_CAP})")
QUOTE = re.compile(r"(?:^|(?<=[\s(:]))(['\"‘“])(.{2,300}?)(?:['\"’”])(?=[\s,.;:!?)]|$)", re.S)
_TOKEN = re.compile(rf"(?<![\w-]){_LOW}(?![\w-])")
NAME_PAREN = re.compile(rf"(?<![\w])({_CAP})\s*\(\s*(?=\d)")
_NOT_AFTER_ROLE = {"en", "of", "die", "dat", "wil", "is", "heeft", "was", "zegt", "vindt", "kan", "moet"}


def _is_lower_name(token: str) -> bool:
    word = token.lower()
    return word in FIRST_NAMES and word not in NAME_LIKE_WORDS and word not in NOT_NAMES


def _structural_names(text: str) -> list[Finding]:
    findings = []
    for match in ROLE_THEN_NAME.finditer(text):
        name, punctuation = match.group(2), match.group(1)
        first = name.split()[0].lower()
        if first in NOT_NAMES or first in _NOT_AFTER_ROLE or first in COMMON_WORDS:
            continue
        if name.islower() and not (
            _is_lower_name(name)
            or punctuation == "("
            and first not in NAME_LIKE_WORDS
            and re.match(r"\s*\)", text[match.end(2) :])
            or first in FIRST_NAMES
            and re.match(
                r"(?i:oma|opa|tante|oom)\b", match.group().split()[-2 if len(match.group().split()) > 1 else 0]
            )
        ):
            continue
        if not name.islower() and not punctuation and first in NAME_LIKE_WORDS and first not in FIRST_NAMES:
            continue
        findings.append(_finding(text, "name", *match.span(2)))
    for match in TITLE_THEN_NAME.finditer(text):
        name = match.group(1)
        if name.split()[-1].lower() in NOT_NAMES | _NOT_AFTER_ROLE | {"en", "de", "van"}:
            continue
        findings.append(_finding(text, "name", *match.span(1)))
    for pattern in (NAMING, KLEINE_NAME):
        for match in pattern.finditer(text):
            if match.group(1).lower() not in NOT_NAMES:
                findings.append(_finding(text, "name", *match.span(1)))
    for match in SPEECH_THEN_NAME.finditer(text):
        word = match.group(1).lower()
        if word in FIRST_NAMES and word not in NAME_LIKE_WORDS and word not in NOT_NAMES:
            findings.append(_finding(text, "name", *match.span(1)))
    for quote in QUOTE.finditer(text):
        offset = quote.start(2)
        for token in _TOKEN.finditer(quote.group(2)):
            if _is_lower_name(token.group()):
                findings.append(_finding(text, "name", offset + token.start(), offset + token.end()))
    return findings


_PLACE_BEFORE = re.compile(r"(?<![\w])(?:uit|naar|in|te|richting|vanuit)\s+$", re.I)
_CAP_TOKEN = re.compile(rf"(?<![\w-]){_CAP}(?![\w-])")


def _lexicon_names(text: str) -> list[Finding]:
    """A capitalised first name of the lexicon that is no Dutch word ("Femke", "Bilal", "Haruto")."""
    findings = []
    for match in _CAP_TOKEN.finditer(text):
        word = match.group().lower()
        if word in FIRST_NAMES and word not in NAME_LIKE_WORDS and word not in NOT_NAMES:
            if not _PLACE_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                findings.append(_finding(text, "name", *match.span()))
    return findings


PATTERN_RULES = [
    Rule("email", EMAIL),
    Rule("iban", IBAN_CANDIDATE, judge=_iban),
    Rule("bsn", BSN_CANDIDATE, judge=_bsn),
    Rule("postcode", POSTCODE),
    Rule("phone", PHONE, judge=_phone),
    Rule("address", ADDRESS),
    Rule("address", ADDRESS_WORDS),
    Rule("case_number", CASE_NUMBER, group=1),
    Rule("case_number", IDENTIFIER),
    Rule("case_number", COURT_NUMBER),
    Rule("date", DATE, kind_of=_date_kind),
    *(Rule("age", pattern) for pattern in AGE_PATTERNS),
    Rule("institution", INSTITUTION, judge=_institution),
    Rule("institution", INSTITUTION_SUFFIX, judge=_institution),
    Rule("name", ROLE_NAME, group=1, judge=_a_name),
    Rule("name", NAME_AGE, group=1, judge=_a_name),
    Rule("name", NAME_PAREN, group=1, judge=_name_before_birth_date),
]


def _rule_findings(text: str, rule: Rule) -> list[Finding]:
    findings = []
    for match in rule.pattern.finditer(text):
        severity = rule.judge(text, match) if rule.judge else ""
        if severity is None:
            continue
        kind = rule.kind_of(text, match) if rule.kind_of else rule.kind
        findings.append(_finding(text, kind, *match.span(rule.group), severity=severity or None))
    return findings


def _own_findings(text: str) -> list[Finding]:
    findings = [finding for rule in PATTERN_RULES for finding in _rule_findings(text, rule)]
    findings += _structural_names(text)
    findings += _lexicon_names(text)
    return findings


def _is_birth_date(text: str, start: int, end: int) -> bool:
    """A date next to a person is a birth date: "Tess (09-11-2018)", "(5/8/2011, BSN …)", "Liam, 12-04-2012"."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 20]
    if BIRTH_CONTEXT.search(before) or BIRTH_AFTER.match(after):
        return True
    if re.match(r"\s*,\s*(?:BSN|burgerservicenummer)", after, re.I):
        return True
    person = rf"(?:{_CAP}|kind|kinderen|jongste|oudste|zoon|dochter|meisje|jongen|baby|broer|zus)"
    return bool(re.search(rf"(?<![\w]){person}\s*[(,]\s*$", before) and re.match(r"\s*(?:[),;]|en\s)", after))


# --- Combining ----------------------------------------------------------------------------------


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _NOT_PERSONAL_RE.finditer(text)]


def _trim_name(finding: Finding, text: str) -> Finding:
    """Deduce includes a leading role word ("Vader Johan"): keep only the name."""
    if finding.kind != "name":
        return finding
    start = finding.start
    while True:
        match = re.match(r"([\w'.-]+)\s+", text[start : finding.end])
        if not match or match.group(1).lower().rstrip(".") not in NOT_NAMES | {"mr", "dr", "drs", "ir"}:
            break
        if match.group(1) in ("de", "het") and re.match(r"\s*[\w'-]+\s*$", text[start + match.end() : finding.end]):
            break  # "de graaf", "de Vries": a surname with its particle
        start += match.end()
    return _finding(text, "name", start, finding.end) if start != finding.start else finding


def _keep(finding: Finding, text: str, excluded: list[tuple[int, int]]) -> bool:
    if finding.start >= finding.end:
        return False
    if finding.kind == "name":
        words = [w for w in re.split(r"[\s.]+", finding.text) if w]
        if all(w.lower().strip("'") in NOT_NAMES for w in words):
            return False
    if finding.kind in ("name", "place", "institution", "date", "age", "url"):
        for start, end in excluded:
            if start <= finding.start and finding.end <= end:
                return False
    return True


_RANK = {BLOCK: 1, WARN: 0}


def _resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Where findings overlap keep the most severe, then the longest."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-_RANK[f.severity], -(f.end - f.start), f.start)):
        if all(finding.end <= other.start or finding.start >= other.end for other in chosen):
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


def find_personal_data(text: str, *, use_deduce: bool = True) -> list[Finding]:
    """All personal data found in ``text``, ordered by position, with a suggested role each."""
    if not text or not text.strip():
        return []
    candidates = _own_findings(text)
    if use_deduce:
        candidates += _deduce_findings(text)
    excluded = _excluded_spans(text)
    candidates = [_trim_name(f, text) for f in candidates]
    findings = _resolve_overlaps([f for f in candidates if _keep(f, text, excluded)])
    return assign_roles(text, findings)


# --- Replacement roles ------------------------------------------------------------------------------

_ROLE_WORDS = [
    (re.compile(r"\b(moeder|mama|mevrouw|mw|mevr)\.?\s*[,(]?\s*$", re.I), "[MOEDER]"),
    (re.compile(r"\b(vader|papa|meneer|dhr|de heer)\.?\s*[,(]?\s*$", re.I), "[VADER]"),
    (re.compile(r"\b(stiefvader|stiefmoeder|partner|vriend|vriendin)\s*(van\s+\w+\s*)?$", re.I), "[NIEUWE PARTNER]"),
    (re.compile(r"\b(oma|grootmoeder)\s*[,(]?\s*$", re.I), "[OMA]"),
    (re.compile(r"\b(opa|grootvader)\s*[,(]?\s*$", re.I), "[OPA]"),
    (re.compile(r"\b(juf|meester|leerkracht|mentor)\s*$", re.I), "[LEERKRACHT]"),
    (re.compile(r"\b(advocaat|advocate)\s*$", re.I), "[ADVOCAAT]"),
    (re.compile(r"\btante\s*[,(]?\s*$", re.I), "[TANTE]"),
    (re.compile(r"\boom\s*[,(]?\s*$", re.I), "[OOM]"),
    (
        re.compile(
            r"\b(zoon|zoontje|dochter|dochtertje|kind|kinderen|broer|broertje|zus|zusje|jongen|meisje|baby|peuter)"
            r"\s*[,(:]?\s*$",
            re.I,
        ),
        "[KIND]",
    ),
]


# Case and file numbers: the organisation named just before the number decides the role.
_CASE_ROLES = [
    (re.compile(r"politie|aangifte|proces-verbaal|mutatie|BVH|wijkagent|PL\d", re.I), "[POLITIENUMMER]"),
    (re.compile(r"Veilig Thuis|VT", re.I), "[VEILIG THUIS-NUMMER]"),
    (re.compile(r"\bRaad\b|raads|RvdK", re.I), "[RAADSNUMMER]"),
    (re.compile(r"rechtbank|rechter|zaaknummer|parket|beschikking|zitting|FA RK|JE RK|ECLI", re.I), "[ZAAKNUMMER]"),
    (re.compile(r"jeugdbescherm|gecertificeerde|\bGI\b|\bJB\b", re.I), "[DOSSIERNUMMER JEUGDBESCHERMING]"),
]


def _case_role(text: str, finding: Finding) -> str:
    context = re.split(r"[.!?]\s", text[max(0, finding.start - 60) : finding.start])[-1] + finding.text
    nearest, chosen = -1, KINDS["case_number"].role
    for pattern, role in _CASE_ROLES:
        for match in pattern.finditer(context):
            if match.start() > nearest:
                nearest, chosen = match.start(), role
    return chosen


# Institutions: what the name says decides the role.
_INSTITUTION_ROLES = [
    (re.compile(r"school|college|lyceum|gymnasium|IKC|OBS|CBS|BSO", re.I), "[SCHOOL]"),
]
# After a name: an age in parentheses, "Bram (8)", makes it a child.
_CHILD_AFTER_NAME = re.compile(r"\s?\(\d{1,2}")


def _first_role(table, context: str, default: str) -> str:
    return next((role for pattern, role in table if pattern.search(context)), default)


def _name_role(text: str, finding: Finding) -> str:
    before = text[max(0, finding.start - 25) : finding.start]
    role = _first_role(_ROLE_WORDS, before, KINDS["name"].role)
    if role == KINDS["name"].role and _CHILD_AFTER_NAME.match(text[finding.end : finding.end + 12]):
        return "[KIND]"
    return role


def _institution_role(text: str, finding: Finding) -> str:
    return _first_role(_INSTITUTION_ROLES, finding.text, KINDS["institution"].role)


# Kinds whose role depends on the text around the finding; the others take their kind's role.
_ROLE_CHOOSERS = {"name": _name_role, "case_number": _case_role, "institution": _institution_role}


def assign_roles(text: str, findings: list[Finding]) -> list[Finding]:
    """Suggest a replacement per finding; the same name always gets the same role, children are numbered."""
    by_name: dict[str, str] = {}
    children = 0
    result = []
    for finding in findings:
        choose = _ROLE_CHOOSERS.get(finding.kind)
        if finding.kind == "name":
            key = finding.text.split()[0].lower()
            if key not in by_name:
                role = choose(text, finding)
                if role == "[KIND]":
                    children += 1
                    role = f"[KIND {children}]"
                by_name[key] = role
            role = by_name[key]
        else:
            role = choose(text, finding) if choose else KINDS[finding.kind].role
        result.append(replace(finding, role=role))
    return result


def replace_span(text: str, start: int, end: int, replacement: str) -> str:
    return text[:start] + replacement + text[end:]


def replace_everywhere(text: str, needle: str, replacement: str) -> str:
    """Replace every whole-word occurrence of ``needle`` (a name appears more than once)."""
    if not needle:
        return text
    return re.sub(r"(?<![\w])" + re.escape(needle) + r"(?![\w])", replacement, text)


def highlight(text: str, findings: list[Finding]):
    """Segments for a template: (text, finding or None), in order."""
    segments = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            continue
        if finding.start > position:
            segments.append((text[position : finding.start], None))
        segments.append((text[finding.start : finding.end], finding))
        position = finding.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments
