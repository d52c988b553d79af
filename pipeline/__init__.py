"""RecordCheck: cross-check scanned medical records from several providers."""

__version__ = "0.1.0"
