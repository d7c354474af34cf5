from miner.cli import cli

cli()
