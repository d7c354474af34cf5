"""Typed errors. Library code raises these; only the CLI prints them."""


class MinerError(Exception):
    """Base class: the message names the input and says what went wrong."""


class UnsupportedDocument(MinerError):
    """The bytes are not a document miner can read (wrong type, empty, corrupt)."""


class ConversionFailed(MinerError):
    """Converting a document to text crashed, ran out of memory or time."""


class FetchError(MinerError):
    """A URL could not be fetched."""


class ExtractionFailed(MinerError):
    """The extraction pipeline raised on a document."""
