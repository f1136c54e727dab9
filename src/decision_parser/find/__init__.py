"""One module per field. Each takes the CleanText and the rules' entities (matches.RuleMatches)
and returns findings whose offsets point into CleanText.text; resolve.py decides what they mean together."""
