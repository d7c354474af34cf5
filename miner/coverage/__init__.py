"""News coverage checked against the reports it covers: links, claim verdicts, their evaluation."""

from miner.coverage.checks import CoverageSummary, check_coverage

__all__ = ["CoverageSummary", "check_coverage"]
