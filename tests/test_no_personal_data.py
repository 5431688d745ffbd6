"""No personal data from the source documents in the repository (issue #18, point 7).

The Finnish documents the library models (the seeds of ``DOMAIN.md``) name real
people: contact persons of theme networks, the authors of a city's draft, the people
behind a slide deck, with their e-mail addresses, phone numbers and social-media
handles. None of that may reach the package, the docs, the examples or the tests.
Two checks guard it:

1. **The denylist.** Every personal item found in the seeds is listed here, but only
   as a salted SHA-256 hash, never as text: this file must not itself republish what
   it guards against. The scanner reads every text file of the repository, forms the
   candidate strings the same way, hashes them and looks them up.
2. **The patterns.** Independently of the list, any e-mail address or Finnish phone
   number fails the test, unless it is clearly fictional: an address at a reserved or
   placeholder domain (``example.org``, ``.invalid``, ...), or a value listed in
   :data:`ALLOWED` with its file and the reason it is there.

Decisions
---------

*What is hashed.* Full items only: a person's first name and surname as one pair
(in both orders, ``first last`` and ``last first``, as Finnish lists often put the
surname first), whole e-mail addresses, whole phone numbers and whole handles. Never
a first name or a surname alone: a single common name is recovered from its hash by
hashing a list of names, and it would also flag every innocent use of the word.

*What the hashes do not protect.* The salt is a fixed, public constant
(:data:`SALT`). It stops lookup in precomputed tables of unsalted hashes and links
to hashes of the same values elsewhere, nothing more: anyone with a list of Finnish
first names and surnames can hash every pair (some 10^8) and recover the names. That
is accepted, because the names are already public in the seeds; the point is only
that this file does not spread them in readable form. A slow hash (scrypt, PBKDF2)
would raise the cost of that search, but the scan hashes over half a million candidates
and must stay fast, so a plain SHA-256 it is. Phone numbers are weaker still (a
number of a known prefix is one of 10^7), which is why no number of a real person is
listed in :data:`ALLOWED` either, and none may appear there.

*Normalisation* (:func:`_fold`, the same for the list and the scan): Unicode NFKD,
combining marks dropped (so ``ä`` and ``a`` hash alike: a name written without
diacritics, as in an e-mail address or an identifier, is still found), casefolded,
whitespace collapsed to single spaces. On top of that, each kind has its canonical
form:

- names: the letter runs of the text (a camelCase identifier is split, digits,
  underscores, dots and hyphens separate words), joined by one space; candidates
  are word n-grams of length 2 and 3, and the pair around one word in between (a
  middle name or an initial);
- e-mails: the whole match of :data:`EMAIL`;
- phones: digits only, in the national form (``+358`` and ``00358`` become ``0``);
- handles: any single run of letters, digits and underscores.

*What is scanned.* Every text file under the repository root, so ``src/``, ``docs/``,
``examples/``, ``tests/``, ``README.md`` and ``CHANGELOG.md`` and also the
benchmarks, tools, CI scripts and ``pyproject.toml``. Skipped: version control,
virtual environments, caches, build output (``build``, ``dist``, ``docs/_build``,
``*.egg-info``), the generated docs files (``docs/_generated``, written by the docs
build) and binary files (by extension, or a NUL byte in the first 8 KiB). Files are
read as UTF-8 with ``errors="replace"``.

*Reports.* A failure names the file, the line and the kind of item, never the item:
the log of a failing run must not spread it either.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Fixed and public: see the module docstring for what it does and does not protect.
SALT = b"jarjestoyhteistyo/issue-18/no-personal-data/v1\x00"

#: Every personal item found in the seeds, as :func:`_hash` of its canonical form.
#: To add one, compute ``_hash(...)`` in a Python shell (never in a file) and paste
#: the hex digest with a comment saying what kind of item and which seed it is from,
#: without the item itself.
DENYLIST: Mapping[str, frozenset[str]] = {
    # people named in the seeds: 8 persons, each as "first last" and "last first";
    # one of them also under the other spelling of her surname that her handle uses
    "name": frozenset(
        {
            # seed 002: the contact persons of the five theme networks
            "fefbd006c2c65ef101ff764b133a43d753ca6a98be28761e35dc18fc3d0d4a8f",
            "43b3d88ab3fa11b7d90667a64399040bde8418dc5923840e5f7241f809f5530c",
            "b36b84838d573fe32be8ffda42ab4a7fa56a6e17d286b5a898151446b55dcca0",
            "9ee46c46cfc4ccbb808335f8bef42cf868fbdef3f74faaf93d08005737bc5dd7",
            "730b091f5a14877478afc740fd9b5747377a2bf284a7629d0530c7d357b26472",
            "093d360286f518c19923ef2a4175b976de163b49e1dfbe8b194aff136b50fed1",
            "dd114fe0efe7aed37adc063abce2e436ea148362db4bf3d4245f1bccaeca9b3c",
            "354c35818b6cdbc025e928437be5475a402bf92a8a0ba84c0075374c6146f3c8",
            "51e2fd6adcb8ec2bb546ac4a6dfa841f9c91a241e6c6e30dc2739fe3f1b73b16",
            "52e5a4d6eb73767ac478880f88c59cf326c2c88c8171230a9ddc62943c5c90df",
            "5b849c0ad41b9083d50affe2791e008e98f3921dd39926384926829b352a84bb",
            "c667508bea8f25e20fb92f0ae297b884734fe68014b7eca64641051948d8d3fd",
            # seed 002: the two people on the closing contact slide
            "c23836bc855acb3cdb7ab379b2ee3015d3483924549a7ba09be153169cf37dbe",
            "bb63abc8f8ed9300b2eac6a0a9b897324db822fc6c26d17e9debe98e14c39759",
            # seed 004: the two authors of the draft
            "5b8cc1b165a3d779eb69d7d2394d691a588e6cdd71b88e46d60fa490210697a7",
            "120cfe94a2127f84e94c1264ba65a3c1216a7fa8f97cfb08f9df3d103807ae44",
            "7c0a39ba04b367878ccdfc001e294d4ca8200ba3d678efe24a164f295c23aaf1",
            "a7f4560850165bf9ef2f029f845da72b6dacfcb649f19177c9c434c484493fad",
        }
    ),
    # seed 002: the five contact persons' e-mail addresses
    "email": frozenset(
        {
            "dd6845406a00e46afef0cade3493d3b5d6a9ad46e577e6672b7ad071978da550",
            "b1505f42b816ab268e8324c0804d2f50343ffd19ff08138b73c363c4831f18bb",
            "32d261f0400c6de2e19dace475886a404efaf5a5b90d5dea7c93ff3375525db9",
            "8ea0448e0814b47c884558850f8cb46c04feb5e89f295ed452038d28c26d0b06",
            "3db2c70c719108af4039c28ebfa1505e38ef002be76bae99968b6d502cfa3620",
        }
    ),
    # seed 002: the two mobile numbers on the closing contact slide
    "phone": frozenset(
        {
            "a35bc6e9b07f33be7d8af81afb711df169469eb5fbbf678476cfa560c685314a",
            "3ff89993aad6c4667640f974a64c8459c09133e3e65a79af80f5c4bb918f29ca",
        }
    ),
    # seed 002: the two social-media handles on the closing contact slide
    "handle": frozenset(
        {
            "6d398eeaed272249853227dea40d48364ba8393d4d2010cc67decc8b66509984",
            "b65956acca8e788260e0cec904b3b81d76ca94ddcde9cb318d23c0f6aa828bc1",
        }
    ),
}

#: How many hashes of each kind :data:`DENYLIST` holds: a lost entry fails a test.
DENYLIST_COUNTS = {"name": 18, "email": 5, "phone": 2, "handle": 2}

# ------------------------------------------------------------------ normalisation


def _bare(text: str) -> str:
    """NFKD without combining marks (``ä`` becomes ``a``); newlines stay where they are."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(marks)


def _fold(text: str) -> str:
    """NFKD without combining marks, casefolded, whitespace collapsed."""
    return " ".join(_bare(text).casefold().split())


def _digest(folded: str) -> str:
    return hashlib.sha256(SALT + folded.encode("utf-8")).hexdigest()


def _hash(text: str) -> str:
    """The salted SHA-256 of the folded text: the form in which :data:`DENYLIST` holds
    an item, and the one the scanner computes for each candidate."""
    return _digest(_fold(text))


# A word: an upper-case run not followed by lower case ("MÄKELÄ", the "JSON" of
# "JSONParser"), a capitalised or lower-case run (splitting camelCase), or any other run
# of letters. Digits, underscores, dots and hyphens separate words.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
WORD = re.compile(rf"[{_UPPER}]+(?![{_LOWER}])|[{_UPPER}]?[{_LOWER}]+|[^\W\d_]+")
HANDLE = re.compile(r"\w+")
EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[\w-]+\.)+[^\W\d_]{2,}(?![\w-])")
# Finnish phone numbers: international (+358 or 00358, an optional "(0)", then 7 to 10
# digits), national with separators (0, an area or mobile prefix of 1 to 3 digits, a
# space or hyphen, then groups of digits) and national mobile numbers (040 to 049, 050)
# without them.
PHONE = re.compile(
    r"(?=[+0])(?:"  # a cheap first test: the pattern is run over every text
    r"(?<![\w+])(?:\+|00)358[ \-]*(?:\(0\)[ \-]*)?\d(?:[ \-]?\d){6,9}(?!\d)"
    r"|(?<![\w+.,/:-])0[1-9]\d{0,2}[ \-]\d{3}[ \-]?\d{2,4}(?!\d)"
    r"|(?<![\w+.,/:-])0(?:4\d|50)\d{6,7}(?!\w)"
    r")"
)


def _phone(match: str) -> str:
    """Digits only, national form: ``+358 40 ...`` and ``00358 40 ...`` give ``040...``."""
    digits = re.sub(r"\D", "", match)
    for prefix in ("00358", "358"):
        if digits.startswith(prefix):
            return "0" + digits[len(prefix) :].lstrip("0")
    return digits


def _candidates(text: str) -> Iterator[tuple[str, int, str]]:
    """``(kind, offset, folded canonical form)`` of every candidate item in the text.

    The text is stripped of its combining marks once, its words casefolded one by one:
    each candidate comes out as :func:`_fold` would make it, at a fraction of the cost.
    """
    text = _bare(text)
    found = [(m.start(), m.group().casefold()) for m in WORD.finditer(text)]
    words = [w for _, w in found]
    for i, (start, word) in enumerate(found):
        pair = words[i : i + 3]
        if len(pair) >= 2:
            yield "name", start, f"{word} {pair[1]}"
        if len(pair) == 3:
            yield "name", start, f"{word} {pair[1]} {pair[2]}"
            yield "name", start, f"{word} {pair[2]}"
    for m in HANDLE.finditer(text):
        yield "handle", m.start(), m.group().casefold()
    for m in EMAIL.finditer(text) if "@" in text else ():
        yield "email", m.start(), m.group().casefold()
    for m in PHONE.finditer(text):
        yield "phone", m.start(), _phone(m.group())


def _distinct(text: str) -> dict[str, set[str]]:
    """The distinct candidates of :func:`_candidates`, by kind, without the offsets."""
    text = _bare(text)
    words = [w.casefold() for w in WORD.findall(text)]
    after, next_but_one = words[1:], words[2:]
    return {
        "name": {
            *map(" ".join, zip(words, after, strict=False)),
            *map(" ".join, zip(words, after, next_but_one, strict=False)),
            *map(" ".join, zip(words, next_but_one, strict=False)),
        },
        "handle": {w.casefold() for w in HANDLE.findall(text)},
        "email": {m.casefold() for m in EMAIL.findall(text)} if "@" in text else set(),
        "phone": {_phone(m) for m in PHONE.findall(text)},
    }


Hit = tuple[str, int, str]


class _Lines:
    """Line numbers (from 1) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self._starts = [i for i, c in enumerate(text) if c == "\n"]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset - 1) + 1


Denylist = Mapping[str, frozenset[str]]


def scan_files(texts: Mapping[str, str], denylist: Denylist = DENYLIST) -> list[Hit]:
    """``(path, line, kind)`` of every denylisted item in the texts, by path and line.

    First the distinct candidates of all the texts, each hashed once; then, only in a
    text holding a listed one (rarely), the places where it occurs.
    """
    distinct = {path: _distinct(text) for path, text in texts.items()}
    listed: dict[str, set[str]] = {}
    for kind, hashes in denylist.items():
        every = set().union(*(found.get(kind, ()) for found in distinct.values()))
        listed[kind] = {folded for folded in every if _digest(folded) in hashes}
    hits: set[Hit] = set()
    for path, found in distinct.items():
        if any(listed[kind] & found.get(kind, set()) for kind in listed):
            text = _bare(texts[path])
            lines = _Lines(text)
            hits.update(
                (path, lines(offset), kind)
                for kind, offset, folded in _candidates(text)
                if folded in listed.get(kind, ())
            )
    return sorted(hits)


def scan_text(text: str, denylist: Denylist = DENYLIST) -> list[tuple[int, str]]:
    """``(line, kind)`` of every denylisted item in the text, in order."""
    return [(line, kind) for _, line, kind in scan_files({"": text}, denylist)]


# ----------------------------------------------------------------- the patterns

#: Domains whose addresses are fictional by definition: reserved for examples and
#: testing (RFC 2606, RFC 6761), and example.fi, which is no standard but reads as a
#: placeholder to any Finnish reader. Subdomains of these count too.
PLACEHOLDER_DOMAINS = frozenset({"example.com", "example.net", "example.org", "example.fi"})
RESERVED_TLDS = frozenset({"example", "invalid", "localhost", "test"})

#: E-mail addresses and phone numbers that may stay where they are, each with its
#: file, its kind, its canonical form (a phone number in the national form, digits
#: grouped with underscores so that this file's own scan does not read them as
#: numbers) and the reason. Never a real person's.
ALLOWED: Mapping[tuple[str, str, str], str] = {
    # The conventional Finnish dummy mobile number (sequential digits after the
    # 040 prefix) and the first number of its 10,000-number block: the redaction docs
    # and tests use them to show that a keyed pseudonym is not reversed by hashing
    # every number of the block (issue #19).
    ("src/jarjestoyhteistyo/io/redact.py", "phone", "040_123_0000"): "dummy block, start",
    ("src/jarjestoyhteistyo/io/redact.py", "phone", "040_123_4567"): "dummy number",
    ("docs/explanation/security.rst", "phone", "040_123_0000"): "dummy block, start",
    ("docs/explanation/security.rst", "phone", "040_123_4567"): "dummy number",
    ("tests/test_redact.py", "phone", "040_123_4567"): "dummy number redaction must hide",
}


def _placeholder_email(address: str) -> bool:
    domain = address.rpartition("@")[2].casefold()
    labels = domain.split(".")
    return labels[-1] in RESERVED_TLDS or any(
        ".".join(labels[i:]) in PLACEHOLDER_DOMAINS for i in range(len(labels))
    )


def scan_patterns(text: str, path: str = "") -> list[tuple[int, str]]:
    """``(line, kind)`` of every e-mail address and Finnish phone number in the text
    that is neither a placeholder nor allowed for this file in :data:`ALLOWED`."""
    allowed = {(kind, value.replace("_", "")) for (where, kind, value) in ALLOWED if where == path}
    lines = _Lines(text)
    hits: set[tuple[int, str]] = set()
    for m in EMAIL.finditer(text) if "@" in text else ():
        address = m.group().casefold()
        if not _placeholder_email(address) and ("email", address) not in allowed:
            hits.add((lines(m.start()), "email"))
    for m in PHONE.finditer(text):
        if ("phone", _phone(m.group())) not in allowed:
            hits.add((lines(m.start()), "phone"))
    return sorted(hits)


# ---------------------------------------------------------------- the file walk

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".hypothesis",
        ".ipynb_checkpoints",
        "node_modules",
    }
)
#: Build output, and the files the docs build writes (docs/_ext/jy_generated.py).
SKIP_PATHS = frozenset({"build", "dist", "docs/_build", "docs/_generated"})
BINARY_SUFFIXES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".svgz", ".webp", ".bmp", ".tif", ".tiff",
        ".pdf", ".docx", ".doc", ".odt", ".ods", ".odp", ".xlsx", ".xls", ".pptx",
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".whl", ".tar", ".7z",
        ".mo", ".pyc", ".pyo", ".so", ".dll", ".dylib", ".exe", ".bin",
        ".db", ".sqlite", ".sqlite3", ".pickle", ".pkl", ".npy", ".npz", ".parquet",
        ".woff", ".woff2", ".ttf", ".otf", ".eot",
    }
)  # fmt: skip


def _skip_dir(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).as_posix()
    return (
        path.name in SKIP_DIRS
        or path.name.endswith(".egg-info")
        or rel in SKIP_PATHS
        or (path / "pyvenv.cfg").exists()
    )


def text_files(root: Path = ROOT) -> Iterator[Path]:
    """Every text file the checks read, in a stable order."""
    for here, dirs, files in os.walk(root):
        base = Path(here)
        dirs[:] = sorted(d for d in dirs if not _skip_dir(base / d, root))
        for name in sorted(files):
            path = base / name
            if path.suffix.casefold() in BINARY_SUFFIXES or not path.is_file():
                continue
            try:
                with path.open("rb") as f:
                    if b"\x00" in f.read(8192):
                        continue
            except OSError:  # gone since the walk listed it
                continue
            yield path


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _texts(paths: Iterable[Path]) -> dict[str, str]:
    """Path relative to the root (with ``/``) to text; a file gone meanwhile is left out."""
    texts = {}
    for path in paths:
        try:
            texts[path.relative_to(ROOT).as_posix()] = _read(path)
        except OSError:
            continue
    return texts


def _report(hits: Iterable[tuple[str, int, str]]) -> str:
    return "\n".join(f"{path}:{line}: {kind}" for path, line, kind in hits)


# ----------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return _texts(text_files())


def test_the_denylist_has_names_emails_and_phones() -> None:
    counts = {kind: len(hashes) for kind, hashes in DENYLIST.items()}
    assert counts == DENYLIST_COUNTS
    assert counts["name"] > 0
    assert counts["email"] > 0
    assert counts["phone"] > 0
    for hashes in DENYLIST.values():
        for digest in hashes:
            assert re.fullmatch(r"[0-9a-f]{64}", digest), "only hex SHA-256 digests"


def test_the_walk_reads_what_it_must_and_skips_the_rest(files: dict[str, str]) -> None:
    for top in ("src/", "docs/", "examples/", "tests/"):
        assert any(p.startswith(top) for p in files), f"nothing read under {top}"
    for name in ("README.md", "CHANGELOG.md", "tests/test_no_personal_data.py"):
        assert name in files
    assert not any(p.startswith("docs/_generated/") for p in files)
    assert not any("/__pycache__/" in p or p.startswith(".git/") for p in files)
    assert not any(Path(p).suffix in BINARY_SUFFIXES for p in files)


def test_no_denylisted_personal_data_in_the_repository(files: dict[str, str]) -> None:
    hits = scan_files(files)
    assert hits == [], (
        "personal data from the seeds (remove it; the kind is named, not the item):\n"
        + _report(hits)
    )


def test_no_email_or_phone_number_in_the_repository(files: dict[str, str]) -> None:
    hits = [(p, line, kind) for p, text in files.items() for line, kind in scan_patterns(text, p)]
    assert hits == [], (
        "e-mail addresses or phone numbers: replace them with a placeholder "
        "(an address at example.org or .invalid) or list them in ALLOWED with a reason:\n"
        + _report(hits)
    )


def test_allowed_entries_are_placeholders_of_known_kinds() -> None:
    for (path, kind, value), reason in ALLOWED.items():
        assert kind in {"email", "phone"}
        assert reason
        assert (ROOT / path).is_file(), f"ALLOWED names a missing file: {path}"
        assert _hash(value.replace("_", "")) not in DENYLIST.get(kind, frozenset())


def test_the_scanner_finds_a_denylisted_name_in_any_spelling() -> None:
    """A synthetic person injected into a copy of the list: the scanner would fail."""
    denylist = dict(DENYLIST)
    denylist["name"] = DENYLIST["name"] | {_hash("Testi Henkilö"), _hash("Henkilö Testi")}
    assert scan_text("Yhteyshenkilö: Testi Henkilö, Esimerkki ry", DENYLIST) == []
    text = "\n".join(
        [
            "nothing here",
            "Yhteyshenkilö: Testi Henkilö, Esimerkki ry",  # 2
            "contact = 'testi_henkilo'",  # 3: no diacritics, underscores
            "class TestiHenkilo: ...",  # 4: camelCase
            "HENKILÖ, Testi",  # 5: surname first, upper case
            "Testi K. Henkilö",  # 6: an initial in between
            "Testi",  # 7: split over two lines
            "Henkilö.",
            "ja sitten muuta",
            "Testi Mäkinen ja Liisa Henkilö ovat eri ihmisiä",  # 10: two other people
            "Lorem Testi Ipsum Dolor Henkilö sit amet",  # 11: two words between
        ]
    )
    assert scan_text(text, denylist) == [(line, "name") for line in (2, 3, 4, 5, 6, 7)]
    # one name alone is never enough
    assert scan_text("Testi; Henkilö", {"name": frozenset({_hash("Testi")})}) == []
    # and over a whole tree, as the repository test runs it, the hit names its file
    tree = {"README.md": "Esimerkki ry", "src/x.py": "x = 1\n# by testi.henkilo\n"}
    assert scan_files(tree, denylist) == [("src/x.py", 2, "name")]
    assert scan_files(tree) == []


def test_the_scanner_finds_a_denylisted_email_phone_and_handle() -> None:
    # built at run time, so that this file holds no such text for its own scan
    email = "testi.henkilo" + "@" + "esimerkki.fi"
    national, international = "040" + "7654321", "+358 " + "40 765 4321"
    denylist = {
        "email": frozenset({_hash(email)}),
        "phone": frozenset({_hash(national)}),
        "handle": frozenset({_hash("testihenkilo")}),
    }
    text = f"a\nmail {email.upper()}\ntel. {international}\nsoitto {national}\nTwitter@TestiHenkilo"
    assert scan_text(text, denylist) == [(2, "email"), (3, "phone"), (4, "phone"), (5, "handle")]
    assert scan_text(text) == []


def test_the_patterns_catch_real_looking_contacts_and_pass_placeholders() -> None:
    at = "@"
    text = "\n".join(
        [
            f"someone{at}example.org, maija{at}example.invalid, x{at}mail.example.com",
            f"name.surname{at}kunta.fi",  # 2
            "+358 " + "9 310 1234",  # 3
            "00358-40-765" + "4321",  # 4
            "040 " + "765 4321",  # 5
            "0407" + "654321",  # 6
            "+358 40 123",  # too short for a number
            "business id 0112038-9, 0123456789abcdef, 2023-05-01, 1.6. klo 18",
            "version 1.2.3, pkg" + at + "1.2.3",
        ]
    )
    assert scan_patterns(text) == [
        (2, "email"),
        (3, "phone"),
        (4, "phone"),
        (5, "phone"),
        (6, "phone"),
    ]
    # an entry of ALLOWED allows its value in its own file only
    dummy = "+358 " + "40 123 4567"
    assert scan_patterns(dummy, "tests/test_redact.py") == []
    assert scan_patterns(dummy, "tests/test_other.py") == [(1, "phone")]


def test_the_denylist_matches_the_seeds() -> None:
    """Each hash stands for an item of the seeds, and the scanner finds it there."""
    seeds = Path(os.environ.get("JY_SEEDS", ROOT.parent / "shared" / "seeds"))
    if not seeds.is_dir():
        pytest.skip(f"the seed documents are not at {seeds} (set JY_SEEDS)")
    texts = [_read(path) for path in sorted(seeds.glob("*.txt"))]
    found: dict[str, set[str]] = {kind: set() for kind in DENYLIST}
    for text in texts:
        for kind, _, folded in _candidates(text):
            digest = _digest(folded)
            if digest in DENYLIST.get(kind, frozenset()):
                found[kind].add(digest)
    for kind, hashes in DENYLIST.items():
        if kind == "name":
            # each of the 8 persons once, as "first last"; the "last first" order and
            # the other spelling of one surname are there for other texts
            assert len(found[kind]) == 8
        else:
            assert found[kind] == hashes, kind
    # the pattern check, without the list, flags every address and number there too
    flagged = [kind for text in texts for _, kind in scan_patterns(text)]
    assert sorted(flagged) == ["email"] * 5 + ["phone"] * 2
