"""miner: turn inspection reports and their news coverage into data."""

__version__ = "0.1.0"
