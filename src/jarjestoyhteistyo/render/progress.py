"""A progress bar on stderr for command-line work that takes a while.

The command line names the stages of a long command (reading the registrations,
proposing, writing) and moves on with :meth:`Stages.next`; the library's functions
stay pure and know nothing of it. Nothing is shown when the work ends within
:data:`DELAY` seconds, nor when the stream is not a terminal (a pipe, a file, CI
logs): output that is read by a program stays clean. After the delay a bar drawn by
`tqdm <https://tqdm.github.io>`_ shows the stage, how many are done and the time
spent, refreshed twice a second, and is cleared when the work ends. ``tqdm`` is
imported only on a terminal, so a pipe or a file pays nothing for it; it is imported
before the work starts, because an import in the drawing thread waits on the busy
main thread for every file it reads (seconds, on Python 3.13).

Set ``JARJESTOYHTEISTYO_PROGRESS=0`` to never show it, and
``JARJESTOYHTEISTYO_PROGRESS_DELAY`` to the seconds (0–60) before it appears.

>>> import io
>>> with Stages(("reading", "proposing"), stream=io.StringIO()) as stages:
...     stages.next()
>>> stages.done, stages.stage
(2, 'proposing')
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Final, TextIO

from jarjestoyhteistyo.errors import RenderError

__all__ = ["DELAY", "Stages"]

#: Seconds of work before the bar appears: shorter work shows nothing.
DELAY: Final = 2.0

#: Seconds between two redraws of the bar (the elapsed time moves on).
_REFRESH: Final = 0.5

#: The widest the bar is drawn, in columns.
_WIDTH: Final = 100


def _wanted(stream: TextIO) -> bool:
    """A bar only on a terminal, and not when the user turned it off."""
    if os.environ.get("JARJESTOYHTEISTYO_PROGRESS", "").strip() in {"0", "no", "off", "false"}:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed or not a real stream
        return False


def _delay_from_environment() -> float:
    """``JARJESTOYHTEISTYO_PROGRESS_DELAY`` (seconds, 0–60), else :data:`DELAY`; a
    value that is not such a number is ignored."""
    text = os.environ.get("JARJESTOYHTEISTYO_PROGRESS_DELAY", "").strip()
    try:
        seconds = float(text)
    except ValueError:
        return DELAY
    return seconds if 0 <= seconds <= 60 else DELAY


def _tqdm() -> type[Any] | None:
    """tqdm's bar class, or ``None`` in a broken environment without it (the work goes
    on without a bar)."""
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm


class Stages:
    """The stages of one command, with a bar on ``stream`` once it runs long.

    Use it as a context manager; call :meth:`next` as each stage begins. The first
    stage begins on entry. The bar is drawn from a background thread (the work itself
    is not interrupted); leaving the block stops and clears it, also on an error or
    Ctrl-C.
    """

    def __init__(
        self,
        stages: Sequence[str],
        *,
        stream: TextIO | None = None,
        delay: float | None = None,
    ) -> None:
        import sys

        if not stages:
            raise RenderError("a progress bar needs at least one stage")
        self._stages = tuple(stages)
        self._stream = sys.stderr if stream is None else stream
        self._delay = _delay_from_environment() if delay is None else delay
        self._index = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = time.time()

    @property
    def stage(self) -> str:
        """The stage under way."""
        return self._stages[self._index]

    @property
    def done(self) -> int:
        """How many stages have begun (the one under way included)."""
        return self._index + 1

    def next(self) -> None:
        """The next stage begins (the last one stays the last)."""
        self._index = min(self._index + 1, len(self._stages) - 1)

    def __enter__(self) -> Stages:
        self._started = time.time()  # tqdm's clock
        if _wanted(self._stream) and _tqdm() is not None:
            self._thread = threading.Thread(target=self._draw, name="progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _draw(self) -> None:
        if self._stop.wait(self._delay):
            return  # finished within the delay: nothing to show
        tqdm = _tqdm()
        if tqdm is None:  # pragma: no cover - __enter__ starts no thread without it
            return
        # a terminal that does not tell its width (0 columns) gets 80: tqdm drew nothing
        width = shutil.get_terminal_size((80, 24)).columns or 80
        bar = tqdm(
            total=len(self._stages),
            initial=self.done,
            desc=self.stage,
            file=self._stream,
            leave=False,
            ncols=min(width, _WIDTH),
            bar_format="{desc} ({n_fmt}/{total_fmt}) {bar} {elapsed}",
            mininterval=0,
        )
        bar.start_t = self._started  # the time spent since the work began, not the bar
        try:
            while True:
                bar.n = self.done
                bar.set_description_str(self.stage, refresh=False)
                bar.refresh()
                if self._stop.wait(_REFRESH):
                    break
        finally:
            bar.close()
