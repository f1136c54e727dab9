"""One module per field. Each takes the CleanText and the spaCy Doc and returns findings
whose offsets point into CleanText.text; resolve.py decides what they mean together."""
