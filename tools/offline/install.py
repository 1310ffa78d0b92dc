"""Install, upgrade or remove «Методический кабинет» from the offline bundle.

Runs with the Python the user has (standard library only, no network): creates a
virtual environment in the program folder, installs metodkab and its dependencies from
the bundle's ``wheels`` folder with ``pip --no-index``, and puts launchers on the desktop
and in the menu. The program folder holds only the program: the database, keys, backups
and settings live in the user's data folder, which neither an upgrade nor ``--uninstall``
ever touches.

This file travels inside the bundle and runs before metodkab is installed, so its
Russian messages live here rather than in metodkab's strings.py. Keep its syntax plain
(no walrus, no ``match``) so that an old Python still gets to the version message.
"""

import argparse
import json
import os
import platform
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = "metodkab-install.json"
PROGRAM_DIR_NAME = "metodkab-program"
DATA_DIR_NAME = "metodkab"           # platformdirs.user_data_dir("metodkab", appauthor=False)
TITLE = "Методический кабинет"
BAT_NAME = TITLE + ".bat"
DESKTOP_NAME = "metodkab.desktop"
TERMINAL_SCRIPT = "metodkab-terminal.sh"
COLS, ROWS = 100, 30                 # the window the launchers ask for (the app needs 80x24)
# What a user keeps in files: never deleted with the program folder.
USER_FILE_SUFFIXES = (".sqlite", ".sqlite-wal", ".signing-key", ".office-key", ".mkp",
                      ".mkr", ".mkkey", ".packet-seq", ".xlsx", ".docx", ".csv")

MSG = {
    "old_python": "Нужен Python {need} (64-разрядный); запущен Python {have}.\n"
                  "Установите Python с python.org (см. README.txt) и запустите установку снова.",
    "store": "Это Python из Microsoft Store: он прячет файлы программы в свою папку. "
             "Установите Python с python.org (см. README.txt) и запустите установку снова.",
    "py32": "Запущен 32-разрядный Python: нужен 64-разрядный (Windows installer (64-bit)).",
    "os": "Этот комплект — для Windows (x64) и Linux (x86_64); здесь {system} {machine}.",
    "glibc": "Linux слишком старый: нужна glibc {need} или новее (здесь {have}).",
    "no_bundle": "Не найден файл {name} рядом с программой установки: распакуйте архив целиком.",
    "no_pip": "В папке wheels нет pip-*.whl: архив распакован не полностью.",
    "inside_data": "Папка программы {target} не может совпадать с папкой данных {data} "
                   "или лежать внутри неё: выберите другую папку.",
    "foreign": "Папка {target} не пуста и не похожа на установленную программу: "
               "выберите пустую или новую папку (в ней ничего не удалено).",
    "user_files": "В папке программы {target} лежат ваши файлы ({example}): перенесите их "
                  "(например, в папку данных) и запустите снова. Ничего не удалено.",
    "busy": "Не удалось заменить папку {target}: программа, видимо, открыта. "
            "Закройте «Методический кабинет» и запустите установку снова.",
    "venv_failed": "Не удалось создать окружение Python в {target}:\n{error}",
    "pip_failed": "Установка из папки wheels не удалась (код {code}). Прежняя версия "
                  "программы оставлена как была.",
    "installing": "Устанавливается «Методический кабинет» {version} в {target} "
                  "(Python {python}) …",
    "upgrading": "Обновляется «Методический кабинет» {old} → {version} в {target} …",
    "done": "Готово: «Методический кабинет» {version} установлен в {target}.",
    "data": "Ваши данные (база, ключи, резервные копии): {data}\n"
            "Они не лежат в папке программы: обновление и удаление их не трогают.",
    "launchers": "Ярлыки: {paths}",
    "no_launchers": "Ярлыки не созданы (--no-shortcuts). Запуск: {command}",
    "leftover": "Старую папку {path} удалить не удалось: удалите её вручную позже.",
    "not_installed": "В папке {target} программа не установлена: удалять нечего.",
    "removed": "Программа удалена из {target}; ярлыки убраны.",
    "kept": "Ваши данные остались на месте: {data}",
}


class InstallError(Exception):
    """A failure to report as a Russian message; nothing of the user's was changed."""


def say(text):
    print(text, flush=True)


# --- where things go -------------------------------------------------------------------


def is_windows():
    return sys.platform == "win32"


def local_data_home():
    """Where platformdirs puts per-user data: %LOCALAPPDATA% or $XDG_DATA_HOME."""
    if is_windows():
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base)
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(base) if base else Path.home() / ".local" / "share"


def default_program_dir():
    return local_data_home() / PROGRAM_DIR_NAME


def expected_data_dir():
    return local_data_home() / DATA_DIR_NAME


def venv_python(target):
    if is_windows():
        return Path(target) / "Scripts" / "python.exe"
    return Path(target) / "bin" / "python"


# --- checks ----------------------------------------------------------------------------


def load_manifest(bundle=HERE):
    path = Path(bundle) / "bundle.json"
    if not path.is_file():
        raise InstallError(MSG["no_bundle"].format(name=path.name))
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def check_interpreter(manifest):
    have = "%d.%d" % sys.version_info[:2]
    versions = manifest["pythons"]
    need = ", ".join(versions[:-1]) + " или " + versions[-1] if len(versions) > 1 else versions[0]
    if have not in versions:
        raise InstallError(MSG["old_python"].format(need=need, have=have))
    machine = platform.machine().lower()
    if is_windows():
        if struct.calcsize("P") != 8:
            raise InstallError(MSG["py32"])
        if "WindowsApps" in sys.prefix or "WindowsApps" in sys.executable:
            raise InstallError(MSG["store"])
        if machine not in ("amd64", "x86_64"):
            raise InstallError(MSG["os"].format(system="Windows", machine=machine))
    elif sys.platform.startswith("linux"):
        if machine not in ("x86_64", "amd64"):
            raise InstallError(MSG["os"].format(system="Linux", machine=machine))
        libc, version = platform.libc_ver()
        need = manifest.get("glibc", {}).get("%d.%d" % sys.version_info[:2], "2.17")
        if libc == "glibc" and version and _numbers(version) < _numbers(need):
            raise InstallError(MSG["glibc"].format(need=need, have=version))
    else:
        raise InstallError(MSG["os"].format(system=platform.system(), machine=machine))


def _numbers(version):
    return tuple(int(p) for p in version.split(".")[:2] if p.isdigit())


def _inside(path, folder):
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False


def check_target(target, data_dir):
    """Refuse a program folder that would mix with the data or with someone's files."""
    if _inside(target, data_dir) or _inside(data_dir, target):
        raise InstallError(MSG["inside_data"].format(target=target, data=data_dir))
    if not target.exists():
        return None
    if not target.is_dir():
        raise InstallError(MSG["foreign"].format(target=target))
    marker = target / MARKER
    if not marker.is_file():
        if any(target.iterdir()):
            raise InstallError(MSG["foreign"].format(target=target))
        return None
    found = user_files(target)
    if found:
        raise InstallError(MSG["user_files"].format(target=target, example=found[0]))
    with open(marker, encoding="utf-8") as fh:
        return json.load(fh)


def user_files(folder):
    """A user's own files found in a program folder (outside the installed packages)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d.lower() != "site-packages"]
        for name in files:
            if name.lower().endswith(USER_FILE_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found)


# --- the launchers ---------------------------------------------------------------------


def windows_launcher(python_exe):
    """``Методический кабинет.bat``: UTF-8 with ``chcp 65001`` first, CRLF line ends.

    The path is written through %LOCALAPPDATA% where it lies there, so the file stays
    ASCII-clean even for a Cyrillic user name.
    """
    python_exe = str(python_exe)
    local = os.environ.get("LOCALAPPDATA", "")
    if local and python_exe.lower().startswith(local.rstrip("\\").lower() + "\\"):
        python_exe = "%LOCALAPPDATA%" + python_exe[len(local.rstrip("\\")):]
    lines = [
        "@echo off",
        "chcp 65001 >nul",
        "title " + TITLE,
        "mode con cols=%d lines=%d" % (COLS, ROWS),
        '"%s" -m metodkab %%*' % python_exe,
        "if errorlevel 1 pause",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def terminal_script(python_exe):
    """The Linux launcher: runs the app in a terminal window of COLS x ROWS."""
    return TERMINAL_TEMPLATE.replace("@PYTHON@", shlex.quote(str(python_exe))) \
        .replace("@COLS@", str(COLS)).replace("@ROWS@", str(ROWS))


TERMINAL_TEMPLATE = r"""#!/bin/sh
# Методический кабинет: opens the program in a terminal window of @COLS@x@ROWS@
# (written by install.py; the program needs 80x24 at least).
PY=@PYTHON@
COLS=@COLS@
ROWS=@ROWS@
if [ "$1" = "--inside" ]; then
    shift
    printf '\033[8;%d;%dt' "$ROWS" "$COLS"   # xterm, VTE and others resize on this
    "$PY" -m metodkab "$@"
    status=$?
    if [ "$status" -ne 0 ]; then
        printf '\nНажмите Enter, чтобы закрыть окно.'
        read -r _
    fi
    exit "$status"
fi
self=$(readlink -f "$0" 2>/dev/null || echo "$0")
if [ -t 0 ] && [ -t 1 ]; then            # started from a terminal already
    exec "$self" --inside "$@"
fi
run_with() {   # run_with TERMINAL KIND [args for the app]
    term=$1; kind=$2; shift 2
    case "$kind" in
        xterm|uxterm)
            exec "$term" -geometry "${COLS}x${ROWS}" -fa Monospace -fs 12 -T "Методический кабинет" \
                -e "$self" --inside "$@" ;;
        gnome-terminal|gnome-terminal.wrapper)
            exec "$term" --geometry="${COLS}x${ROWS}" -- "$self" --inside "$@" ;;
        mate-terminal|mate-terminal.wrapper|xfce4-terminal|xfce4-terminal.wrapper)
            exec "$term" --geometry="${COLS}x${ROWS}" -x "$self" --inside "$@" ;;
        lxterminal)
            exec "$term" --geometry="${COLS}x${ROWS}" -e "$self" --inside "$@" ;;
        *)
            exec "$term" -e "$self" --inside "$@" ;;
    esac
}
if alt=$(command -v x-terminal-emulator 2>/dev/null); then
    real=$(readlink -f "$alt" 2>/dev/null || echo "$alt")
    run_with "$alt" "$(basename "$real")" "$@"
fi
for name in fly-term mate-terminal xfce4-terminal gnome-terminal konsole lxterminal qterminal xterm; do
    if term=$(command -v "$name" 2>/dev/null); then
        run_with "$term" "$name" "$@"
    fi
done
echo "Не найдена программа-терминал (xterm, fly-term, konsole …): запустите $self из терминала." >&2
exit 1
"""


def desktop_entry(launcher):
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=" + TITLE,
        "Comment=Методическая работа школы",
        "Exec=" + _desktop_quote(str(launcher)),
        "Icon=accessories-text-editor",
        "Terminal=false",
        "Categories=Office;Education;",
        "",
    ])


def _desktop_quote(path):
    """A path as one argument of a .desktop Exec line (the spec's own quoting)."""
    if not any(c in path for c in ' \t"\'\\><~|&;$*?#()`'):
        return path
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`") \
        .replace("$", "\\$")
    return '"%s"' % escaped


def write_file(path, data, mode=None):
    """Write under a temporary name in the same folder and rename into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix="." + path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, str(path))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def windows_shortcut(link, bat):
    """A .lnk to the launcher made by PowerShell (paths passed in the environment, so no
    quoting or code page is involved); False where PowerShell is missing or refused."""
    script = ("$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:MK_LINK); "
              "$s.TargetPath = $env:MK_BAT; $s.WorkingDirectory = $env:MK_DIR; $s.Save()")
    env = dict(os.environ, MK_LINK=str(link), MK_BAT=str(bat), MK_DIR=str(Path(bat).parent))
    try:
        done = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command",
                               script], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and Path(link).is_file()


def make_launchers(target, info, shortcuts):
    """Write the launcher into the program folder and copy it to the desktop and menu."""
    python_exe = venv_python(target)
    made = []
    if is_windows():
        own = write_file(target / BAT_NAME, windows_launcher(python_exe))
        if shortcuts and info.get("desktop") and Path(info["desktop"]).is_dir():
            made.append(write_file(Path(info["desktop"]) / BAT_NAME, own.read_bytes()))
        appdata = os.environ.get("APPDATA")
        menu = Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" \
            if appdata else None
        if shortcuts and menu is not None and menu.is_dir():
            link = menu / (TITLE + ".lnk")   # the Start menu lists shortcuts, not .bat files
            made.append(link if windows_shortcut(link, own)
                        else write_file(menu / BAT_NAME, own.read_bytes()))
        return own, made
    own = write_file(target / TERMINAL_SCRIPT, terminal_script(python_exe), 0o755)
    if shortcuts:
        entry = desktop_entry(own)
        made.append(write_file(local_data_home() / "applications" / DESKTOP_NAME, entry, 0o755))
        desktop = Path(info["desktop"]) if info.get("desktop") else None
        if desktop is not None and desktop.is_dir():
            on_desktop = write_file(desktop / DESKTOP_NAME, entry, 0o755)
            made.append(on_desktop)
            if shutil.which("gio"):   # GNOME-like desktops start only «trusted» files
                subprocess.run(["gio", "set", str(on_desktop), "metadata::trusted", "true"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return own, made


# --- installing ------------------------------------------------------------------------


def clean_env():
    """The environment for pip: none of the user's pip settings, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIP_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def pip_wheel(wheels):
    found = sorted(wheels.glob("pip-*.whl"))
    if not found:
        raise InstallError(MSG["no_pip"])
    return found[-1]


def installed_info(python_exe):
    """Ask the installed program where its data lives and where the desktop is."""
    code = ("import json, platformdirs, metodkab\n"
            "from metodkab.paths import default_db_path\n"
            "print(json.dumps({'version': metodkab.__version__,"
            " 'data': str(default_db_path().parent),"
            " 'desktop': platformdirs.user_desktop_dir()}))")
    out = subprocess.run([str(python_exe), "-c", code], env=clean_env(), check=True,
                         stdout=subprocess.PIPE, universal_newlines=True, encoding="utf-8")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _aside(target, why):
    """Rename the program folder out of the way (refused while the program runs on Windows)."""
    aside = target.with_name("%s.%s-%s" % (target.name, why, os.urandom(3).hex()))
    try:
        os.replace(str(target), str(aside))
    except OSError:
        raise InstallError(MSG["busy"].format(target=target)) from None
    return aside


def _remove_tree(path):
    shutil.rmtree(str(path), ignore_errors=True)
    return not Path(path).exists()


def install(target, *, bundle=HERE, shortcuts=True):
    manifest = load_manifest(bundle)
    check_interpreter(manifest)
    version = manifest["version"]
    target = Path(target).expanduser().absolute()
    previous = check_target(target, expected_data_dir())
    wheels = Path(bundle) / "wheels"
    pip = pip_wheel(wheels)
    if previous is None:
        say(MSG["installing"].format(version=version, target=target,
                                     python=platform.python_version()))
    else:
        say(MSG["upgrading"].format(old=previous.get("version", "?"), version=version,
                                    target=target))
    old = None
    if previous is not None:   # the old version steps aside until the new one is complete
        old = _aside(target, "old")
    elif target.exists():      # an empty folder the user named
        target.rmdir()
    try:
        made = subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if made.returncode != 0:
            raise InstallError(MSG["venv_failed"].format(target=target, error=made.stdout))
        python_exe = venv_python(target)
        code = subprocess.call(
            [str(python_exe), str(pip / "pip"), "install", "--isolated", "--no-index",
             "--find-links", str(wheels), "--only-binary", ":all:", "--no-cache-dir",
             "--disable-pip-version-check", "--no-warn-script-location", "--quiet",
             "metodkab==" + version], env=clean_env())
        if code != 0:
            raise InstallError(MSG["pip_failed"].format(code=code))
        info = installed_info(python_exe)
    except BaseException:
        _remove_tree(target)
        if old is not None:
            os.replace(str(old), str(target))
        raise
    own, made = make_launchers(target, info, shortcuts)
    write_file(target / MARKER, json.dumps({
        "version": version, "python": platform.python_version(), "data": info["data"],
        "launchers": [str(p) for p in made],
    }, ensure_ascii=False, indent=1))
    if old is not None:
        stale = json.loads((old / MARKER).read_text(encoding="utf-8")).get("launchers", [])
        for path in stale:   # launchers of the old version that the new one did not rewrite
            if path not in {str(p) for p in made} and Path(path).is_file():
                Path(path).unlink()
        if not _remove_tree(old):
            say(MSG["leftover"].format(path=old))
    say(MSG["done"].format(version=version, target=target))
    say(MSG["data"].format(data=info["data"]))
    if made:
        say(MSG["launchers"].format(paths=", ".join(str(p) for p in made)))
    else:
        say(MSG["no_launchers"].format(command=own))
    return target


def uninstall(target):
    """Remove the program folder and its launchers; the data folder stays."""
    target = Path(target).expanduser().absolute()
    marker = target / MARKER
    if not marker.is_file():
        raise InstallError(MSG["not_installed"].format(target=target))
    found = user_files(target)
    if found:
        raise InstallError(MSG["user_files"].format(target=target, example=found[0]))
    record = json.loads(marker.read_text(encoding="utf-8"))
    doomed = _aside(target, "removing")
    for path in record.get("launchers", []):
        if Path(path).is_file():
            Path(path).unlink()
    if not _remove_tree(doomed):
        say(MSG["leftover"].format(path=doomed))
    say(MSG["removed"].format(target=target))
    say(MSG["kept"].format(data=record.get("data") or expected_data_dir()))


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="install.py", description="Установка «Методического кабинета» без интернета.")
    parser.add_argument("--dir", type=Path, default=None,
                        help="папка программы (по умолчанию %s)" % default_program_dir())
    parser.add_argument("--no-shortcuts", action="store_true",
                        help="не создавать ярлыки на рабочем столе и в меню")
    parser.add_argument("--uninstall", action="store_true",
                        help="удалить программу (данные остаются)")
    args = parser.parse_args(argv)
    target = args.dir or default_program_dir()
    try:
        if args.uninstall:
            uninstall(target)
        else:
            install(target, shortcuts=not args.no_shortcuts)
    except InstallError as exc:
        print(str(exc), file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
