import pytest

from decision_parser.find.money import find_amounts, parse_value
from tests.helpers import run_finder

# (text, [(value, per, count, breakdown_of, claimed)])
CASES = [
    ("a symbolic payment of £16,400 to acknowledge", [(16400.0, None, None, None, False)]),
    ("pay her £600 a month until", [(600.0, "month", None, None, False)]),
    (
        "to pay £2,400 to the parent (£600 for four school months) which",
        [(2400.0, None, None, None, False), (600.0, "month", 4, 2400.0, False)],
    ),
    ("a top-up of £75.11 weekly towards", [(75.11, "week", None, None, False)]),
    ("home care charged at £23 per hour", [(23.0, "hour", None, None, False)]),
    (
        "refund 32 weeks at £75.11 weekly, a total of £2,403.52",
        [(75.11, "week", 32, 2403.52, False), (2403.52, None, None, None, False)],
    ),
    ("He wants the Council to pay him £10,000 compensation.", [(10000.0, None, None, None, True)]),
    ("a payment of £1.5k was made", [(1500.0, None, None, None, False)]),
    ("the scheme cost £2 million", [(2000000.0, None, None, None, False)]),
    ("£500.00 paid.", [(500.0, None, None, None, False)]),
    ("no money here: 600 pounds sterling is not written with a sign", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_amounts(text, expected):
    found = run_finder(find_amounts, text)
    assert [(f.value, f.per, f.count, f.breakdown_of, f.claimed) for f in found] == expected
    for finding in found:
        assert text[finding.start : finding.end] == finding.text
        assert finding.text.startswith("£")


@pytest.mark.parametrize(
    "text, value",
    [("£16,400", 16400.0), ("£75.11", 75.11), ("£1.5k", 1500.0), ("£2 million", 2_000_000.0)],
)
def test_parse_value(text, value):
    assert parse_value(text) == value
