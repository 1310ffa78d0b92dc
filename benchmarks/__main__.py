"""Run the benchmarks: ``python -m benchmarks`` runs all, ``python -m benchmarks NAME`` one.

A benchmark is a module ``benchmarks/bench_NAME.py`` with ``run() -> list[dict]``; each
dict has name, measured, baseline, ratio, goal and passed. The exit status is 1 when any
result misses its goal.
"""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path

HERE = Path(__file__).parent


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def _table(results: list[dict]) -> str:
    header = ("benchmark", "measured", "baseline", "ratio", "goal", "result")
    rows = [header]
    for r in results:
        ratio = r.get("ratio")
        ratio_text = "—" if ratio is None or math.isnan(ratio) else f"{ratio:.2f}x"
        rows.append((str(r["name"]), str(r["measured"]), str(r["baseline"]), ratio_text,
                     str(r["goal"]), "pass" if r["passed"] else "FAIL"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark: {', '.join(unknown)}; available: {', '.join(available())}",
              file=sys.stderr)
        return 2
    results = []
    for name in names:
        print(f"running {name} …", file=sys.stderr, flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        results.extend(module.run())
    print(_table(results))
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
