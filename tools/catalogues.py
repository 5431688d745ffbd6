"""Extract, merge, compile and check the message catalogues (needs Babel).

The library's texts are English in the code; their Finnish and Swedish are in
``src/jarjestoyhteistyo/locale/<lang>/LC_MESSAGES/jarjestoyhteistyo.po``. This tool
keeps those files in step with the code::

    python tools/catalogues.py update    # extract from the code, merge into fi and sv .po
    python tools/catalogues.py compile   # .po -> .mo (the files the package reads)
    python tools/catalogues.py check     # what the test suite checks (exit 1 if not)

What is extracted:

* every finding code's message (context ``JY203``), title (``JY203 title``) and fix
  (``JY203 fix``), from :data:`jarjestoyhteistyo.catalogue.CATALOGUE`;
* every call in the package's source of ``Text("...")``, ``Plural("...", "...", n=)``,
  ``gettext(lang, "...")``,
  ``ngettext(lang, "...", "...", n)``, ``pgettext(lang, "context", "...")`` and the
  command line's ``_("...")``, ``N_("...")`` and ``NP_("context", "...")``, read
  by Babel's Python extractor (a comment starting ``TRANSLATORS:`` above the call
  reaches the translator);
* every YAML key's meaning, ``_meaning("Class.field", "...")`` in
  ``model/meanings.py``, under its key as context (``FormalCommittee.deputies``).

A new message gets an empty translation in each ``.po`` (``check`` fails until it is
filled in); a message gone from the code is dropped; a changed one is a new message.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "jarjestoyhteistyo"
LOCALE = PACKAGE / "locale"
DOMAIN = "jarjestoyhteistyo"
LANGS = ("fi", "sv")
#: The dates in the header stay fixed, so that a merge changes only what changed.
_EPOCH = datetime(2026, 12, 3, tzinfo=UTC)
HEADER = """\
# {language} translations of jarjestoyhteistyo's messages (MIT licence).
#
# Translate msgstr only; keep every {{field}} of the msgid as it is. Then run
# python tools/catalogues.py compile  (and check). See docs/howto/translate.rst."""
#: Babel keyword specs: argument positions (1-based) of the message, ``c`` the context.
KEYWORDS = {
    "_": (1,),
    "N_": (1,),
    "NP_": ((1, "c"), 2),
    "Text": (1,),
    "Plural": (1, 2),
    # the reasons of model.bounds: Bound(low, high, reason), _either_way(high, reason)
    "Bound": (3,),
    "_either_way": (2,),
    # the meanings of the YAML keys (model.meanings): _meaning("Class.field", text)
    "_meaning": ((1, "c"), 2),
    "gettext": (2,),
    "ngettext": (2, 3),
    "pgettext": ((2, "c"), 3),
}
#: A ``str.format`` field: ``{name}``, ``{name!r}``, ``{count:d}``.
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(![rsa])?(:[^{}]*)?\}(?!\})")
#: A printf field of argparse's texts: ``%s``, ``%(prog)s``.
PRINTF = re.compile(r"%(?:\(\w+\))?[sdr]")


def po_path(lang: str) -> Path:
    """The ``.po`` file of ``lang``."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled ``.mo`` file of ``lang``."""
    return po_path(lang).with_suffix(".mo")


def _codes() -> Iterator[tuple[str, str | tuple[str, str], str]]:
    """(context, msgid, comment) for every code's message, title and fix."""
    sys.path.insert(0, str(ROOT / "src"))
    from jarjestoyhteistyo.catalogue import CATALOGUE

    for code in CATALOGUE:
        yield code.code, code.en, f"{code.code} [{code.rule}] {code.title}"
        yield f"{code.code} title", code.title, f"the title of {code.code} [{code.rule}]"
        if code.fix:
            yield f"{code.code} fix", code.fix, f"how to fix {code.code}: {code.title}"


def extract() -> Catalog:
    """The template: every message of the code, as Babel extracts it."""
    template = Catalog(project=DOMAIN, domain=DOMAIN, fuzzy=False)
    for context, msgid, comment in _codes():
        template.add(msgid, context=context, auto_comments=[comment])
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        msgid = message if isinstance(message, str) else tuple(message)
        if not msgid or (isinstance(msgid, tuple) and not msgid[0]):
            continue
        previous = template.get(msgid if isinstance(msgid, str) else msgid[0], context)
        if previous is not None:
            previous.locations.append((f"jarjestoyhteistyo/{filename}", lineno))
            continue
        template.add(
            msgid,
            context=context,
            locations=[(f"jarjestoyhteistyo/{filename}", lineno)],
            auto_comments=comments,
        )
    return template


def read(lang: str) -> Catalog:
    """The catalogue of ``lang`` as it is on disk (an empty one if there is none)."""
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project=DOMAIN, fuzzy=False)
    with path.open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def _write_po(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    """Merge the template into each language's ``.po`` (new messages untranslated)."""
    template = extract()
    for lang in LANGS:
        catalog = read(lang)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.language_team = {"fi": "suomi", "sv": "svenska"}[lang]
        catalog.header_comment = HEADER.format(language={"fi": "Finnish", "sv": "Swedish"}[lang])
        catalog.copyright_holder = "jarjestoyhteistyo developers"
        catalog.msgid_bugs_address = ""
        catalog.last_translator = ""
        catalog.revision_date = catalog.creation_date = _EPOCH
        _write_po(catalog, po_path(lang))


def compiled(lang: str) -> bytes:
    """The ``.mo`` bytes of ``lang``'s ``.po`` as it is on disk."""
    buffer = io.BytesIO()
    write_mo(buffer, read(lang), use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    """Write each ``.mo`` from its ``.po``."""
    for lang in LANGS:
        mo_path(lang).write_bytes(compiled(lang))


def _fields(text: str) -> list[str]:
    """The distinct fields of ``text`` (a translation may use one of them twice or once)."""
    fields = {f"{m[1]}{m[2] or ''}{m[3] or ''}" for m in FIELD.finditer(text)}
    return sorted(fields | set(PRINTF.findall(text)))


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def problems() -> list[str]:
    """What is wrong with the catalogues: each problem a line (empty: all is well)."""
    out: list[str] = []
    template = extract()
    wanted = {(m.context, _ids(m)[0]) for m in template if m.id}
    for lang in LANGS:
        catalog = read(lang)
        have = {(m.context, _ids(m)[0]): m for m in catalog if m.id}
        for key in sorted(wanted - have.keys(), key=str):
            out.append(f"{lang}: no translation of {key[1]!r} (context {key[0]})")
        for key in sorted(have.keys() - wanted, key=str):
            out.append(f"{lang}: {key[1]!r} (context {key[0]}) is not in the code any more")
        for key, message in sorted(have.items(), key=lambda kv: str(kv[0])):
            if key not in wanted:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                out.append(f"{lang}: {key[1]!r} (context {key[0]}) is marked fuzzy")
            if not all(strings):
                out.append(f"{lang}: {key[1]!r} (context {key[0]}) is not translated")
                continue
            source = _fields(_ids(message)[-1])
            for string in strings:
                if _fields(string) != source:
                    out.append(
                        f"{lang}: {key[1]!r} (context {key[0]}): the translation's fields "
                        f"{_fields(string)} are not the message's {source}"
                    )
        if mo_path(lang).exists() and mo_path(lang).read_bytes() != compiled(lang):
            out.append(f"{lang}: {mo_path(lang).name} is older than its .po: run compile")
        elif not mo_path(lang).exists():
            out.append(f"{lang}: no {mo_path(lang).name}: run compile")
    return out


def main(argv: list[str]) -> int:
    """The command line: ``update``, ``compile`` or ``check``."""
    if argv == ["update"]:
        update()
        return 0
    if argv == ["compile"]:
        compile_all()
        return 0
    if argv == ["check"]:
        found = problems()
        print("\n".join(found) if found else "the catalogues are complete and compiled")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
