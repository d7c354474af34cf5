"""SQLite storage: schema migrations and the one-transaction document write."""

from miner.store.database import open_database
from miner.store.writer import DocumentWriter

__all__ = ["open_database", "DocumentWriter"]
