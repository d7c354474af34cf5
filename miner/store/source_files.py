"""Which local files were ingested, so a re-run can skip them without reading.

A file is skipped when its size and mtime equal those recorded and the
document with the recorded hash is still stored. Like git's index, a file
modified within `RACY_NS` of when it was recorded is not trusted (a second
write in the same timestamp tick could keep size and mtime): it is read and
hashed again, which is cheap next to converting and extracting it. Files
that failed are not recorded: every run tries them again.
"""

from __future__ import annotations

import pathlib
import time
from dataclasses import dataclass

from sqlite_utils import Database

RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class FileStat:
    path: str  # absolute, resolved: the same file named two ways is one row
    size: int
    mtime_ns: int
    checked_ns: int  # when the stat was taken

    @staticmethod
    def resolved(location: str) -> str:
        return str(pathlib.Path(location).resolve())

    @classmethod
    def of(cls, location: str) -> "FileStat | None":
        """The file's stat, or None if it cannot be statted (the read will report why)."""
        try:
            path = pathlib.Path(location).resolve()
            stat = path.stat()
        except OSError:
            return None
        return cls(str(path), stat.st_size, stat.st_mtime_ns, time.time_ns())


class SourceFiles:
    def __init__(self, db: Database):
        self.db = db

    def unchanged(self, stat: FileStat) -> int | None:
        """The stored document's id if the file is as recorded, else None."""
        row = self.db.execute(
            "select d.id from source_files s join documents d on d.content_hash = s.sha256 "
            "where s.path = ? and s.size = ? and s.mtime_ns = ? and s.mtime_ns < s.checked_ns - ?",
            [stat.path, stat.size, stat.mtime_ns, RACY_NS],
        ).fetchone()
        return row[0] if row else None

    def record(self, stat: FileStat, sha256: str) -> None:
        """Remember the file as stored; call inside the document's transaction."""
        from miner.store.writer import utcnow

        self.db["source_files"].upsert(
            {"path": stat.path, "size": stat.size, "mtime_ns": stat.mtime_ns, "sha256": sha256,
             "checked_ns": stat.checked_ns, "checked_at": utcnow()},
            pk="path",
        )


def database_files(db: Database) -> set[str]:
    """The database's own files (main, WAL, shared memory, journal), resolved."""
    files: set[str] = set()
    for _, name, filename in db.execute("pragma database_list").fetchall():
        if filename:
            main = str(pathlib.Path(filename).resolve())
            files |= {main, main + "-wal", main + "-shm", main + "-journal"}
    return files


__all__ = ["FileStat", "SourceFiles", "database_files"]
