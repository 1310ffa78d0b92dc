"""Build the offline bundle ``dist/metodkab-<version>-offline`` (a folder and a zip).

The bundle holds the wheel of metodkab and wheels of every runtime dependency for
Windows (win_amd64) and Linux (manylinux x86_64, glibc 2.17+), for each CPython version
in PYTHONS, fetched with ``pip download --only-binary=:all:`` for each platform and
version. The dependencies are read from pyproject.toml (``[project] dependencies``),
never listed here. pip evaluates environment markers (``python_version < "3.11"``,
``platform_system == "Windows"``) against the Python that runs it, not the target, so
each target's set is then closed here with the target's own markers: every requirement
of every wheel, as that platform and version would see it, must be met by a wheel in the
folder that fits the target's tags and Requires-Python; what is missing is downloaded
and checked again. A bundle that would not install offline somewhere it claims is not
written.

    python tools/build_dist.py [--out dist] [--project .] [--python 3.11 ...]
                               [--platform windows|linux ...]

Needs the network (PyPI) while it builds; the bundle then installs without it.
"""

from __future__ import annotations

import argparse
import email.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:   # Python 3.10
    from pip._vendor import tomli as tomllib

try:
    from packaging import tags as wheel_tags
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet
    from packaging.utils import canonicalize_name, parse_wheel_filename
except ModuleNotFoundError:   # pip always carries it
    from pip._vendor.packaging import tags as wheel_tags
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.specifiers import SpecifierSet
    from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "offline"
# The CPython versions the bundle carries wheels for (requires-python is ">=3.10").
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
# pip's --platform values per target, the preferred tag first: manylinux2014 (glibc 2.17)
# where a wheel exists, else manylinux_2_28.
PLATFORMS = {
    "windows": ("win_amd64",),
    "linux": ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"),
}
# The platform tags a target accepts (what pip on that machine would take).
ACCEPTED = {
    "windows": ["win_amd64"],
    "linux": [f"manylinux_2_{m}_x86_64" for m in range(28, 4, -1)]
             + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"],
}
MARKER_ENV = {
    "windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                "platform_machine": "AMD64"},
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
              "platform_machine": "x86_64"},
}
TEXT_TEMPLATES = ("README.txt",)
SHELL_TEMPLATES = ("install.sh", "uninstall.sh")
BAT_TEMPLATES = ("установить.bat", "удалить.bat")


class BuildError(Exception):
    pass


def canonical(name: str) -> str:
    return canonicalize_name(name)


def requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if not match:
        raise BuildError(f"pyproject.toml: cannot read the dependency {requirement!r}")
    return canonical(match.group(1))


def read_project(project: Path) -> dict:
    """Name, version and runtime dependencies from pyproject.toml (no test extras)."""
    data = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = data["version"]
    init = project / "src" / "metodkab" / "__init__.py"
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', init.read_text(encoding="utf-8"), re.M)
    if not match or match.group(1) != version:
        raise BuildError(f"the version in pyproject.toml ({version}) and __version__ in "
                         f"{init.relative_to(project)} ({match and match.group(1)}) differ")
    return {"name": data["name"], "version": version,
            "dependencies": list(data.get("dependencies", [])),
            "requires_python": data.get("requires-python", "")}


def check_pythons(pythons: list[str], requires_python: str) -> None:
    floor = re.fullmatch(r"\s*>=\s*(\d+)\.(\d+)\s*", requires_python or "")
    for version in pythons:
        if floor and tuple(int(p) for p in version.split(".")) < (int(floor[1]), int(floor[2])):
            raise BuildError(f"Python {version} is below requires-python {requires_python}")


def pip(*args: str, quiet: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"]
    if quiet:
        command.append("--quiet")
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)}\n{result.stdout}")
    return result


def target_args(platform: str, python: str) -> list[str]:
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for tag in PLATFORMS[platform]:
        args += ["--platform", tag]
    return args


def build_own_wheel(project: Path, into: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="metodkab-src-") as tmp:
        # Build from a clean copy: no build/ or egg-info left in the work tree.
        src = Path(tmp) / "src-copy"
        shutil.copytree(project, src, ignore=shutil.ignore_patterns(
            ".venv", ".git", "dist", "build", "*.egg-info", "__pycache__", "tests",
            "benchmarks", ".pytest_cache", ".hypothesis", "*.sqlite*"))
        pip("wheel", "--no-deps", "--wheel-dir", str(into), str(src))
    wheels = sorted(into.glob("metodkab-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one metodkab wheel, found {[w.name for w in wheels]}")
    check_wheel_contents(project, wheels[0])
    return wheels[0]


def check_wheel_contents(project: Path, wheel: Path) -> None:
    """Every file of the package (schemas, styles, not only .py) is in the wheel."""
    package = project / "src" / "metodkab"
    files = {str(Path("metodkab") / p.relative_to(package)).replace(os.sep, "/")
             for p in package.rglob("*") if p.is_file()
             and "__pycache__" not in p.parts and not p.suffix == ".pyc"}
    with zipfile.ZipFile(wheel) as zf:
        missing = sorted(files - set(zf.namelist()))
    if missing:
        raise BuildError(f"{wheel.name} lacks {missing}: see [tool.setuptools.package-data]")


def target_env(platform: str, python: str) -> dict[str, str]:
    """The environment markers of CPython ``python`` on ``platform``."""
    return {**MARKER_ENV[platform], "python_version": python,
            "python_full_version": f"{python}.0", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "implementation_version": f"{python}.0",
            "platform_release": "", "platform_version": "", "extra": ""}


def applies(requirement: Requirement, env: dict[str, str], extras=("",)) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**env, "extra": extra}) for extra in extras)


def target_tags(platform: str, python: str) -> set:
    version = tuple(int(p) for p in python.split("."))
    plats = ACCEPTED[platform]
    return (set(wheel_tags.cpython_tags(version, platforms=plats))
            | set(wheel_tags.compatible_tags(version, interpreter=f"cp{python.replace('.', '')}",
                                             platforms=plats)))


class Wheel:
    """A wheel file: its name, version, tags and what it requires (from METADATA)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        name, version, _build, self.tags = parse_wheel_filename(path.name)
        self.name, self.version = canonical(name), version
        with zipfile.ZipFile(path) as zf:
            meta = next(n for n in zf.namelist()
                        if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
            message = email.parser.HeaderParser().parsestr(zf.read(meta).decode("utf-8"))
        self.requires = [Requirement(r) for r in message.get_all("Requires-Dist") or []]
        self.requires_python = SpecifierSet(message.get("Requires-Python") or "")

    def fits(self, accepted: set, python: str) -> bool:
        return bool(self.tags & accepted) and self.requires_python.contains(
            f"{python}.0", prereleases=True)

    def min_glibc(self) -> tuple[int, int] | None:
        found = []
        for tag in self.tags:
            m = re.fullmatch(r"manylinux_(\d+)_(\d+)_x86_64", tag.platform)
            legacy = {"manylinux1_x86_64": (2, 5), "manylinux2010_x86_64": (2, 12),
                      "manylinux2014_x86_64": (2, 17)}.get(tag.platform)
            if m:
                found.append((int(m[1]), int(m[2])))
            elif legacy:
                found.append(legacy)
        return min(found) if found else None


def close_target(wheels: list[Wheel], roots: list[str], platform: str,
                 python: str) -> tuple[list[Wheel], list[str]]:
    """The wheels pip would install on the target for ``roots``, and what is missing.

    Like pip with ``--no-index``: for each name the highest version that meets every
    specifier, fits the target's tags and its Requires-Python; then the requirements of
    that wheel, with the target's markers and the extras asked for.
    """
    env = target_env(platform, python)
    accepted = target_tags(platform, python)
    specs: dict[str, SpecifierSet] = {}
    extras: dict[str, set[str]] = {}
    chosen: dict[str, Wheel] = {}
    missing: list[str] = []
    queue = [Requirement(r) for r in roots]
    queue = [r for r in queue if applies(r, env)]
    while queue:
        req = queue.pop(0)
        name = canonical(req.name)
        specs[name] = specs.get(name, SpecifierSet()) & req.specifier
        before = set(extras.get(name, set()))
        extras.setdefault(name, set()).update(req.extras)
        current = chosen.get(name)
        if current is not None and specs[name].contains(current.version, prereleases=True) \
                and extras[name] == before:
            continue
        candidates = [w for w in wheels if w.name == name and w.fits(accepted, python)
                      and specs[name].contains(w.version, prereleases=True)]
        if not candidates:
            missing.append(f"{name}{specs[name]}")
            chosen.pop(name, None)
            continue
        best = max(candidates, key=lambda w: w.version)
        chosen[name] = best
        wanted = ("",) + tuple(sorted(extras[name]))
        queue.extend(r for r in best.requires if applies(r, env, wanted))
    return sorted(chosen.values(), key=lambda w: w.name), sorted(set(missing))


def fetch(requirements: list[str], wheels_dir: Path, platform: str, python: str) -> None:
    """pip download for one target (markers already evaluated: pip would use its own)."""
    env = target_env(platform, python)
    plain = []
    for text in requirements:
        req = Requirement(text)
        if applies(req, env):
            extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
            plain.append(f"{req.name}{extras}{req.specifier}")
    if plain:
        pip("download", "--dest", str(wheels_dir), *target_args(platform, python), *plain)


def resolve_target(wheels_dir: Path, roots: list[str], platform: str,
                   python: str) -> list[Wheel]:
    fetch(roots, wheels_dir, platform, python)
    for _round in range(8):
        found = [Wheel(p) for p in sorted(wheels_dir.glob("*.whl"))]
        chosen, missing = close_target(found, roots, platform, python)
        if not missing:
            return chosen
        fetch(missing, wheels_dir, platform, python)
    raise BuildError(f"{platform} Python {python}: no wheels for {missing}")


def render(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    leftover = re.findall(r"@[A-Z_]+@", template)
    if leftover:
        raise BuildError(f"unfilled template fields: {leftover}")
    return template


def human_versions(pythons: list[str]) -> str:
    return pythons[0] if len(pythons) == 1 else f"{pythons[0]}–{pythons[-1]}"


def glibc_human(glibc: dict[str, str]) -> str:
    """«glibc 2.17 и новее (для Python 3.15 — 2.26)»: the common floor and the exceptions."""
    if not glibc:
        return "glibc 2.17 и новее"
    floor = min(glibc.values(), key=lambda v: tuple(map(int, v.split("."))))
    other = [f"для Python {p} — {v}" for p, v in glibc.items() if v != floor]
    return f"glibc {floor} и новее" + ("; " + "; ".join(other) if other else "")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f}"


def write_templates(folder: Path, manifest: dict, wheels_size: int) -> None:
    pythons = manifest["pythons"]
    values = {
        "VERSION": manifest["version"],
        "PYTHONS": " ".join(pythons),
        "PYTHONS_DESC": " ".join(reversed(pythons)),
        "PYTHONS_HUMAN": human_versions(pythons),
        "PYTHON_COMMANDS": " ".join(f"python{v}" for v in reversed(pythons)),
        "PLATFORMS_HUMAN": ", ".join(
            {"windows": "Windows 10/11 (64-разрядная)",
             "linux": f"Linux x86_64 ({glibc_human(manifest.get('glibc', {}))})"}[p]
            for p in manifest["platforms"]),
        "WHEELS_MB": megabytes(wheels_size),
        "WHEELS_COUNT": str(len(list((folder / "wheels").glob("*.whl")))),
    }
    for name in TEXT_TEMPLATES:   # BOM and CRLF: Notepad of any Windows shows it right
        text = render((TEMPLATES / name).read_text(encoding="utf-8"), values)
        (folder / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    for name in SHELL_TEMPLATES:
        text = render((TEMPLATES / name).read_text(encoding="utf-8"), values)
        (folder / name).write_bytes(text.encode("utf-8"))
        (folder / name).chmod(0o755)
    for name in BAT_TEMPLATES:    # cmd.exe: UTF-8 after «chcp 65001» on line 2, CRLF
        text = render((TEMPLATES / name).read_text(encoding="utf-8"), values)
        if not text.startswith("@echo off\nchcp 65001 >nul\n"):
            raise BuildError(f"{name} must start with @echo off and chcp 65001")
        (folder / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    shutil.copy2(TEMPLATES / "install.py", folder / "install.py")


def write_zip(folder: Path, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for path in sorted(folder.rglob("*")):
                arcname = str(Path(folder.name) / path.relative_to(folder))
                if path.is_dir():
                    continue
                info = zipfile.ZipInfo(arcname, date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
                info.compress_type = (zipfile.ZIP_STORED if path.suffix == ".whl"
                                      else zipfile.ZIP_DEFLATED)
                zf.writestr(info, path.read_bytes())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def build(project: Path, out: Path, pythons: list[str], platforms: list[str],
          say=print) -> Path:
    info = read_project(project)
    check_pythons(pythons, info["requires_python"])
    version = info["version"]
    name = f"metodkab-{version}-offline"
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out))
    try:
        folder = staging / name
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        own = build_own_wheel(project, wheels)
        say(f"metodkab {version}: {own.name}; dependencies from pyproject.toml: "
            f"{', '.join(info['dependencies'])}")
        combos = {}
        roots = [f"metodkab=={version}", "pip"]   # install.py runs pip from its wheel
        glibc = {}   # the oldest glibc each Linux target's wheels run on
        for platform in platforms:
            for python in pythons:
                chosen = resolve_target(wheels, [*info["dependencies"], "pip"], platform, python)
                chosen, missing = close_target([Wheel(p) for p in wheels.glob("*.whl")],
                                               roots, platform, python)
                names = {w.name for w in chosen}
                env = target_env(platform, python)
                wanted = {canonical(Requirement(r).name) for r in info["dependencies"]
                          if applies(Requirement(r), env)}
                if missing or wanted - names:
                    raise BuildError(f"{platform} Python {python}: no wheel for "
                                     f"{missing or sorted(wanted - names)}")
                combos[f"{platform}-{python}"] = [
                    {"name": w.name, "version": str(w.version), "file": w.path.name}
                    for w in chosen]
                if platform == "linux":
                    glibc[python] = "%d.%d" % max(
                        [(2, 17), *filter(None, (w.min_glibc() for w in chosen))])
                say(f"  {platform:8} Python {python}: {len(chosen)} wheels, complete offline")
        used = {d["file"] for resolved in combos.values() for d in resolved}
        for path in wheels.glob("*.whl"):   # a candidate pip fetched but no target uses
            if path.name not in used:
                path.unlink()
        manifest = {"name": info["name"], "version": version, "pythons": pythons,
                    "platforms": platforms, "glibc": glibc,
                    "platform_tags": {p: list(PLATFORMS[p]) for p in platforms},
                    "dependencies": info["dependencies"], "targets": combos}
        (folder / "bundle.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write_templates(folder, manifest, folder_size(wheels))
        final = out / name
        if final.exists():
            shutil.rmtree(final)
        os.replace(folder, final)
        write_zip(final, out / f"{name}.zip")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    say(f"{final}: {megabytes(folder_size(final))} MB, "
        f"{len(list((final / 'wheels').glob('*.whl')))} wheels; "
        f"{out / (name + '.zip')}: {megabytes((out / (name + '.zip')).stat().st_size)} MB")
    return final


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--python", action="append", choices=PYTHONS,
                        help="only this Python version (repeatable; default: all)")
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS),
                        help="only this platform (repeatable; default: both)")
    args = parser.parse_args(argv)
    pythons = [v for v in PYTHONS if not args.python or v in args.python]
    platforms = [p for p in PLATFORMS if not args.platform or p in args.platform]
    try:
        build(args.project.resolve(), args.out.resolve(), pythons, platforms)
    except BuildError as exc:
        print(f"build_dist: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
