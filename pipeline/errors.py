"""Error hierarchy: each class carries its exit status and a message saying what to do next."""

from __future__ import annotations


class ExitCode:
    OK = 0
    BAD_ARGS = 1
    INPUT_PROBLEMS = 2
    MISSING_DEPENDENCY = 3
    INTERRUPTED = 130


class RecordCheckError(Exception):
    """Base class; the CLI prints the message and exits with `exit_code`."""

    exit_code = ExitCode.BAD_ARGS


class BadArgsError(RecordCheckError):
    exit_code = ExitCode.BAD_ARGS


class ConfigError(RecordCheckError):
    exit_code = ExitCode.BAD_ARGS


class MissingDependencyError(RecordCheckError):
    exit_code = ExitCode.MISSING_DEPENDENCY


class InputFileError(RecordCheckError):
    """One input cannot be read; becomes a problems.csv row, never stops the run."""

    exit_code = ExitCode.INPUT_PROBLEMS

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.advice = advice


class EncryptedPdfError(InputFileError):
    def __init__(self) -> None:
        super().__init__(
            "the PDF is encrypted (password protected)",
            "save an unencrypted copy (e.g. `qpdf --decrypt in.pdf out.pdf`, "
            "with --password=... if it has one) and run again",
        )


class OcrError(RecordCheckError):
    """Tesseract failed on a page for a reason we do not recognise."""

    exit_code = ExitCode.INPUT_PROBLEMS
