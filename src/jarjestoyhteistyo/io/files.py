"""Files out: the one atomic write of the library.

Every file the library or its command line writes — a report, a workbook, a document,
a registrations file — goes through :func:`write_atomically`: a temporary file in the
same folder, then a rename, so an interrupted or failed write leaves the old file (or
none) and no part of the new one. A symbolic link or a path that is not a regular file
is refused: a rename would replace the link or the device node.

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_atomically(target, b"whole")
>>> target.read_bytes()
b'whole'
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from jarjestoyhteistyo.errors import JarjestoError
from jarjestoyhteistyo.i18n import Term, Text, pgettext

__all__ = ["os_reason", "write_atomically"]


def NP_(context: str, message: str) -> str:
    """Mark ``message`` for the catalogue under ``context``; translated when shown."""
    return message


#: The system's reasons a preparer meets, in words of each language (the catalogue's
#: context ``system reason``); any other reason stays the system's own words.
_REASONS: dict[int, str] = {  # TRANSLATORS: why the system refused to read or write a file
    errno.ENOENT: NP_("system reason", "no such file or folder"),
    errno.EACCES: NP_("system reason", "permission denied"),
    errno.EPERM: NP_("system reason", "permission denied"),
    errno.EISDIR: NP_("system reason", "it is a folder"),
    errno.ENOTDIR: NP_("system reason", "a part of the path is not a folder"),
    errno.ENOSPC: NP_("system reason", "the disk is full"),
    errno.EROFS: NP_("system reason", "the disk is read-only"),
    errno.EFBIG: NP_("system reason", "the file is too large"),
    errno.ENAMETOOLONG: NP_("system reason", "the name is too long"),
}


def os_reason(exc: OSError) -> Term:
    """Why the system refused a file, as a :class:`~jarjestoyhteistyo.i18n.Term`: the
    common reasons in Finnish, Swedish and English, any other in the system's words.

    >>> reason = os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    >>> reason.text_in("fi"), reason.text_in("sv"), str(reason)
    ('tiedostoa tai kansiota ei ole', 'filen eller mappen finns inte', 'No such file or directory')
    """
    system = exc.strerror or str(exc)
    words = _REASONS.get(exc.errno or 0)
    if words is None:
        return Term(system)
    return Term(
        system,
        fi=pgettext("fi", "system reason", words),
        sv=pgettext("sv", "system reason", words),
    )


def _cannot_write(path: Path, exc: OSError) -> JarjestoError:
    return JarjestoError(
        Text("cannot write {path}: {reason}", path=str(path), reason=os_reason(exc))
    )


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module text)."""
    import tempfile  # only when writing: reading a file (os_reason) needs none of it

    target = Path(path)
    if target.is_symlink():
        raise JarjestoError(
            Text("{path} is a symbolic link; give the path of a file, not a link", path=str(path))
        )
    if target.exists() and not target.is_file():
        raise JarjestoError(
            Text("{path} is not a regular file (a device, a pipe or a folder)", path=str(path))
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)  # the mode a plain open() would give, not mkstemp's 0600
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(target, exc) from None
    except BaseException:  # an interrupt: no part of the file stays behind
        Path(tmp).unlink(missing_ok=True)
        raise
