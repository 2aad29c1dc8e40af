"""Compare the report hashes of the Rust, Python and JavaScript scorers.

Reads `rust.txt`, `python.txt` and `javascript.txt`, which the scorers
wrote from the same inputs.jsonl, from the folder given. Fails when the
three languages give different reports for the JSON text of an input, or
when Python or JavaScript gives another report for the object read from
that text.

Usage: python compare.py FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

SCORERS = ("rust", "python", "javascript")
#: Mismatches listed in full before the rest are only counted.
SHOWN = 10


def read(path: Path) -> list[list[str]]:
    return [line.split() for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    folder = Path(sys.argv[1])
    count = len((folder / "inputs.jsonl").read_text(encoding="utf-8").split("\n")) - 1
    results = {scorer: read(folder / f"{scorer}.txt") for scorer in SCORERS}
    for scorer, scored in results.items():
        if len(scored) != count:
            print(f"compare: {scorer} scored {len(scored)} of {count} inputs", file=sys.stderr)
            return 1

    mismatches = []
    for position in range(count):
        rows = {scorer: results[scorer][position] for scorer in SCORERS}
        texts = {scorer: row[1] for scorer, row in rows.items()}
        if len(set(texts.values())) != 1 or len({row[0] for row in rows.values()}) != 1:
            mismatches.append(f"input {position}: the reports of the JSON text differ: {texts}")
        for scorer in ("python", "javascript"):
            from_object = rows[scorer][2]
            if from_object != "-" and from_object != texts[scorer]:
                mismatches.append(f"input {position}: {scorer} reports differently for the object read from the text")

    for mismatch in mismatches[:SHOWN]:
        print(f"compare: {mismatch}", file=sys.stderr)
    if mismatches:
        more = len(mismatches) - SHOWN
        if more > 0:
            print(f"compare: and {more} more", file=sys.stderr)
        return 1

    valid = sum(row[0] == "1" for row in results["rust"])
    plain = sum(row[2] != "-" for row in results["python"])
    print(
        f"determinism: {count} inputs ({valid} valid, {count - valid} with errors) give the same report "
        f"in Rust, Python and JavaScript, and the objects read from the {plain} plain JSON texts give "
        "the same reports as the texts in Python and JavaScript"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
