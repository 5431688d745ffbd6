"""The command line's progress bar (issue #20 point 5, issue #16 point 7).

A bar on stderr once work has run for :data:`~jarjestoyhteistyo.render.progress.DELAY`
seconds, on a terminal only; quiet in pipes and files, off with
``JARJESTOYHTEISTYO_PROGRESS=0``, cleared on the way out (also on Ctrl-C).
"""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import time

import pytest

from jarjestoyhteistyo.errors import RenderError
from jarjestoyhteistyo.render.progress import DELAY, Stages


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def _until(predicate: object, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not predicate():  # type: ignore[operator]
        time.sleep(0.02)


def test_a_terminal_gets_the_stage_its_count_and_the_time() -> None:
    tty = Terminal()
    with Stages(("reading the registrations", "proposing members"), stream=tty, delay=0) as s:
        _until(lambda: "reading the registrations" in tty.getvalue())
        assert "(1/2)" in tty.getvalue()
        s.next()
        _until(lambda: "proposing members" in tty.getvalue())
        assert "(2/2)" in tty.getvalue()
        assert "00:0" in tty.getvalue()  # the elapsed time
    assert tty.getvalue().endswith("\r")  # the line is cleared: no bar is left behind


def test_a_pipe_or_a_file_gets_nothing() -> None:
    pipe = io.StringIO()
    with Stages(("working",), stream=pipe, delay=0):
        time.sleep(0.3)
    assert pipe.getvalue() == ""


def test_work_within_the_delay_shows_nothing() -> None:
    tty = Terminal()
    with Stages(("working",), stream=tty, delay=30):
        pass
    assert tty.getvalue() == ""
    assert DELAY == 2.0  # the documented "about two seconds"


def test_the_user_can_turn_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JARJESTOYHTEISTYO_PROGRESS", "0")
    tty = Terminal()
    with Stages(("working",), stream=tty, delay=0):
        time.sleep(0.3)
    assert tty.getvalue() == ""


def test_ctrl_c_stops_and_clears_the_bar() -> None:
    tty = Terminal()
    stages = Stages(("working",), stream=tty, delay=0)

    def interrupted() -> None:
        with stages:
            _until(lambda: "working" in tty.getvalue())
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert stages._thread is not None
    assert not stages._thread.is_alive()
    assert tty.getvalue().endswith("\r")


def test_the_last_stage_stays_the_last() -> None:
    with Stages(("one", "two"), stream=io.StringIO()) as s:
        for _ in range(5):
            s.next()
    assert (s.done, s.stage) == (2, "two")


def test_no_stages_is_an_error() -> None:
    with pytest.raises(RenderError, match="at least one stage"):
        Stages(())


def _stderr_on_a_terminal(argv: list[str], **extra: str) -> tuple[int, str]:
    """Run the command line with stderr on a pseudo-terminal of 100 columns."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("JARJESTOYHTEISTYO_")}
    env.update(extra)
    proc = subprocess.Popen(
        [sys.executable, "-m", "jarjestoyhteistyo", *argv],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.wait(timeout=120), seen.decode("utf-8", "replace")


# 100,000 registrations take about 3 s to generate: past the delay
LONG = ["example", "vake", "--registrations", "100000"]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_long_command_shows_the_bar_on_a_terminal() -> None:
    # the bar at once (the delay from the environment), so the first stage is seen
    # however fast the machine; 100,000 registrations keep it on screen a while
    code, stderr = _stderr_on_a_terminal(LONG, JARJESTOYHTEISTYO_PROGRESS_DELAY="0")
    assert code == 0
    assert "generating the example (1/2)" in stderr
    assert "00:0" in stderr  # the time spent
    assert stderr.endswith("\r")  # cleared before the command ended


def test_the_delay_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = Terminal()
    monkeypatch.setenv("JARJESTOYHTEISTYO_PROGRESS_DELAY", "0")
    with Stages(("working",), stream=tty):
        _until(lambda: "working" in tty.getvalue())
    assert "working (1/1)" in tty.getvalue()
    for ignored in ("soon", "-1", "3600", "nan"):
        monkeypatch.setenv("JARJESTOYHTEISTYO_PROGRESS_DELAY", ignored)
        assert Stages(("x",))._delay == DELAY


@pytest.mark.slow
def test_a_long_command_in_a_pipe_writes_nothing_to_stderr() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jarjestoyhteistyo", *LONG],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith("# Fictional example")
