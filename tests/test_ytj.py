"""The national register's open data (issue #17 point 6): the YTJ bulk file and the merge.

The files are generated here with the field layout of the YTJ open data API v3
(``businessId``, ``names``, ``companyForms``, ``mainBusinessLine``, ``addresses`` with
``postOffices[].municipalityCode``, ``registeredEntries``, ``companySituations``, ...).
Every name is an association's or a company's, invented; no person appears.
"""

from __future__ import annotations

import codecs
import gc
import io
import json
import tracemalloc
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jarjestoyhteistyo.analysis.ecosystem import (
    BlindSpotKind,
    RowProblem,
    analyse,
    analyse_national,
    iter_register,
    read_register,
)
from jarjestoyhteistyo.errors import InvalidValueError, LoadError
from jarjestoyhteistyo.io.ytj import (
    YtjLimits,
    YtjRecord,
    load_ytj,
    normal_business_id,
    read_ytj,
)

BACKENDS = ("stdlib", "ijson")
VANTAA, KERAVA, HELSINKI = "092", "245", "091"


def business_id(n: int) -> str:
    """The ``n``-th valid Business ID (by its first seven digits)."""
    while True:
        digits = f"{n:07d}"
        for check in range(10):
            if normal_business_id(f"{digits}-{check}") == f"{digits}-{check}":
                return f"{digits}-{check}"
        n += 1  # a first part with no valid check digit: take the next


def company(
    n: int,
    name: str,
    *,
    municipality: str = VANTAA,
    form: str = "6",
    registered: str = "2015-03-02",
    swedish: str | None = None,
    old_name: str | None = None,
    ended: str | None = None,
    situations: tuple[str, ...] = (),
    line: str = "94991",
    postal_only: bool = False,
) -> dict[str, Any]:
    """One record as the bulk file holds it."""
    names: list[dict[str, Any]] = [
        {"name": name, "type": "1", "registrationDate": registered, "endDate": None,
         "version": 1, "source": "1"},
    ]  # fmt: skip
    if old_name:
        names.append(
            {"name": old_name, "type": "1", "registrationDate": "2001-01-01",
             "endDate": registered, "version": 2, "source": "1"}
        )  # fmt: skip
    if swedish:
        names.append(
            {"name": swedish, "type": "2", "registrationDate": registered, "endDate": None,
             "version": 1, "source": "1"}
        )  # fmt: skip
    offices = [
        {"city": "VANTAA" if municipality == VANTAA else "KERAVA", "languageCode": "1",
         "municipalityCode": municipality},
        {"city": "VANDA" if municipality == VANTAA else "KERVO", "languageCode": "2",
         "municipalityCode": municipality},
    ]  # fmt: skip
    addresses = [
        {"type": 2, "street": "", "postCode": "01300", "postOffices": offices,
         "registrationDate": registered, "source": "0", "country": "FI"},
    ]  # fmt: skip
    if not postal_only:
        addresses.insert(
            0,
            {"type": 1, "street": "Esimerkkitie", "buildingNumber": "1", "postCode": "01300",
             "postOffices": offices, "registrationDate": registered, "source": "0"},
        )  # fmt: skip
    forms = {"6": ("Aatteellinen yhdistys", "Ideell förening", "Non-profit association"),
             "16": ("Osakeyhtiö", "Aktiebolag", "Limited company")}[form]  # fmt: skip
    return {
        "businessId": {"value": business_id(n), "registrationDate": registered, "source": "3"},
        "euId": {"value": f"FIFPRO.{business_id(n)}", "source": "1"},
        "names": names,
        "mainBusinessLine": {
            "type": line,
            "descriptions": [
                {"languageCode": "3", "description": "Activities of other organisations"},
                {"languageCode": "1", "description": "Muiden järjestöjen toiminta"},
                {"languageCode": "2", "description": "Övriga organisationer"},
            ],
            "typeCodeSet": "TOIMI3",
            "registrationDate": registered,
            "source": "2",
        },
        "website": None,
        "companyForms": [
            {
                "type": form,
                "version": 1,
                "registrationDate": registered,
                "endDate": None,
                "source": "1",
                "descriptions": [
                    {"languageCode": str(i + 1), "description": d} for i, d in enumerate(forms)
                ],
            },
        ],
        "companySituations": [
            {"type": s, "registrationDate": "2024-01-10", "source": "1"} for s in situations
        ],
        "registeredEntries": [
            {
                "type": "1",
                "register": "4",
                "authority": "2",
                "registrationDate": registered,
                "endDate": None,
                "descriptions": [{"languageCode": "1", "description": "Rekisterissä"}],
            },
        ],
        "addresses": addresses,
        "tradeRegisterStatus": "0",
        "status": "2",
        "registrationDate": registered,
        "endDate": ended,
        "lastModified": "2024-11-21T01:49:24",
    }


#: The small file: (record, kept with the default filters for Vantaa and Kerava?).
RECORDS: list[tuple[dict[str, Any] | str, bool]] = [
    (
        company(
            1,
            "Esimerkkikylän kyläyhdistys ry",
            swedish="Exempelby byaförening rf",
            old_name="Esimerkkikylän kyläseura ry",
        ),
        True,
    ),
    (company(2, "Keravan Kuoro ry", municipality=KERAVA, registered="2023-09-01"), True),
    (company(3, "Kuvitteellinen Osakeyhtiö Oy", form="16"), False),
    (company(4, "Helsingin Esimerkkiseura ry", municipality=HELSINKI), False),
    (company(5, "Lopetettu Yhdistys ry", ended="2022-12-31"), False),
    (company(6, "Selvitystilainen Yhdistys ry", situations=("SELTILA",)), False),
    ('{"businessId": {"value": "0000007-', False),  # replaced below: a malformed record
    (company(8, "Postilokero-yhdistys ry", municipality=KERAVA, postal_only=True), True),
    ([1, 2, 3], False),  # type: ignore[list-item]
    (dict(company(10, "Rikki tunnus ry"), businessId={"value": "1234567-0"}), False),
    (dict(company(11, "Jättiyhdistys ry"), notes="x" * 1_500_000), False),
    (company(12, "Vantaan Nuorisoseura ry", registered="1952-04-20"), True),
]
MALFORMED = 6
BAD_ID = 9
HUGE = 10


def file_text(records: list[tuple[Any, bool]] = RECORDS) -> str:
    parts = []
    for i, (record, _) in enumerate(records):
        if i == MALFORMED and records is RECORDS:
            parts.append('{"businessId": {"value": "0000007-0"}, "names": [ , ]}')
        else:
            parts.append(json.dumps(record, ensure_ascii=False))
    return "[\n" + ",\n".join(parts) + "\n]\n"


def zipped(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data_2024-11-21.json", text)
    return out.getvalue()


@pytest.fixture(scope="module")
def ytj_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ytj") / "all_companies.zip"
    path.write_bytes(zipped(file_text()))
    return path


EXPECTED = [business_id(n) for n in (1, 2, 8, 12)]


# ------------------------------------------------------------------- the reader
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_zip_is_read_filtered_and_its_bad_records_reported(ytj_zip: Path, backend: str) -> None:
    result = load_ytj(ytj_zip, municipalities=[VANTAA, KERAVA], backend=backend)  # type: ignore[arg-type]
    assert [r.business_id for r in result.records] == EXPECTED
    assert result.read == len(RECORDS)
    assert [p.index for p in result.problems] == [MALFORMED, 8, BAD_ID, HUGE]
    messages = [p.message for p in result.problems]
    assert messages[0].startswith("not valid JSON")
    assert messages[1] == "not a JSON object but a JSON array"
    assert messages[2] == "businessId '1234567-0' is not a Business ID"
    assert "the most is 1000000" in messages[3]
    assert result.problems[3].business_id == ""  # a record too large is not decoded
    # ijson hands over to the stdlib decoder at the malformed record
    assert result.backend == "stdlib"


def test_a_record_has_the_fields_of_the_layout(ytj_zip: Path) -> None:
    first, kerava, postal, old = load_ytj(ytj_zip, municipalities=["92", "245"]).records
    assert first == YtjRecord(
        business_id=business_id(1),
        name="Esimerkkikylän kyläyhdistys ry",  # the ended name is not the name
        other_names=("Exempelby byaförening rf",),
        form="6",
        municipality=VANTAA,
        business_line="94991",
        business_line_text="Muiden järjestöjen toiminta",
        registered=date(2015, 3, 2),
        status="2",
    )
    assert first.active
    assert kerava.municipality == KERAVA
    assert kerava.registered == date(2023, 9, 1)
    assert postal.municipality == KERAVA  # from the postal address when no street one
    assert old.registered == date(1952, 4, 20)


@pytest.mark.parametrize("backend", BACKENDS)
def test_filters_are_parameters(ytj_zip: Path, backend: str) -> None:
    def ids(**options: Any) -> list[str]:
        return [r.business_id for r in load_ytj(ytj_zip, backend=backend, **options).records]  # type: ignore[arg-type]

    assert ids(municipalities=[VANTAA], forms=["16"]) == [business_id(3)]
    assert ids(municipalities=[HELSINKI]) == [business_id(4)]
    assert ids(municipalities=None, forms=None) == [business_id(n) for n in (1, 2, 3, 4, 8, 12)]
    inactive = ids(municipalities=[VANTAA], active_only=False)
    assert inactive == [business_id(n) for n in (1, 5, 6, 12)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_plain_json_a_stream_and_a_pipe(tmp_path: Path, backend: str) -> None:
    text = file_text()
    plain = tmp_path / "data.json"
    plain.write_text(text, encoding="utf-8")
    kept = [r.business_id for r in read_ytj(plain, municipalities=["092", "245"])]
    assert kept == EXPECTED
    stream = read_ytj(
        io.BytesIO(zipped(text)),
        municipalities=["092", "245"],
        backend=backend,  # type: ignore[arg-type]
    )
    assert [r.business_id for r in stream] == EXPECTED

    class Pipe(io.RawIOBase):  # not seekable
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def read(self, size: int | None = -1) -> bytes:
            return self._data.read(-1 if size is None else min(size, 999))

    piped = read_ytj(Pipe(text.encode()), municipalities=["092", "245"])  # type: ignore[arg-type]
    assert piped.backend == "stdlib"  # auto: a pipe cannot be read again
    assert [r.business_id for r in piped] == EXPECTED
    forced = read_ytj(Pipe(text.encode()), municipalities=["092"], backend="ijson")  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="cannot be read again"):
        list(forced)
    with pytest.raises(LoadError, match="seekable"):
        list(read_ytj(Pipe(zipped(text)), municipalities=["092"]))  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_clean_file_stays_on_ijson_and_chunks_do_not_matter(backend: str) -> None:
    records = [(company(n, f"Yhdistys {n} ry"), True) for n in range(1, 400)]
    text = file_text(records)
    result = load_ytj(io.BytesIO(text.encode()), municipalities=None, backend=backend)  # type: ignore[arg-type]
    assert result.backend == backend
    assert not result.problems
    assert [r.business_id for r in result.records] == [business_id(n) for n in range(1, 400)]
    assert result.records[5].name == "Yhdistys 6 ry"


@pytest.mark.parametrize("backend", BACKENDS)
def test_unusable_files_are_load_errors(tmp_path: Path, backend: str) -> None:
    text = file_text()

    def codes(data: bytes, **options: Any) -> list[str]:
        with pytest.raises(LoadError) as caught:
            list(read_ytj(io.BytesIO(data), municipalities=None, backend=backend, **options))  # type: ignore[arg-type]
        return [p.code for p in caught.value.problems]

    assert codes(text.encode()[: len(text) // 3]) == ["truncated"]
    assert codes(b'{"businessId": {}}') == ["not-array"]
    assert codes(b"[1] [2]") == ["after-array"]
    assert codes(zipped(text), limits=YtjLimits(max_bytes=1000)) == ["too-large"]
    two = io.BytesIO()
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.json", "[]")
        archive.writestr("b.json", "[]")
    assert codes(two.getvalue()) == ["zip-members"]
    assert codes(b"PK\x03\x04 not a zip at all") == ["broken-zip"]
    assert list(read_ytj(io.BytesIO(b" [ ] "), municipalities=None)) == []


def test_not_utf8_is_refused() -> None:
    with pytest.raises(LoadError) as caught:
        list(read_ytj(io.BytesIO(b'["\xff"]'), municipalities=None, backend="stdlib"))
    assert [p.code for p in caught.value.problems] == ["not-text"]


def test_the_problems_kept_are_bounded() -> None:
    text = "[" + ",".join(["7"] * 50) + "]"
    stream = read_ytj(
        io.BytesIO(text.encode()), municipalities=None, limits=YtjLimits(max_problems=3)
    )
    assert list(stream) == []
    assert [p.index for p in stream.problems] == [0, 1, 2]
    assert stream.more_problems == 47
    assert stream.read == 50
    assert str(stream.problems[0]) == "record 0: not a JSON object but a JSON number"


def test_a_record_too_large_costs_its_bound_and_not_more() -> None:
    big = dict(company(1, "Iso ry"), notes="ä" * 3_000_000)
    text = file_text([(big, False), (company(2, "Pieni ry"), True)])
    stream = read_ytj(io.BytesIO(text.encode()), municipalities=None, backend="stdlib")
    assert [r.name for r in stream] == ["Pieni ry"]
    assert "; the most is 1000000: skipped" in stream.problems[0].message


def test_arguments_are_checked() -> None:
    with pytest.raises(InvalidValueError):
        read_ytj(io.BytesIO(b"[]"), municipalities=["Vantaa"])
    with pytest.raises(InvalidValueError):
        read_ytj(io.BytesIO(b"[]"), municipalities=None, backend="fast")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        YtjLimits(max_problems=0)


def test_business_ids() -> None:
    assert normal_business_id("0112038-9") == "0112038-9"
    assert normal_business_id("01120389") == "0112038-9"
    assert normal_business_id("FI 0112038 9".replace(" ", "")) == "0112038-9"
    assert normal_business_id("112038-9") == "0112038-9"
    assert normal_business_id("0112038-0") is None
    assert normal_business_id("abc") is None
    assert normal_business_id("") is None
    # every first part with a check digit of remainder 1 has none: never accepted
    assert all(normal_business_id(business_id(n)) == business_id(n) for n in range(1, 3000, 7))


# ------------------------------------------------------------- bounded memory
def _big_file(path: Path, megabytes: int) -> int:
    """A zip whose JSON is about ``megabytes`` MB; returns the records written."""
    n = 0
    size = 0
    note = "Toiminnan kuvaus: kokoontumisia, retkiä ja talkoita. " * 20
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("data.json", "w") as out,
    ):
        out.write(b"[")
        while size < megabytes * 1_000_000:
            municipality = (VANTAA, KERAVA, HELSINKI)[n % 3]
            record = company(n + 1, f"Yhdistys {n} ry", municipality=municipality)
            record["description"] = note
            if n == 501:
                record["description"] = "x" * 3_000_000  # one record too large
            data = (b"," if n else b"") + json.dumps(record).encode()
            out.write(data)
            size += len(data)
            n += 1
        out.write(b"]")
    return n


@pytest.mark.parametrize("backend", BACKENDS)
def test_memory_stays_bounded_on_a_20_mb_file(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "big.zip"
    written = _big_file(path, 20)
    gc.collect()
    tracemalloc.start()
    try:
        stream = read_ytj(path, municipalities=[VANTAA], backend=backend)  # type: ignore[arg-type]
        kept = sum(1 for _ in stream)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert stream.read == written
    assert kept == (written + 2) // 3 - 1  # every third, less the one too large
    assert [p.index for p in stream.problems] == [501]
    assert peak < 8_000_000, peak  # the file is 20 MB; the record too large 3 MB


# --------------------------------------------------------------- the register
def test_excel_unicode_text_with_a_business_id_column() -> None:
    text = (
        "tunnus\tnimi\tY-tunnus\trekisteröity\r\n"
        f"R1\tEsimerkkikylän kyläyhdistys ry\t{business_id(1)}\t2.3.2015\r\n"
        "R2\tVanha Kerho ry\t\t\r\n"
        "R3\tRikki ry\t1234567-0\t\r\n"
        f"R4\tKeravan Kuoro ry\t{business_id(2).replace('-', '')}\t\r\n"
    )
    result = read_register(text.encode("utf-16"))
    assert (result.encoding, result.delimiter) == ("utf-16", "\t")
    assert [a.id for a in result.associations] == ["R1", "R2", "R4"]
    assert dict(result.business_ids) == {"R1": business_id(1), "R4": business_id(2)}
    assert [(p.line, p.column) for p in result.problems] == [(4, "business_id")]
    streamed = list(iter_register(io.BytesIO(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))))
    assert [x.line if isinstance(x, RowProblem) else x.id for x in streamed] == [
        "R1",
        "R2",
        4,
        "R4",
    ]
    assert result.associations[0].name == "Esimerkkikylän kyläyhdistys ry"


@pytest.mark.parametrize("header", ["business id", "business_id", "Y-tunnus", "ytunnus"])
def test_business_id_headers(header: str) -> None:
    result = read_register(f"id;{header}\na1;{business_id(1)}\n")
    assert dict(result.business_ids) == {"a1": business_id(1)}


def test_utf16_that_breaks_is_not_text() -> None:
    with pytest.raises(LoadError) as caught:
        read_register(b"\xff\xfei\x00d\x00\n\x00\x00\xd8")
    assert caught.value.problems[0].code == "not-text"


# ----------------------------------------------------------------- the merge
def test_the_merge_finds_the_associations_the_city_does_not_know(ytj_zip: Path) -> None:
    register = read_register(
        "tunnus;nimi;Y-tunnus;rekisteröity;viimeisin yhteydenotto\n"
        f"R1;Esimerkkikylän kyläyhdistys ry;{business_id(1)};;1.3.2024\n"
        f"R2;Lopetettu Yhdistys ry;{business_id(5)};;\n"
        "R3;Rekisteröimätön porukka;;;2.2.2024\n"
        f"{business_id(12)};Vantaan Nuorisoseura ry;;;\n"
    )
    national = load_ytj(ytj_zip, municipalities=[VANTAA, KERAVA])
    as_of = date(2024, 6, 1)
    report = analyse_national(register, national, as_of=as_of)
    n = report.national
    assert n is not None
    assert (n.national, n.known) == (4, 2)  # R1 by its column, the last row by its id
    assert n.not_known == (business_id(2), business_id(8))
    assert n.not_in_national == ("R2",)  # ended: not among the active
    assert n.without_business_id == ("R3",)
    assert n.dates_from_national == ("R1", business_id(12))
    assert n.municipalities == (VANTAA, KERAVA)
    assert n.forms == ("6",)
    assert [p.index for p in n.problems] == [MALFORMED, 8, BAD_ID, HUGE]
    assert n.read == 12
    assert report.total == 6
    assert report.blind_spot(BlindSpotKind.NEW_NOT_REACHED) == (business_id(2),)
    assert business_id(8) in report.blind_spot(BlindSpotKind.NO_RECENT_CONTACT)
    data = report.to_dict()
    assert data["national"]["not_known"] == 2
    assert data["national"]["known"] == 2
    text = report.to_text()
    assert "National register (YTJ), municipalities 092, 245" in text
    assert "4 associations in the national register; the city's register knows 2, not 2" in text
    assert "Kansallinen" in report.to_text("fi") or "YTJ" in report.to_text("fi")
    assert "## National register (YTJ)" in report.to_markdown()


def test_without_national_data_the_report_is_as_before() -> None:
    register = read_register("id;nimi\na1;A ry\n")
    plain = analyse(register.associations, as_of=date(2024, 6, 1))
    assert plain.national is None
    assert "national" not in plain.to_dict()
    assert "YTJ" not in plain.to_text()
    assert "YTJ" not in plain.to_markdown()
    merged = analyse_national(register, [], as_of=date(2024, 6, 1))
    assert merged.classifications == plain.classifications
    assert merged.national is not None
    assert merged.national.without_business_id == ("a1",)


def test_the_command_line_merges_the_national_file(
    ytj_zip: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ecosystem REGISTER --ytj FILE --municipality 092 --municipality 245``."""
    from jarjestoyhteistyo.cli import main

    register = tmp_path / "rekisteri.csv"
    register.write_text(
        "tunnus;nimi;Y-tunnus;rekisteröity;viimeisin yhteydenotto\n"
        f"R1;Esimerkkikylän kyläyhdistys ry;{business_id(1)};;1.3.2024\n",
        encoding="utf-8",
    )
    argv = ["ecosystem", str(register), "--as-of", "2024-06-01", "--ytj", str(ytj_zip)]
    argv += ["--municipality", VANTAA, "--municipality", KERAVA, "--format", "json"]
    assert main(argv) == 0
    done = capsys.readouterr()
    data = json.loads(done.out)
    assert data["national"]["known"] == 1
    assert data["national"]["not_known"] == 3
    assert done.err  # the national file's unreadable records, on stderr
    assert main(["ecosystem", str(register), "--municipality", VANTAA]) == 2  # no --ytj


def test_extra_columns_can_be_ignored(tmp_path: Path) -> None:
    from jarjestoyhteistyo.cli import main

    register = tmp_path / "rekisteri.csv"
    register.write_text("tunnus;nimi;muistiinpano\nR1;Yhdistys ry;x\n", encoding="utf-8")
    assert main(["ecosystem", str(register), "--as-of", "2024-06-01"]) in (1, 2)
    assert (
        main(["ecosystem", str(register), "--as-of", "2024-06-01", "--extra-columns", "ignore"])
        == 0
    )
