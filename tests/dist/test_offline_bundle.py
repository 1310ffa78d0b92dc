"""The offline bundle as a user meets it: built, installed without network, upgraded, removed.

Marked ``dist`` (deselected in pyproject's addopts): ``make test-dist`` runs it, ``make
test`` does not, since building the bundle downloads wheels for every platform and Python.
The installs run inside a network namespace with no network (``unshare -n``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pytestmark = pytest.mark.dist

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "tools" / "build_dist.py"
SCHEMA_V1 = ROOT / "tests" / "data" / "schema_v1.sql"
HERE_PY = f"{sys.version_info.major}.{sys.version_info.minor}"
# The Python a user would have: the one this venv was made from.
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_dist = load("build_dist", BUILD)
installer = load("metodkab_offline_install", ROOT / "tools" / "offline" / "install.py")
PROJECT = build_dist.read_project(ROOT)
VERSION = PROJECT["version"]


def run(command, *, env=None, check=True, cwd=None, timeout=900):
    result = subprocess.run([str(c) for c in command], env=env, cwd=cwd, timeout=timeout,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{command} → {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def no_network_prefix() -> list[str]:
    """``unshare -n`` (or ``-rn`` without root): a namespace whose only interface is lo."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed: the offline install cannot be "
                    "proven here")
    probe = "import socket; print(sorted(n for _, n in socket.if_nameindex()))"
    errors = []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        result = run([*prefix, sys.executable, "-c", probe], check=False)
        if result.returncode == 0 and result.stdout.strip() == "['lo']":
            return prefix
        errors.append(f"{' '.join(prefix)}: {result.stderr.strip() or result.stdout.strip()}")
    pytest.skip("creating a network namespace is not permitted here (" + "; ".join(errors)
                + "): the offline install cannot be proven without one")


def user_env(home: Path) -> dict[str, str]:
    """A user's session: own HOME, no pip settings, no XDG overrides."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "PYTHON": BASE_PYTHON}


def file_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith((".lock", "-wal", "-shm"))}


def scalar(db: Path, sql: str):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """`make dist` into a temporary folder: every platform and Python version."""
    out = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, BUILD, "--out", out])
    print(result.stdout)
    folder = out / f"metodkab-{VERSION}-offline"
    assert folder.is_dir() and (out / f"{folder.name}.zip").is_file()
    return folder


def bumped(version: str) -> str:
    parts = version.split(".")
    return ".".join(parts[:-1] + [str(int(re.match(r"\d+", parts[-1])[0]) + 1)])


@pytest.fixture(scope="module")
def newer_bundle(tmp_path_factory) -> Path:
    """The same project with the next version number (Linux and this Python only)."""
    copy = tmp_path_factory.mktemp("newer") / "project"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "src", copy / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    newer = bumped(VERSION)
    for path in (copy / "pyproject.toml", copy / "src" / "metodkab" / "__init__.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'(?m)^((?:__)?version(?:__)?\s*=\s*)"[^"]+"',
                               rf'\g<1>"{newer}"', text), encoding="utf-8")
    out = copy.parent / "dist"
    run([sys.executable, BUILD, "--project", copy, "--out", out, "--platform", "linux",
         "--python", HERE_PY])
    return out / f"metodkab-{newer}-offline"


# --- what the bundle claims ---------------------------------------------------------------


def wheel_fits(filename: str, platform: str, python: str) -> bool:
    """A wheel's tags (PEP 427 file name) against a CPython version on a platform."""
    name, _version, *rest = filename[:-len(".whl")].split("-")
    py_tags, abi_tags, plat_tags = (t.split(".") for t in rest[-3:])
    xy = python.replace(".", "")
    plat_ok = "any" in plat_tags or any(
        t == "win_amd64" if platform == "windows" else
        re.fullmatch(r"manylinux(2014|_2_(1[7-9]|2[0-8]))_x86_64", t) for t in plat_tags)
    if "abi3" in abi_tags:
        py_ok = any(re.fullmatch(r"cp3(\d+)", t) and int(t[3:]) <= int(xy[1:]) for t in py_tags)
    elif "none" in abi_tags:
        py_ok = any(t in ("py3", f"cp{xy}") for t in py_tags)
    else:
        py_ok = f"cp{xy}" in py_tags and f"cp{xy}" in abi_tags
    return plat_ok and py_ok


def requirements_of(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(meta).decode("utf-8")
    return [Requirement(line.split(":", 1)[1].strip()) for line in text.splitlines()
            if line.startswith("Requires-Dist:")]


def marker_env(platform: str, python: str) -> dict[str, str]:
    os_env = {"windows": {"sys_platform": "win32", "platform_system": "Windows",
                          "os_name": "nt", "platform_machine": "AMD64"},
              "linux": {"sys_platform": "linux", "platform_system": "Linux",
                        "os_name": "posix", "platform_machine": "x86_64"}}[platform]
    return {**os_env, "python_version": python, "python_full_version": f"{python}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython"}


def test_every_claimed_platform_and_python_has_every_wheel(bundle):
    """Each target's wheels: all fit its tags, and every requirement of every one of them,
    with the target's own markers and extras, is met inside the set (the metodkab wheel's
    own requirements are pyproject's)."""
    manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert manifest["version"] == VERSION
    assert {"3.10", "3.11", "3.12", "3.13"} <= set(manifest["pythons"])
    assert manifest["platforms"] == ["windows", "linux"]
    folder = bundle / "wheels"
    on_disk = {p.name for p in folder.glob("*.whl")}
    for platform in manifest["platforms"]:
        for python in manifest["pythons"]:
            listed = manifest["targets"][f"{platform}-{python}"]
            files = {d["file"] for d in listed}
            assert files <= on_disk
            for name in files:
                assert wheel_fits(name, platform, python), (platform, python, name)
            versions = {canonicalize_name(d["name"]): d["version"] for d in listed}
            assert len(versions) == len(listed)
            env = marker_env(platform, python)
            own = next(folder.glob(f"metodkab-{VERSION}-*.whl"))
            assert {str(r) for r in requirements_of(own) if "extra" not in str(r.marker)} == {
                str(Requirement(r)) for r in PROJECT["dependencies"]}
            pending = [(r, "") for r in requirements_of(own)]
            for name in files:
                for req in requirements_of(folder / name):
                    pending.append((req, name))
            for req, source in pending:
                extras = {""}
                if source:   # the extras other wheels of the set ask of this one
                    src = canonicalize_name(source.split("-")[0])
                    extras |= {e for r, _ in pending if canonicalize_name(r.name) == src
                               for e in r.extras}
                if req.marker is not None and not any(
                        req.marker.evaluate({**env, "extra": e}) for e in extras):
                    continue
                name = canonicalize_name(req.name)
                assert name in versions, (platform, python, source, str(req))
                assert req.specifier.contains(versions[name], prereleases=True), (
                    platform, python, source, str(req), versions[name])
            assert "pip" in versions and "metodkab" in versions
    # The compiled dependencies really are per platform and version.
    for python in manifest["pythons"]:
        xy = python.replace(".", "")
        assert any(re.fullmatch(rf"pydantic_core-.*-cp{xy}-cp{xy}-win_amd64\.whl", w)
                   for w in on_disk), python
        assert any(re.fullmatch(rf"pydantic_core-.*-cp{xy}-cp{xy}-manylinux.*\.whl", w)
                   for w in on_disk), python
    assert any(w.startswith("pynacl-") and w.endswith("win_amd64.whl") for w in on_disk)


def test_pip_itself_resolves_this_python_offline_from_the_bundle(bundle):
    """pip's own resolver, offline on the bundle's folder, for this Python on both
    platforms (pip judges markers by the Python running it, so only this version)."""
    for platform in ("windows", "linux"):
        report = bundle.parent / f"check-{platform}.json"
        run([sys.executable, "-m", "pip", "install", "--isolated", "--dry-run",
             "--ignore-installed", "--no-index", "--find-links", bundle / "wheels",
             *build_dist.target_args(platform, HERE_PY), "--target", bundle.parent / "target",
             "--report", report, f"metodkab=={VERSION}"])
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
        manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
        claimed = {d["file"] for d in manifest["targets"][f"{platform}-{HERE_PY}"]}
        resolved = {Path(i["download_info"]["url"]).name for i in installs}
        assert resolved <= claimed
        assert all(n.startswith("pip-") for n in claimed - resolved)


def test_readme_zip_and_windows_scripts(bundle):
    readme = (bundle / "README.txt").read_bytes()
    assert readme.startswith(b"\xef\xbb\xbf") and b"\n" not in readme.replace(b"\r\n", b"")
    text = readme.decode("utf-8-sig")
    size = build_dist.megabytes(build_dist.folder_size(bundle / "wheels"))
    assert f"{size} МБ" in text and "3.10–3.15" in text and r"%LOCALAPPDATA%\metodkab" in text
    for name in ("установить.bat", "удалить.bat"):
        data = (bundle / name).read_bytes()
        assert data.startswith(b"@echo off\r\nchcp 65001 >nul\r\n"), name
        assert b"\n" not in data.replace(b"\r\n", b""), f"{name}: LF without CR"
        data.decode("utf-8")
    assert "for %%V in (3.15 3.14 3.13 3.12 3.11 3.10)" in (
        bundle / "установить.bat").read_text(encoding="utf-8")
    with zipfile.ZipFile(bundle.parent / f"{bundle.name}.zip") as zf:
        names = {i.filename: i for i in zf.infolist()}
        on_disk = {str(Path(bundle.name) / p.relative_to(bundle))
                   for p in bundle.rglob("*") if p.is_file()}
        assert set(names) == on_disk
        assert names[f"{bundle.name}/install.sh"].external_attr >> 16 & 0o111
        assert names[f"{bundle.name}/установить.bat"].flag_bits & 0x800   # UTF-8 name
    print(f"bundle: {build_dist.folder_size(bundle) / 1e6:.1f} MB in the folder, "
          f"{(bundle.parent / f'{bundle.name}.zip').stat().st_size / 1e6:.1f} MB zipped")


# --- install, upgrade, uninstall without network --------------------------------------------


def test_install_upgrade_and_uninstall_offline_keep_the_data(bundle, newer_bundle, tmp_path):
    offline = no_network_prefix()
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = user_env(home)
    program = home / ".local" / "share" / "metodkab-program"
    data = home / ".local" / "share" / "metodkab"
    metodkab = program / "bin" / "metodkab"

    def app(*args, check=True):
        return run([*offline, metodkab, *args], env=env, check=check)

    # 1. Install from the bundle with no network at all.
    result = run([*offline, "sh", bundle / "install.sh"], env=env)
    assert str(data) in result.stdout
    assert app("--version").stdout.strip() == f"metodkab {VERSION}"
    app("demo", "--out", tmp_path / "demo.sqlite")
    assert scalar(tmp_path / "demo.sqlite", "SELECT count(*) FROM staff") > 10
    desktop = home / ".local" / "share" / "applications" / "metodkab.desktop"
    assert f"Exec={program / 'metodkab-terminal.sh'}" in desktop.read_text(encoding="utf-8")
    on_desktop = home / "Desktop" / "metodkab.desktop"
    assert on_desktop.read_bytes() == desktop.read_bytes() and os.access(on_desktop, os.X_OK)

    # 2. A school's data: the database with a changed setting, a backup, the office's key,
    #    the school's signing key (made by the first packet), and an old-schema database.
    db = data / "metodkab.sqlite"
    app("demo", "--out", db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) "
                     "VALUES ('target_young_supported', '85')")
    conn.close()
    app("backup")
    office = tmp_path / "office"
    app("municipality", "init", "--db", office / "office.sqlite", "--pub",
        office / "office.mkkey")
    app("keys", "import", office / "office.mkkey")
    (tmp_path / "stick").mkdir()
    app("packet", "export", "--out", tmp_path / "stick")
    assert (data / "metodkab.signing-key").is_file()
    fingerprints = app("keys", "show").stdout
    old = data / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript(SCHEMA_V1.read_text(encoding="utf-8"))
    with conn:
        conn.execute("INSERT INTO school (id, full_name, short_name, change_seq, updated_at) "
                     "VALUES ('s1', 'МБОУ «СОШ № 7»', 'СОШ № 7', 1, '2026-01-10T09:00:00')")
    conn.close()
    staff = scalar(db, "SELECT count(*) FROM staff WHERE deleted = 0")
    before = file_hashes(data)
    assert any(name.startswith("backups/") for name in before)

    # 3. The newer bundle over the older one, offline: the data folder is not touched.
    result = run([*offline, "sh", newer_bundle / "install.sh"], env=env)
    newer = json.loads((newer_bundle / "bundle.json").read_text(encoding="utf-8"))["version"]
    assert f"{VERSION} → {newer}" in result.stdout
    assert file_hashes(data) == before
    assert app("--version").stdout.strip() == f"metodkab {newer}"
    dists = sorted(p.name for p in program.glob("lib/python*/site-packages/metodkab-*"))
    assert dists == [f"metodkab-{newer}.dist-info"]
    assert not list(program.parent.glob("metodkab-program.old-*"))
    app("check")
    assert scalar(db, "SELECT count(*) FROM staff WHERE deleted = 0") == staff
    assert scalar(db, "SELECT value FROM settings WHERE key = 'target_young_supported'") == "85"
    assert app("keys", "show").stdout == fingerprints

    # 4. The first start of a database of an older schema backs it up, then migrates.
    app("keys", "show", "--db", old)
    saved = sorted((data / "backups").glob("old-*-before-migration-v1.sqlite"))
    assert len(saved) == 1 and scalar(saved[0], "PRAGMA user_version") == 1
    assert scalar(old, "PRAGMA user_version") > 1
    assert scalar(old, "SELECT short_name FROM school") == "СОШ № 7"

    # 5. Uninstalling removes the program and its launcher, never the data.
    before = file_hashes(data)
    result = run([*offline, "sh", newer_bundle / "uninstall.sh"], env=env)
    assert str(data) in result.stdout
    assert not program.exists() and not desktop.exists() and not on_desktop.exists()
    assert file_hashes(data) == before


def test_installer_refuses_folders_it_must_not_replace(bundle, tmp_path):
    home = tmp_path / "home"
    env = user_env(home)
    foreign = tmp_path / "Мои документы"
    foreign.mkdir(parents=True)
    (foreign / "отчёт.txt").write_text("важное", encoding="utf-8")
    result = run(["sh", bundle / "install.sh", "--dir", foreign], env=env, check=False)
    assert result.returncode == 1 and "не пуста" in result.stderr
    assert [p.name for p in foreign.iterdir()] == ["отчёт.txt"]
    inside = home / ".local" / "share" / "metodkab" / "program"
    result = run(["sh", bundle / "install.sh", "--dir", inside], env=env, check=False)
    assert result.returncode == 1 and "папкой данных" in result.stderr
    assert not inside.exists()


def test_a_failed_upgrade_leaves_the_old_program_and_user_files_block_it(newer_bundle,
                                                                       tmp_path):
    home = tmp_path / "home"
    env = user_env(home)
    program = tmp_path / "program"
    program.mkdir()
    (program / "metodkab-install.json").write_text('{"version": "0.0.1", "launchers": []}',
                                                   encoding="utf-8")
    (program / "old-program.txt").write_text("the old version", encoding="utf-8")
    # A bundle missing a dependency: pip fails, the old program comes back as it was.
    broken = tmp_path / "broken"
    shutil.copytree(newer_bundle, broken)
    for wheel in (broken / "wheels").glob("rich-*.whl"):
        wheel.unlink()
    result = run(["sh", broken / "install.sh", "--dir", program, "--no-shortcuts"], env=env,
                 check=False)
    assert result.returncode == 1 and "Прежняя версия" in result.stderr
    assert sorted(p.name for p in program.iterdir()) == ["metodkab-install.json",
                                                         "old-program.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "program"]   # no leftovers
    # A database someone kept in the program folder stops the upgrade before any change.
    (program / "Школа.sqlite").write_bytes(b"SQLite format 3\0")
    result = run(["sh", newer_bundle / "install.sh", "--dir", program, "--no-shortcuts"],
                 env=env, check=False)
    assert result.returncode == 1 and "лежат ваши файлы" in result.stderr
    assert (program / "Школа.sqlite").read_bytes() == b"SQLite format 3\0"
    result = run(["sh", newer_bundle / "uninstall.sh", "--dir", program], env=env, check=False)
    assert result.returncode == 1 and (program / "Школа.sqlite").exists()


# --- the launchers ------------------------------------------------------------------------


def test_windows_launcher_is_utf8_crlf_and_sizes_the_window(monkeypatch):
    monkeypatch.setattr(installer, "is_windows", lambda: True)
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\Учитель\AppData\Local")
    data = installer.windows_launcher(
        r"C:\Users\Учитель\AppData\Local\metodkab-program\Scripts\python.exe")
    assert data.startswith(b"@echo off\r\nchcp 65001 >nul\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8")
    assert "mode con cols=100 lines=30" in text and "title Методический кабинет" in text
    assert r'"%LOCALAPPDATA%\metodkab-program\Scripts\python.exe" -m metodkab %*' in text
    other = installer.windows_launcher(r"D:\Программы\metodkab\Scripts\python.exe").decode()
    assert r'"D:\Программы\metodkab\Scripts\python.exe" -m metodkab %*' in other


@pytest.mark.parametrize("terminal, expected", [
    ("xterm", ["-geometry", "100x30"]),
    ("gnome-terminal", ["--geometry=100x30", "--"]),
    ("x-terminal-emulator", ["-e"]),
])
def test_linux_launcher_opens_a_sized_terminal(tmp_path, terminal, expected):
    """The menu launcher finds the terminal (through x-terminal-emulator's link where there
    is one) and runs the app in it; a fake terminal records what it was asked."""
    fakebin = tmp_path / "bin"
    fakebin.mkdir()
    fake = fakebin / terminal
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS"\n'
                    'while [ "$#" -gt 0 ] && [ "$1" != "-e" ] && [ "$1" != "--" ] '
                    '&& [ "$1" != "-x" ]; do shift; done\nshift\nexec "$@"\n')
    fake.chmod(0o755)
    if terminal != "x-terminal-emulator":   # Debian's alternative points at the real one
        (fakebin / "x-terminal-emulator").symlink_to(fake)
    launcher = tmp_path / "metodkab-terminal.sh"
    launcher.write_text(installer.terminal_script(sys.executable), encoding="utf-8")
    launcher.chmod(0o755)
    env = {"PATH": f"{fakebin}:/usr/bin:/bin", "ARGS": str(tmp_path / "args"),
           "HOME": str(tmp_path)}
    result = run([launcher, "--version"], env=env)
    assert f"metodkab {VERSION}" in result.stdout
    assert "\x1b[8;30;100t" in result.stdout
    args = (tmp_path / "args").read_text(encoding="utf-8").splitlines()
    assert args[:len(expected)] == expected or all(a in args for a in expected)
    assert args[-2:] == ["--inside", "--version"] and args[-3] == str(launcher)


@pytest.mark.parametrize("powershell", [True, False])
def test_windows_launchers_go_to_the_desktop_and_start_menu(tmp_path, monkeypatch, powershell):
    """On Windows the .bat goes to the desktop; the Start menu gets a shortcut made by
    PowerShell, or a copy of the .bat where PowerShell is refused (a fake one here)."""
    monkeypatch.setattr(installer, "is_windows", lambda: True)
    fakebin = tmp_path / "bin"
    fakebin.mkdir()
    if powershell:
        fake = fakebin / "powershell"
        fake.write_text('#!/bin/sh\nprintf "lnk -> %s" "$MK_BAT" > "$MK_LINK"\n')
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fakebin))
    menu = tmp_path / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    menu.mkdir(parents=True)
    desktop = tmp_path / "Рабочий стол"
    desktop.mkdir()
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    program = tmp_path / "metodkab-program"
    own, made = installer.make_launchers(program, {"desktop": str(desktop)}, True)
    assert own == program / "Методический кабинет.bat"
    assert (desktop / own.name).read_bytes() == own.read_bytes()
    assert own.read_bytes().startswith(b"@echo off\r\nchcp 65001 >nul\r\n")
    if powershell:
        link = menu / "Методический кабинет.lnk"
        assert link.read_text() == f"lnk -> {own}" and made == [desktop / own.name, link]
    else:
        assert (menu / own.name).read_bytes() == own.read_bytes()
        assert made == [desktop / own.name, menu / own.name]


def test_installer_checks_python_and_glibc_of_this_target(monkeypatch):
    here = HERE_PY
    manifest = {"pythons": [here], "glibc": {here: "2.28"}}
    monkeypatch.setattr(installer.platform, "libc_ver", lambda: ("glibc", "2.24"))
    monkeypatch.setattr(installer.platform, "machine", lambda: "x86_64")
    with pytest.raises(installer.InstallError, match="glibc 2.28"):
        installer.check_interpreter(manifest)
    monkeypatch.setattr(installer.platform, "libc_ver", lambda: ("glibc", "2.31"))
    installer.check_interpreter(manifest)
    with pytest.raises(installer.InstallError, match=f"запущен Python {here}"):
        installer.check_interpreter({"pythons": ["3.99"], "glibc": {}})
    # Windows: a Microsoft Store Python hides the files it writes: refused, with advice.
    monkeypatch.setattr(installer, "is_windows", lambda: True)
    monkeypatch.setattr(installer.platform, "machine", lambda: "AMD64")
    installer.check_interpreter(manifest)
    monkeypatch.setattr(sys, "prefix", "C:\\Program Files\\WindowsApps\\Python.3.11_x64")
    with pytest.raises(installer.InstallError, match="python.org"):
        installer.check_interpreter(manifest)
