"""Small measures on positions that the PDF reader and the cleaner share."""

from __future__ import annotations


def cluster_positions(values: list[float], tolerance: float) -> list[float]:
    """Group positions no further than `tolerance` from their neighbour; one mean per group.

    Ruling lines drawn twice, or indents a point apart, are one edge or one indent.
    """
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [sum(c) / len(c) for c in clusters]
