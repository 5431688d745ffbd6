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

import os
import tempfile
from pathlib import Path

from jarjestoyhteistyo.errors import JarjestoError
from jarjestoyhteistyo.i18n import Text

__all__ = ["write_atomically"]


def _cannot_write(path: Path, exc: OSError) -> JarjestoError:
    return JarjestoError(
        Text("cannot write {path}: {reason}", path=str(path), reason=exc.strerror or str(exc))
    )


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module text)."""
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
