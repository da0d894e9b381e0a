"""Independent parts of the build (Kiez pages, search index) in forked processes on the other core.

Each part writes its own files, so the output is the same bytes as in one process; the parent
waits for every part at the end of the build and fails if one failed. `BILDUNGSWEGE_FORK=0`
(or a system without `fork`) runs the parts in-process, one after another.
"""

from __future__ import annotations

import atexit
import os
import sys
import traceback
from collections.abc import Callable

from .collector import freeze_long_lived

_children: list[tuple[int, str]] = []


class ForkedPartFailed(RuntimeError):
    """A forked part of the build exited with an error (its traceback is on stderr)."""


def forking_enabled() -> bool:
    return hasattr(os, "fork") and os.environ.get("BILDUNGSWEGE_FORK", "1") != "0"


def run_forked(label: str, work: Callable[[], None]) -> None:
    """Start `work` in a child process (or run it now, if forking is off); see `wait_forked`."""
    if not forking_enabled():
        work()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    freeze_long_lived()  # fewer copy-on-write page faults in the child
    pid = os.fork()
    if pid == 0:  # child: do the work, never return into the parent's build
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - reported to the parent through the exit code
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    if not _children:
        atexit.register(_reap)  # a build that stops early must not leave a part running
    _children.append((pid, label))


def _reap() -> None:
    while _children:
        os.waitpid(_children.pop(0)[0], 0)


def wait_forked(*_args) -> None:
    """Wait for every started part; raise `ForkedPartFailed` naming the parts that failed.
    (Takes and ignores signal arguments, so it can be connected to `signals.finalized`.)"""
    failed = []
    while _children:
        pid, label = _children.pop(0)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(label)
    if failed:
        raise ForkedPartFailed(f"Teil des Builds fehlgeschlagen: {', '.join(failed)}")
