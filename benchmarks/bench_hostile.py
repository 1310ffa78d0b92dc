"""Hostile packets (issue 16): peak memory of a dry run of the office's import, each in a
subprocess of its own (``VmHWM``), against the dry run of an ordinary small packet
measured in the same run (the baseline: Python, pydantic, PyNaCl and the office database).

- the largest allowed packet (a payload just under MAX_PACKET_BYTES) from a school whose
  key is not registered: the dry run shows the manifest and the fingerprint and decrypts
  nothing (goal: under baseline + 1.5 × the file);
- the same packet from the registered school, decrypted and decompressed chunk by chunk
  until its first over-long line (goal: under baseline + 3.5 × the file: the file, the
  sealed payload and the decrypted one may be alive together);
- the issue's bomb: 0.5 MB declaring a 512 MB body of newlines, from an unregistered key
  (goal: under 1.5 × baseline — nothing of it is opened);
- a bomb at the content cap (256 MB of newlines declared and inflated) from the registered
  school: refused at its first chunk (goal: under 1.5 × baseline).

Run with ``python -m benchmarks hostile``; ``run()`` returns the rows of the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

DRY_RUN = textwrap.dedent("""
    import resource, sys

    def peak_mb():
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from metodkab import cli
    code = cli.main(["--today", "23.11.2026", "packet", "import", sys.argv[1], "--db",
                     sys.argv[2], "--dry-run"])
    print(f"PEAK {peak_mb():.1f} CODE {code}", file=sys.stderr)
""")


def _peak(path: Path, office: Path) -> tuple[float, int]:
    result = subprocess.run([sys.executable, "-c", DRY_RUN, str(path), str(office)],
                            capture_output=True, text=True, cwd=ROOT, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    for line in result.stderr.splitlines():
        if line.startswith("PEAK "):
            _, peak, _, code = line.split()
            return float(peak), int(code)
    raise RuntimeError(result.stderr[-2000:])


def _files(folder: Path) -> tuple[Path, dict[str, Path]]:
    sys.path.insert(0, str(ROOT))
    from nacl.signing import SigningKey

    from metodkab.sync import packet
    from metodkab.sync.municipal import import_packets
    from metodkab.sync.school import export_packet
    from tests.unit.test_hostile_support import bomb
    from tests.unit.test_sync_support import forge, make_exchange

    ex = make_exchange(folder / "x", staff=40)
    store = ex.school_store()
    try:
        first = export_packet(store, ex.out)
        second = export_packet(store, ex.out, full=True)
    finally:
        store.close()
    muni = ex.muni_store()
    try:
        import_packets(muni, [first.path], trusted=True)
    finally:
        muni.close()
    stranger = SigningKey.generate()
    filler = os.urandom(packet.MAX_PACKET_BYTES - (2 << 20))      # incompressible
    files = {"baseline": second.path}
    for name, key, code in (("largest, new school", stranger, "0999"),
                            ("largest, registered", None, "0412")):
        path = folder / f"{name}.mkp"
        path.write_bytes(forge(ex, [], key=key, seq=2, content=filler, counts={},
                               school_code=code))
        files[name] = path
    del filler
    path = folder / "bomb-512.mkp"
    path.write_bytes(bomb(ex, declared=512 << 20, inflated=512 << 20, key=stranger,
                          school_code="0999"))
    files["bomb 512 MB declared, new school"] = path
    path = folder / "bomb-cap.mkp"
    path.write_bytes(bomb(ex, declared=packet.MAX_CONTENT_BYTES,
                          inflated=packet.MAX_CONTENT_BYTES))
    files["bomb at the cap, registered"] = path
    return ex.muni, files


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="metodkab-bench-hostile-") as tmp:
        office, files = _files(Path(tmp))
        baseline, code = _peak(files["baseline"], office)
        assert code == 0, "the ordinary packet must pass its dry run"
        rows = []
        for name, path in files.items():
            if name == "baseline":
                continue
            peak, code = _peak(path, office)
            size = path.stat().st_size / (1 << 20)
            if name.startswith("largest"):
                factor = 1.5 if "new school" in name else 3.5
                limit, goal = baseline + factor * size, f"< baseline + {factor} × file"
            else:
                limit, goal = 1.5 * baseline, "< 1.5 × baseline"
            rows.append({"name": f"dry run peak, {name} ({size:.1f} MB file)",
                         "measured": f"{peak:.0f} MB (exit {code})",
                         "baseline": f"{baseline:.0f} MB (ordinary packet)",
                         "ratio": peak / baseline, "goal": goal,
                         "passed": peak < limit and code == (
                             0 if name == "largest, new school" else 1)})
        return rows


if __name__ == "__main__":
    for row in run():
        print(row)
