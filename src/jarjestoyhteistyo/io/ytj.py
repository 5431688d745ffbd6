"""The national register's open data (issue #17 point 6): the YTJ bulk file, streamed.

The Finnish Patent and Registration Office (PRH) publishes the Business Information
System's (YTJ) data of every company and association with a Business ID as one
download, "all companies": a zip holding one JSON array (about 1.45 GB unzipped) whose
records have the layout of the YTJ open data API v3 (its OpenAPI description is
``https://avoindata.prh.fi/opendata-ytj-api/v3/schema?lang=en``). The library never
downloads anything: save the file from PRH's open data page
(``https://avoindata.prh.fi``) and name it here.

:func:`read_ytj` reads that file — or its JSON member unzipped, or a binary stream of
either — one record at a time, in bounded memory, and yields the records of the
chosen municipalities and company forms as :class:`YtjRecord` objects; records it
cannot read are :class:`YtjProblem` objects with their index in the array, kept on the
stream (:attr:`YtjStream.problems`) up to :attr:`YtjLimits.max_problems`, and never
stop it. :func:`load_ytj` is the same reader, collected (:class:`YtjReadResult`).

The fields read, from each record of the array:

* ``businessId.value`` — the Business ID (:func:`normal_business_id`);
* ``names[]`` ``{name, type, endDate, version}`` — the current name of type ``"1"``
  (the registered name, version 1 first), else the first current name, else the
  first; the API gives names no language, so the "Finnish" name is the registered one
  (a Swedish-language association's is Swedish); the other current names are
  :attr:`YtjRecord.other_names`;
* ``companyForms[]`` ``{type, endDate, registrationDate}`` — the current form's code;
* ``addresses[]`` ``{type, endDate, postOffices[].municipalityCode}`` — the
  municipality of the current street (visiting) address, type ``1``, else of the postal
  address, type ``2``, else of any address;
* ``mainBusinessLine`` ``{type, descriptions[{languageCode, description}]}`` — the
  TOL 2008 code and its Finnish text (language code ``"1"``; ``"2"`` Swedish, ``"3"``
  English);
* ``registrationDate``, ``endDate``, ``status``, ``companySituations[].type`` (current
  situations, e.g. liquidation or bankruptcy).

**The form code of associations.** The records' ``companyForms[].type`` is a code of
PRH's company-form code set (``YRMU``, whose texts the API serves at
``/description?code=YRMU``); the search parameter ``companyForm`` of the same API takes
abbreviations (``OY``, ``SÄÄ``, ...) and has none for associations. Code ``6`` is
*aatteellinen yhdistys* / *ideell förening* (a non-profit association) and ``16`` is
*osakeyhtiö* in the public copies of that code set and of records that this module
was checked against; the code list itself was not read from PRH. The filter is a
parameter (``forms``), :data:`ASSOCIATION_FORMS` by default.

>>> import io, json
>>> record = {"businessId": {"value": "0000001-9"}, "registrationDate": "2023-05-02",
...           "names": [{"name": "Esimerkin kyläyhdistys ry", "type": "1", "version": 1}],
...           "companyForms": [{"type": "6"}],
...           "addresses": [{"type": 1, "postOffices": [{"municipalityCode": "245"}]}]}
>>> data = json.dumps([record, {"names": []}]).encode()
>>> stream = read_ytj(io.BytesIO(data), municipalities=["245"])
>>> [(r.business_id, r.name, r.municipality) for r in stream]
[('0000001-9', 'Esimerkin kyläyhdistys ry', '245')]
>>> [str(p) for p in stream.problems]
['record 1: no businessId.value']
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, Protocol, cast

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text, Translatable
from jarjestoyhteistyo.io.serialize import open_regular
from jarjestoyhteistyo.model.bounds import LAST_YEAR

__all__ = [
    "ASSOCIATION_FORMS",
    "DEFAULT_YTJ_LIMITS",
    "POSTAL_ADDRESS",
    "STREET_ADDRESS",
    "YtjLimits",
    "YtjProblem",
    "YtjReadResult",
    "YtjRecord",
    "YtjStream",
    "load_ytj",
    "normal_business_id",
    "read_ytj",
]

#: The company forms :func:`read_ytj` keeps by default: ``6``, *aatteellinen
#: yhdistys* (a non-profit association; see the module text for the code set).
ASSOCIATION_FORMS: frozenset[str] = frozenset({"6"})

#: ``addresses[].type`` of a street (visiting) address and of a postal address.
STREET_ADDRESS = "1"
POSTAL_ADDRESS = "2"

#: The earliest year a date of a record may have: the trade register is older than
#: the model's 1900 (:data:`~jarjestoyhteistyo.model.bounds.FIRST_YEAR`).
_FIRST_YTJ_YEAR = 1800

Backend = Literal["auto", "ijson", "stdlib"]


# --------------------------------------------------------------------- Business IDs
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_ID_TEXT = re.compile(r"(?:FI)?([0-9]{6,7})-?([0-9])")


def normal_business_id(text: str) -> str | None:
    """The Business ID (*Y-tunnus*) ``text`` in its one form ``1234567-8``, or ``None``
    when it is none (wrong shape or check digit).

    Spaces are ignored; ``12345678``, ``FI12345678`` (the VAT form) and a 6-digit
    first part (a spreadsheet dropped its leading zero) are read as well.

    >>> normal_business_id(" 0112038-9"), normal_business_id("FI01120389")
    ('0112038-9', '0112038-9')
    >>> normal_business_id("112038-9"), normal_business_id("0112038-8")
    ('0112038-9', None)
    """
    m = _ID_TEXT.fullmatch(re.sub(r"[\s\u00a0]", "", text).upper())
    if m is None:
        return None
    digits = m.group(1).zfill(7)
    rest = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if rest == 1:
        return None
    check = 0 if rest == 0 else 11 - rest
    return f"{digits}-{check}" if int(m.group(2)) == check else None


# ------------------------------------------------------------------------- the data
def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvalidValueError(
            Text("{field} must be 1 or more, not {value}", field=attribute.name, value=value)
        )


@attrs.frozen(kw_only=True)
class YtjLimits:
    """Bounds on a YTJ bulk file.

    ``max_bytes``: the JSON text (unzipped), 8 GB by default (the file is about 1.45
    GB); ``max_record_bytes``: one record of the array, 1 MB (real ones are a few KB) —
    a larger one is skipped and reported, costing no more memory than the bound;
    ``max_problems``: the problems a stream keeps (the rest are counted).

    >>> YtjLimits(max_record_bytes=0)
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.InvalidValueError: max_record_bytes must be 1 or more, not 0
    """

    max_bytes: int = attrs.field(default=8_000_000_000, validator=_positive)
    max_record_bytes: int = attrs.field(default=1_000_000, validator=_positive)
    max_problems: int = attrs.field(default=100, validator=_positive)


#: The limits used when none are given.
DEFAULT_YTJ_LIMITS = YtjLimits()


@attrs.frozen(kw_only=True)
class YtjRecord:
    """What the national register says of one company or association (see the module
    text for where each field comes from); ``""`` and ``None`` are "not given"."""

    business_id: str
    name: str = ""
    other_names: tuple[str, ...] = ()
    form: str = ""
    municipality: str = ""
    business_line: str = ""
    business_line_text: str = ""
    registered: date | None = None
    ended: date | None = None
    status: str = ""
    situations: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """No end date and no current situation (liquidation, bankruptcy, ...).

        >>> YtjRecord(business_id="0112038-9", situations=("SELTILA",)).active
        False
        """
        return self.ended is None and not self.situations


@attrs.frozen(kw_only=True)
class YtjProblem:
    """A record of the array that could not be read: its index (the first is 0), its
    Business ID when that was read, and why."""

    index: int
    message: str
    business_id: str = ""
    #: The message in every language (:meth:`message_in`); not compared, not in ``repr``.
    text: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, index: int, text: Translatable, *, business_id: str = "") -> YtjProblem:
        """A problem whose :attr:`message` is ``text`` in English."""
        return cls(index=index, message=text.text_in("en"), business_id=business_id, text=text)

    def message_in(self, lang: str) -> str:
        """Why the record was not read, in ``lang`` (``fi``, ``sv``, ``en``)."""
        return self.message if self.text is None else self.text.text_in(lang)

    def __str__(self) -> str:
        where = f"record {self.index}" + (f" ({self.business_id})" if self.business_id else "")
        return f"{where}: {self.message}"


@attrs.frozen(kw_only=True)
class YtjReadResult:
    """What :func:`load_ytj` read: the records kept, the problems (at most
    :attr:`YtjLimits.max_problems`, ``more_problems`` the rest), how many records the
    array held, the filters and the decoder used (``ijson`` or ``stdlib``)."""

    records: tuple[YtjRecord, ...]
    problems: tuple[YtjProblem, ...] = ()
    more_problems: int = 0
    read: int = 0
    municipalities: frozenset[str] | None = None
    forms: frozenset[str] | None = ASSOCIATION_FORMS
    backend: str = "stdlib"


# ------------------------------------------------------------------------- the door
class _Handover(Exception):
    """The ijson decoder stops at record ``index``; the stdlib one goes on from there."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


class _RecordTooLarge(Exception):
    """Raised by the counting reader inside ijson: the record under way is over the bound."""


def _load_error(code: str, text: Text, source: str | None, **params: Any) -> LoadError:
    return LoadError([Problem.of("$", code, text, params=params)], source=source)


class _Counted(io.RawIOBase):
    """A binary stream that counts what it gives, refuses more than ``max_bytes``,
    turns a broken zip member into a ``LoadError`` and (for ijson) refuses a record over
    ``record_bound`` bytes since :attr:`mark`."""

    def __init__(self, raw: IO[bytes], max_bytes: int, source: str | None) -> None:
        super().__init__()
        self._raw, self._max, self._source = raw, max_bytes, source
        self.position = 0
        self.mark = 0
        self.record_bound: int | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self.record_bound is not None and self.position - self.mark > self.record_bound:
            raise _RecordTooLarge
        try:
            chunk = self._raw.read(-1 if size is None else size)
        except (zlib.error, zipfile.BadZipFile, EOFError) as exc:
            raise _load_error(
                "broken-zip",
                Text("the zip file is broken: {reason}", reason=str(exc)),
                self._source,
            ) from None
        self.position += len(chunk)
        if self.position > self._max:
            raise _load_error(
                "too-large",
                Text("the JSON is more than {most} bytes, the limit", most=self._max),
                self._source,
                max_bytes=self._max,
            )
        return chunk

    def readinto(self, buffer: Any) -> int:  # pragma: no cover - read() is what is used
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _Source:
    """Where the JSON text comes from: opened afresh for each pass (the ijson decoder
    hands over to the stdlib one by reading again, when it can)."""

    def __init__(self, source: str | os.PathLike[str] | IO[bytes], limits: YtjLimits) -> None:
        self.limits = limits
        self._path: Path | None = None
        self._stream: IO[bytes] | None = None
        if isinstance(source, str | os.PathLike):
            self._path = Path(source)
            self.name: str | None = str(self._path)
            self.reopenable = True
        else:
            self._stream = source
            label = getattr(source, "name", None)
            self.name = label if isinstance(label, str) else None
            self.reopenable = _seekable(source)
        self._opened = 0
        self._closers: list[Callable[[], None]] = []

    def open(self) -> _Counted:
        """A fresh counting stream of the JSON text (the zip's one member, or the file)."""
        self._opened += 1
        if self._path is not None:
            raw: IO[bytes] = os.fdopen(open_regular(self._path), "rb")
            self._closers.append(raw.close)
        else:
            assert self._stream is not None
            raw = self._stream
            if self._opened > 1:
                raw.seek(0)
        head, raw = _peek(raw)
        if head.startswith(b"PK\x03\x04"):
            raw = self._member(raw)
        return _Counted(raw, self.limits.max_bytes, self.name)

    def _member(self, raw: IO[bytes]) -> IO[bytes]:
        if not _seekable(raw):
            raise _load_error(
                "not-seekable",
                Text("a zip file must be read from a file or a seekable stream, not a pipe"),
                self.name,
            )
        try:
            archive = zipfile.ZipFile(raw)
        except zipfile.BadZipFile as exc:
            raise _load_error(
                "broken-zip", Text("the zip file is broken: {reason}", reason=str(exc)), self.name
            ) from None
        self._closers.append(archive.close)
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) != 1:
            raise _load_error(
                "zip-members",
                Text(
                    "the zip file holds {count} files; the YTJ download holds one JSON file",
                    count=len(members),
                ),
                self.name,
                count=len(members),
            )
        info = members[0]
        if info.file_size > self.limits.max_bytes:
            raise _load_error(
                "too-large",
                Text(
                    "the JSON is {size} bytes unzipped; the limit is {most}",
                    size=info.file_size,
                    most=self.limits.max_bytes,
                ),
                self.name,
                size=info.file_size,
                max_bytes=self.limits.max_bytes,
            )
        try:
            return archive.open(info)
        except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:  # encrypted, ...
            raise _load_error(
                "broken-zip", Text("the zip file is broken: {reason}", reason=str(exc)), self.name
            ) from None

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, ValueError):
        return False


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _Prefixed(io.RawIOBase):
    """A non-seekable stream with its first bytes put back."""

    def __init__(self, head: bytes, raw: _Readable) -> None:
        super().__init__()
        self._head, self._raw = head, raw

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._head:
            n = len(self._head) if size is None or size < 0 else size
            out, self._head = self._head[:n], self._head[n:]
            return out
        return self._raw.read(-1 if size is None else size)

    def readinto(self, buffer: Any) -> int:  # pragma: no cover - read() is what is used
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _peek(raw: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """The first four bytes, and a stream that still starts with them."""
    if _seekable(raw):
        at = raw.tell()
        head = raw.read(4)
        raw.seek(at)
        return head, raw
    head = raw.read(4)
    return head, cast(IO[bytes], _Prefixed(head, raw))


# ----------------------------------------------------------- the stdlib decoder
_TOKEN = re.compile(r'[\[\]{}"]')
_IN_STRING = re.compile(r'["\\]')
_SCALAR_END = re.compile(r"[,\]}\[{\"\s]")
_NOT_WS = re.compile(r"[^ \t\n\r]")

#: How much text the stdlib decoder reads at a time.
_CHUNK = 1 << 18


class _Bad:
    """An element of the array that is not a record, and why."""

    __slots__ = ("text",)

    def __init__(self, text: Text) -> None:
        self.text = text


class _Text:
    """The JSON text decoded as it is read, with a window ``buf[pos:]`` still to read."""

    def __init__(self, stream: _Counted, source: str | None) -> None:
        self._read = stream.read
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._source = source
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self) -> int:
        """Read on; ``buf`` keeps ``buf[pos:]`` and ``pos`` becomes 0. The shift of every
        index into ``buf`` is returned; at the end, ``eof`` is set."""
        chunk = self._read(_CHUNK)
        try:
            text = self._decoder.decode(chunk, not chunk)
        except UnicodeDecodeError as exc:
            raise _load_error(
                "not-text",
                Text("the JSON is not UTF-8 text: {reason}", reason=exc.reason),
                self._source,
            ) from None
        shift = self.pos
        self.buf = self.buf[shift:] + text
        self.pos = 0
        if not chunk:
            self.eof = True
        return shift

    def next_char(self) -> str:
        """The next character that is not white space (not consumed); ``""`` at the end."""
        while True:
            m = _NOT_WS.search(self.buf, self.pos)
            if m is not None:
                self.pos = m.start()
                return m.group()
            self.pos = len(self.buf)
            if self.eof:
                return ""
            self.more()


def _truncated(index: int, source: str | None) -> LoadError:
    return _load_error(
        "truncated",
        Text("the file ends inside record {index}: is the download complete?", index=index),
        source,
        index=index,
    )


def _stdlib_elements(text: _Text, max_chars: int, source: str | None) -> Iterator[Any]:
    """The elements of the top-level array, each decoded or a :class:`_Bad`."""
    decode = json.JSONDecoder().raw_decode
    if text.next_char() != "[":
        raise _load_error("not-array", Text("the file is not a JSON array of records"), source)
    text.pos += 1
    index = 0
    if text.next_char() == "]":
        return
    while True:
        yield _element(text, decode, index, max_chars, source)
        index += 1
        c = text.next_char()
        if c == ",":
            text.pos += 1
            if text.next_char() == "]":
                return
        elif c == "]":
            break
        elif not c:
            raise _truncated(index, source)
        else:
            yield _Bad(Text("no comma after the record before it"))
            index += 1
    text.pos += 1
    if text.next_char():
        raise _load_error("after-array", Text("the file goes on after its array"), source)


def _element(
    text: _Text, decode: Callable[[str, int], tuple[Any, int]], index: int, limit: int, src: Any
) -> Any:
    """One element at ``text.pos`` (after white space), consumed."""
    if text.buf[text.pos] in ",]}":
        text.pos += 1
        return _Bad(Text("no record here, only {char!r}", char=text.buf[text.pos - 1]))
    while True:  # the common case: the whole element is in the window
        try:
            value, end = decode(text.buf, text.pos)
        except (ValueError, RecursionError):
            break
        if end < len(text.buf) or text.eof:
            if end - text.pos > limit:
                size = end - text.pos
                text.pos = end
                return _too_large(size, limit)
            text.pos = end
            return value
        if end - text.pos > limit:  # a number at the window's end, over the bound
            break
        text.more()  # a number at the window's end may go on: decode it again
    return _scan(text, decode, index, limit, src)


def _too_large(size: int, limit: int) -> _Bad:
    return _Bad(
        Text(
            "the record is {size} characters or more; the most is {most}: skipped",
            size=size,
            most=limit,
        )
    )


def _scan(
    text: _Text, decode: Callable[[str, int], tuple[Any, int]], index: int, limit: int, src: Any
) -> Any:
    """An element that does not decode in the window: find its end by its brackets and
    quotes (reading on as needed), then decode it alone — or skip it, when it is over
    ``limit`` characters, keeping no more than a chunk of it."""
    start = i = text.pos
    depth, in_string, scalar = 0, False, text.buf[start] not in '[{"'
    skipped = 0  # characters of a too-large element already dropped
    end = None
    while end is None:
        buf = text.buf
        while True:
            if in_string:
                m = _IN_STRING.search(buf, i)
                if m is None:
                    i = len(buf)
                    break
                if m.group() == "\\":
                    if m.end() >= len(buf):  # the escaped character is in the next chunk
                        i = m.start()
                        break
                    i = m.end() + 1
                    continue
                in_string, i = False, m.end()
                if depth == 0:
                    end = i
                    break
            elif scalar:
                m = _SCALAR_END.search(buf, i)
                if m is None:
                    i = len(buf)
                    break
                end = max(m.start(), start + 1)
                break
            else:
                m = _TOKEN.search(buf, i)
                if m is None:
                    i = len(buf)
                    break
                ch, i = m.group(), m.end()
                if ch == '"':
                    in_string = True
                elif ch in "[{":
                    depth += 1
                else:
                    depth -= 1
                    if depth <= 0:
                        end = i
                        break
        if end is not None:
            break
        if text.eof:
            raise _truncated(index, src)
        if skipped or i - start > limit:  # too large: drop what was scanned
            skipped += i - start
            text.pos = start = i
        shift = text.more()
        start, i = start - shift, i - shift
    if skipped:
        text.pos = end
        return _too_large(skipped + end - start, limit)
    piece = text.buf[start:end]
    text.pos = end
    if end - start > limit:
        return _too_large(end - start, limit)
    try:
        value, stop = decode(piece, 0)
    except RecursionError:
        return _Bad(Text("the record is nested too deeply"))
    except ValueError as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return _Bad(Text("not valid JSON: {reason}", reason=reason))
    if stop != len(piece):
        return _Bad(Text("not valid JSON: {reason}", reason="extra data"))
    return value


# ------------------------------------------------------------ the ijson decoder
def _ijson_elements(stream: _Counted, max_bytes: int, source: str | None) -> Iterator[Any]:
    """The elements of the top-level array through ijson (its C backend when built); a
    record it cannot parse, or one over ``max_bytes`` (with a slack of two of its
    buffers), is a :class:`_Handover` at its index."""
    import ijson  # the optional extra 'ytj'

    head = stream.read(1 << 12)
    body = head.removeprefix(codecs.BOM_UTF8)
    first = _NOT_WS.search(body.decode("latin-1"))
    if first is None or first.group() != "[":
        raise _load_error("not-array", Text("the file is not a JSON array of records"), source)
    buffer = 1 << 16
    joined = _Prefixed(body, stream)
    stream.record_bound = max_bytes + 2 * buffer
    index = 0
    try:
        for value in ijson.items(joined, "item", use_float=True, buf_size=buffer):
            yield value
            index += 1
            stream.mark = stream.position
    except (ijson.JSONError, _RecordTooLarge):
        raise _Handover(index) from None


# ---------------------------------------------------------------- the records
def _str(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


class _FieldError(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(text.text_in("en"))
        self.text = text


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})([T ].*)?")


def _date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    m = _DATE.fullmatch(value) if isinstance(value, str) else None
    day: date | None = None
    if m is not None:
        with contextlib.suppress(ValueError):  # 2024-02-30
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if day is None:
        raise _FieldError(
            Text("{field}: {value!r} is not a date (2024-05-27)", field=field, value=_clip(value))
        )
    if not _FIRST_YTJ_YEAR <= day.year <= LAST_YEAR:
        raise _FieldError(
            Text(
                "{field}: {value!r} is outside the years {first}–{last}",
                field=field,
                value=value,
                first=_FIRST_YTJ_YEAR,
                last=LAST_YEAR,
            )
        )
    return day


def _clip(value: Any, most: int = 40) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= most else text[:most] + "…"


def _list(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects of the list ``record[key]`` (missing or null: none)."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _FieldError(Text("{field} is not a list", field=key))
    return [v for v in value if isinstance(v, dict)]


def _current(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if not i.get("endDate")]


def _form(record: dict[str, Any]) -> str:
    forms = _list(record, "companyForms")
    if not forms:
        return ""
    current = _current(forms) or forms[-1:]
    latest = max(current, key=lambda f: _str(f.get("registrationDate")))
    return _str(latest.get("type"))


def _municipality(record: dict[str, Any]) -> str:
    addresses = _list(record, "addresses")
    current = _current(addresses) or addresses
    for kind in (STREET_ADDRESS, POSTAL_ADDRESS, None):
        for address in current:
            if kind is not None and _str(address.get("type")) != kind:
                continue
            offices = address.get("postOffices")
            for office in offices if isinstance(offices, list) else ():
                code = _str(office.get("municipalityCode")) if isinstance(office, dict) else ""
                if code:
                    return _municipality_code(code)
    return ""


def _municipality_code(code: str) -> str:
    return code.zfill(3) if code.isdigit() and len(code) <= 3 else code


def _names(record: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    names = [n for n in _list(record, "names") if _str(n.get("name"))]
    current = _current(names)
    main = [n for n in current if _str(n.get("type")) == "1"]
    main.sort(key=lambda n: (n.get("version") != 1, _str(n.get("version"))))
    chosen = (main or current or names)[:1]
    name = _str(chosen[0].get("name")) if chosen else ""
    others = tuple(_str(n.get("name")) for n in current if n not in chosen)
    return name, others


def _description(value: Any) -> str:
    if not isinstance(value, list):
        return ""
    texts = [d for d in value if isinstance(d, dict) and _str(d.get("description"))]
    fi = [d for d in texts if _str(d.get("languageCode")) == "1"]
    return _str((fi or texts)[0].get("description")) if texts else ""


@attrs.frozen(kw_only=True)
class _Filter:
    municipalities: frozenset[str] | None
    forms: frozenset[str] | None
    active_only: bool


_KINDS = {list: "array", int: "number", float: "number", str: "string"}
_KINDS.update({bool: "boolean", type(None): "null"})


def _record(value: Any, keep: _Filter) -> YtjRecord | Text | None:
    """The record of one element, the reason it cannot be read, or ``None``: filtered
    out. Only what the filters need is read of a record that does not pass them."""
    if not isinstance(value, dict):
        return Text("not a JSON object but a JSON {kind}", kind=_KINDS.get(type(value), "?"))
    ident = value.get("businessId")
    raw = ident.get("value") if isinstance(ident, dict) else None
    if not isinstance(raw, str) or not raw.strip():
        return Text("no businessId.value")
    business_id = normal_business_id(raw)
    if business_id is None:
        return Text("businessId {value!r} is not a Business ID", value=_clip(raw))
    try:
        form = _form(value)
        if keep.forms is not None and form not in keep.forms:
            return None
        municipality = _municipality(value)
        if keep.municipalities is not None and municipality not in keep.municipalities:
            return None
        ended = _date(value.get("endDate"), "endDate")
        situations = tuple(_str(s.get("type")) for s in _current(_list(value, "companySituations")))
        if keep.active_only and (ended is not None or situations):
            return None
        name, others = _names(value)
        line = value.get("mainBusinessLine")
        line = line if isinstance(line, dict) else {}
        registered = _date(value.get("registrationDate"), "registrationDate")
        if registered is None and isinstance(ident, dict):
            registered = _date(ident.get("registrationDate"), "businessId.registrationDate")
    except _FieldError as exc:
        return exc.text
    return YtjRecord(
        business_id=business_id,
        name=name,
        other_names=others,
        form=form,
        municipality=municipality,
        business_line=_str(line.get("type")),
        business_line_text=_description(line.get("descriptions")),
        registered=registered,
        ended=ended,
        status=_str(value.get("status")),
        situations=situations,
    )


def _business_id_of(value: Any) -> str:
    ident = value.get("businessId") if isinstance(value, dict) else None
    raw = ident.get("value") if isinstance(ident, dict) else None
    return (normal_business_id(raw) or "") if isinstance(raw, str) else ""


# ------------------------------------------------------------------ the stream
class YtjStream(Iterator[YtjRecord]):
    """The records of a YTJ bulk file as :func:`read_ytj` reads them: an iterator of
    :class:`YtjRecord`, read once; as it goes, :attr:`problems` holds the records that
    could not be read (the first :attr:`YtjLimits.max_problems`), :attr:`more_problems`
    counts the rest, :attr:`read` the elements of the array so far and :attr:`backend`
    names the decoder (``ijson``, or ``stdlib`` — also after ijson handed over)."""

    __slots__ = ("_items", "_limits", "backend", "filters", "more_problems", "problems", "read")

    def __init__(self, source: _Source, keep: _Filter, limits: YtjLimits, backend: Backend) -> None:
        self.problems: list[YtjProblem] = []
        self.more_problems = 0
        self.read = 0
        self.filters = keep
        self._limits = limits
        # "auto" is the stdlib decoder: measured, it reads the bulk file 1.4 times as fast
        # as ijson in the same memory (benchmarks/README.md); ijson is there to ask for
        use_ijson = backend == "ijson"
        self.backend = "ijson" if use_ijson else "stdlib"
        self._items = self._run(source, use_ijson)

    def __iter__(self) -> YtjStream:
        return self

    def __next__(self) -> YtjRecord:
        return next(self._items)

    def _problem(self, index: int, text: Text, value: Any) -> None:
        if len(self.problems) < self._limits.max_problems:
            self.problems.append(YtjProblem.of(index, text, business_id=_business_id_of(value)))
        else:
            self.more_problems += 1

    def _elements(self, source: _Source, use_ijson: bool) -> Iterator[Any]:
        skip = 0
        if use_ijson:
            try:
                yield from _ijson_elements(
                    source.open(), self._limits.max_record_bytes, source.name
                )
                return
            except _Handover as handover:
                if not source.reopenable:
                    raise _load_error(
                        "ijson-stopped",
                        Text(
                            "record {index} cannot be read by ijson and the stream cannot be"
                            " read again: read it with backend='stdlib'",
                            index=handover.index,
                        ),
                        source.name,
                        index=handover.index,
                    ) from None
                skip = handover.index
                self.backend = "stdlib"
        text = _Text(source.open(), source.name)
        for n, element in enumerate(
            _stdlib_elements(text, self._limits.max_record_bytes, source.name)
        ):
            if n >= skip:
                yield element

    def _run(self, source: _Source, use_ijson: bool) -> Iterator[YtjRecord]:
        keep = self.filters
        try:
            for value in self._elements(source, use_ijson):
                index = self.read
                self.read += 1
                if value.__class__ is _Bad:
                    self._problem(index, value.text, None)
                    continue
                record = _record(value, keep)
                if record is None:
                    continue
                if isinstance(record, YtjRecord):
                    yield record
                else:
                    self._problem(index, record, value)
        finally:
            source.close()

    def result(self) -> YtjReadResult:
        """Everything read so far, collected (:func:`load_ytj` reads the stream to its
        end first)."""
        return YtjReadResult(
            records=(),
            problems=tuple(self.problems),
            more_problems=self.more_problems,
            read=self.read,
            municipalities=self.filters.municipalities,
            forms=self.filters.forms,
            backend=self.backend,
        )


def _codes(values: Collection[str] | None, what: str) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = (values,)
    out = set()
    for value in values:
        code = str(value).strip()
        if what == "municipality":
            if not (code.isdigit() and 1 <= len(code) <= 3):
                raise InvalidValueError(
                    Text(
                        "{value!r} is not a municipality code (three digits, e.g. 092)",
                        value=_clip(value),
                    )
                )
            code = code.zfill(3)
        elif not code:
            raise InvalidValueError(Text("an empty company form code"))
        out.add(code)
    return frozenset(out)


def read_ytj(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    municipalities: Collection[str] | None,
    forms: Collection[str] | None = ASSOCIATION_FORMS,
    active_only: bool = True,
    limits: YtjLimits = DEFAULT_YTJ_LIMITS,
    backend: Backend = "auto",
) -> YtjStream:
    """The records of a YTJ bulk file, streamed (:class:`YtjStream`, an iterator of
    :class:`YtjRecord`).

    ``source`` is a path or a binary stream of the zip PRH publishes or of its JSON
    member. ``municipalities`` are municipality codes (``"092"`` Vantaa, ``"245"``
    Kerava; ``"92"`` is read as ``"092"``), matched against the municipality of the
    record's street address, else its postal address; ``None`` keeps every
    municipality. ``forms`` are company form codes (default
    :data:`ASSOCIATION_FORMS`, ``None`` every form); ``active_only`` leaves out records
    with an end date or a current situation (liquidation, bankruptcy, ...).

    Memory holds one record and a chunk of the text, whatever the file's size.
    ``backend``: ``"ijson"`` (the ``ytj`` extra: ``pip install
    'jarjestoyhteistyo[ytj]'``), ``"stdlib"`` (``json.JSONDecoder.raw_decode`` over a
    window of the text, one element at a time), or ``"auto"`` (the default): the
    stdlib decoder, which the benchmark measured 1.4 times as fast as ijson in the same
    bounded memory; ijson needs a source that can be read again. At a record it cannot
    parse, or one over the size bound, ijson hands over to
    the stdlib decoder, which reads the file again from its start, skipping the records
    already given, and goes on from that record.

    An element of the array that is not valid JSON, is not an object, has no valid
    Business ID, has a field of the wrong shape, or is over
    :attr:`YtjLimits.max_record_bytes`, is a :class:`YtjProblem` (its index, why)
    and the stream goes on; only what the filters need is read of a record they leave
    out, so a malformed field of a record of another municipality goes unreported. A
    file that is not a JSON array, not UTF-8, ends inside a record, is over
    :attr:`YtjLimits.max_bytes`, or a zip not holding exactly one file, is a
    ``LoadError`` — at the start, or, when found later, after the records before it.

    >>> import io, json
    >>> rows = [{"businessId": {"value": "0000001-9"}, "companyForms": [{"type": "6"}]},
    ...         {"businessId": {"value": "0112038-9"}, "companyForms": [{"type": "16"}]}]
    >>> [r.business_id for r in read_ytj(io.BytesIO(json.dumps(rows).encode()),
    ...                                  municipalities=None, forms=["16"])]
    ['0112038-9']
    """
    keep = _Filter(
        municipalities=_codes(municipalities, "municipality"),
        forms=_codes(forms, "form"),
        active_only=active_only,
    )
    if backend not in ("auto", "ijson", "stdlib"):
        raise InvalidValueError(Text("unknown backend {backend!r}", backend=backend))
    return YtjStream(_Source(source, limits), keep, limits, backend)


def load_ytj(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    municipalities: Collection[str] | None,
    forms: Collection[str] | None = ASSOCIATION_FORMS,
    active_only: bool = True,
    limits: YtjLimits = DEFAULT_YTJ_LIMITS,
    backend: Backend = "auto",
) -> YtjReadResult:
    """:func:`read_ytj`, read to its end and collected: the records kept (a few
    thousand for a city's associations) with the problems and counts.

    >>> import io, json
    >>> rows = [{"businessId": {"value": "0000001-9"}, "companyForms": [{"type": "6"}]},
    ...         [1, 2]]
    >>> result = load_ytj(io.BytesIO(json.dumps(rows).encode()), municipalities=None)
    >>> len(result.records), result.read, [str(p) for p in result.problems]
    (1, 2, ['record 1: not a JSON object but a JSON array'])
    """
    stream = read_ytj(
        source,
        municipalities=municipalities,
        forms=forms,
        active_only=active_only,
        limits=limits,
        backend=backend,
    )
    records = tuple(stream)
    return attrs.evolve(stream.result(), records=records)
