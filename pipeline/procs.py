"""Whether the process that left a file behind is still running (for cleaning up after kills)."""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """True while process `pid` exists, including this process and other users' processes."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, another user's
        return True
    return True
