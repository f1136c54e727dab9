import datetime as dt

import pytest

from decision_parser.find.dates import find_dates
from tests.helpers import run_finder

D = dt.date

# (text, [(date, precision, year_inferred, weekday_matches)])
CASES = [
    ("published on 22nd July 2024.", [(D(2024, 7, 22), "day", False, None)]),
    ("Cabinet Committee – Thursday 6 January 2025", [(D(2025, 1, 6), "day", False, False)]),
    ("Meeting on Monday 6 January 2025", [(D(2025, 1, 6), "day", False, True)]),
    ("Decision date : 27 Mar 2025", [(D(2025, 3, 27), "day", False, None)]),
    ("the LGO raised this on 13 th April", []),  # no year anywhere: not guessed
    (
        "On 11 April 2023, the parent wrote.\nThe LGO raised this on 13th April and again on 3rd May.",
        [
            (D(2023, 4, 11), "day", False, None),
            (D(2023, 4, 13), "day", True, None),
            (D(2023, 5, 3), "day", True, None),
        ],
    ),
    ("within one month of publication (March 2023)", [(D(2023, 3, 1), "month", False, None)]),
    ("the 6th of July 2022 meeting", [(D(2022, 7, 6), "day", False, None)]),
    ("dated 07/04/2022", [(D(2022, 4, 7), "day", False, None)]),
    ("it may be that 6 may help", []),  # "may" the verb is not a month
    ("£600 a month for four months", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_dates(text, expected):
    found = run_finder(find_dates, text)
    got = [(f.date, f.precision, f.year_inferred, f.weekday_matches) for f in found]
    assert got == expected
    for finding in found:
        assert text[finding.start : finding.end] == finding.text
