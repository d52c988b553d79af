"""Command line: `recordcheck process IN --out OUT`; maps errors to exit statuses."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from . import __version__
from .api import Progress, RunResult, run
from .config import load_settings
from .errors import ConfigError, ExitCode, RecordCheckError

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recordcheck",
        description="Cross-check scanned medical records from several providers and list likely mistakes.",
    )
    parser.add_argument("--version", action="version", version=f"recordcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    proc = sub.add_parser(
        "process",
        help="read every record in IN and write the reports to OUT",
        description="IN holds one sub-folder per provider (IN/<provider>/<files>); PDF, TIFF, PNG and JPEG are read.",
    )
    proc.add_argument(
        "input", type=Path, metavar="IN", help="folder of records, one sub-folder per provider"
    )
    proc.add_argument(
        "--out", type=Path, required=True, metavar="OUT", help="folder for the reports"
    )
    proc.add_argument("--config", type=Path, help="TOML file overriding config/default.toml")
    proc.add_argument("--jobs", type=int, help="worker processes (default: number of CPUs)")
    proc.add_argument("--dpi", type=int, help="rasterization DPI for PDF pages (default 300)")
    proc.add_argument("--patient-name", help="the patient's name, to check every document against")
    proc.add_argument("--patient-dob", help="the patient's date of birth, YYYY-MM-DD")
    proc.add_argument("--no-cache", action="store_true", help="do not reuse or store OCR results")
    proc.add_argument(
        "--cache-dir", type=Path, help="where OCR results are cached (default OUT/.cache)"
    )
    proc.add_argument("-q", "--quiet", action="store_true", help="no progress, only the summary")
    proc.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="more detail in the log (-vv includes record text: keep such logs private)",
    )
    return parser


class ProgressPrinter:
    """Pages done and time left, on one updating line on a terminal, else every ~10%."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last_step = -1

    def __call__(self, p: Progress) -> None:
        pct = 100 * p.pages_done // max(1, p.pages_total)
        left = p.seconds_left
        left_text = "" if left is None else f", about {_duration(left)} left"
        line = f"OCR: {p.pages_done}/{p.pages_total} pages ({pct}%){left_text}"
        if self.tty:
            end = "\n" if p.pages_done >= p.pages_total else ""
            self.stream.write("\r\033[K" + line + end)
            self.stream.flush()
        elif pct // 10 != self.last_step or p.pages_done >= p.pages_total:
            self.last_step = pct // 10
            print(line, file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def summary_text(result: RunResult) -> str:
    """A short closing summary: counts and where the outputs are; no record content."""
    providers = sorted({p.provider for p in result.pages})
    # unreadable_entry rows ask to check what the scan says; they claim no record is wrong.
    claims = [f for f in result.findings if f.category != "unreadable_entry"]
    to_check = len(result.findings) - len(claims)
    sev = Counter(f.severity for f in claims)
    cats = Counter(f.category for f in claims)
    lines = [
        f"Read {len(result.pages)} pages from {len(result.inputs)} files "
        f"({len(providers)} providers) in {_duration(result.elapsed_s)}.",
    ]
    if claims:
        lines.append(
            f"Found {len(claims)} likely {'mistake' if len(claims) == 1 else 'mistakes'}: "
            + ", ".join(f"{sev[s]} {s}" for s in ("high", "medium", "low") if sev[s])
            + "."
        )
        lines.extend(
            f"  {n:3d}  {c}" for c, n in sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    else:
        lines.append("Found no likely mistakes between the records.")
    if to_check:
        lines.append(
            f"{to_check} {'entry was' if to_check == 1 else 'entries were'} not read clearly "
            f"from the scan (unreadable_entry): check {'it' if to_check == 1 else 'them'} on the "
            "page before asking anyone."
        )
    out = result.out_dir
    lines += [
        f"Outputs in {out}/:",
        f"  {result.paths.discrepancies.name:<18} the likely mistakes, most severe first",
        f"  {result.paths.annotated.name:<18} every page, searchable, each suspect entry highlighted",
        f"  {result.paths.facts.name:<18} everything that was read, with the page it came from",
        f"  {result.paths.problems.name:<18} "
        + (
            f"{len(result.problems)} files or pages that need attention"
            if result.problems
            else "nothing to report"
        ),
    ]
    if result.findings:
        lines.append(
            f"Next: open {result.paths.annotated} (the first page sums up), check each highlight "
            "against your own knowledge, and ask the provider named in discrepancies.csv to "
            "correct what is wrong."
        )
    if result.unread:
        lines.append(
            f"Some inputs could not be read: see {result.paths.problems} for why and what to do."
        )
    return "\n".join(lines)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # Library warnings go through logging too, so that the filter below applies to them.
    logging.captureWarnings(True)
    if verbose < 2:
        # Libraries log raw bytes of damaged files (pypdf quotes stream data and dictionary
        # values at WARNING), which may be record content: only -vv shows their messages.
        for handler in logging.getLogger().handlers:
            handler.addFilter(_own_records_only)


def _own_records_only(record: logging.LogRecord) -> bool:
    return record.name == "pipeline" or record.name.startswith("pipeline.")


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C, so `kill` or a timeout also removes the work folder."""
    main_pid = os.getpid()

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != main_pid:  # a forked worker: die as SIGTERM would have it
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. called from an embedding program)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage; our contract says 1
        return ExitCode.OK if exc.code == 0 else ExitCode.BAD_ARGS
    _configure_logging(args.verbose)
    try:
        if args.patient_dob:
            try:
                dt.date.fromisoformat(args.patient_dob)
            except ValueError:
                raise ConfigError(
                    f"--patient-dob {args.patient_dob!r} is not a date; write it as YYYY-MM-DD"
                ) from None
        if args.jobs is not None and args.jobs < 1:
            raise ConfigError("--jobs must be 1 or more")
        settings = load_settings(
            args.config,
            jobs=args.jobs,
            dpi=args.dpi,
            cache_enabled=False if args.no_cache else None,
            cache_dir=args.cache_dir,
            patient_name=args.patient_name,
            patient_dob=args.patient_dob,
        )
        progress = None if args.quiet else ProgressPrinter(sys.stderr)
        with _terminate_as_interrupt():
            result = run(args.input, args.out, settings, on_progress=progress)
    except KeyboardInterrupt:
        cached = " (pages already read are cached)" if not args.no_cache else ""
        print(
            "\nInterrupted; no partial reports were written (reports from an earlier run are "
            f"left as they were). Run the same command again to restart{cached}.",
            file=sys.stderr,
        )
        return ExitCode.INTERRUPTED
    except RecordCheckError as exc:
        print(f"recordcheck: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        log.debug("run failed", exc_info=True)
        where = exc.filename2 or exc.filename
        print(
            f"recordcheck: {exc.strerror or exc}"
            + (f": {where}" if where else "")
            + "; check that the output folder is a folder you can write to and that the disk "
            "is not full, then run again (-vv shows details)",
            file=sys.stderr,
        )
        return ExitCode.BAD_ARGS
    except Exception as exc:
        log.debug("internal error", exc_info=True)
        print(
            f"recordcheck: internal error ({type(exc).__name__}); no reports were written. "
            "Run again with -vv for details and report the problem (the -vv log holds record "
            "text: share only what you are happy to share)",
            file=sys.stderr,
        )
        return ExitCode.BAD_ARGS
    print(summary_text(result))
    return ExitCode.INPUT_PROBLEMS if result.unread else ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
