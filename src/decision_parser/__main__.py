"""`python -m decision_parser` is `parse-decision`."""

from .cli import main

main()
