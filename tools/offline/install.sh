#!/bin/sh
# Установка «Методического кабинета» без интернета (Linux x86_64).
#   sh install.sh                 — в папку по умолчанию (~/.local/share/metodkab-program)
#   sh install.sh --dir ПАПКА     — в другую папку
#   PYTHON=/путь/к/python3 sh install.sh   — другой Python
# Finds a Python the bundle has wheels for and runs install.py with it.
here=$(cd "$(dirname "$0")" && pwd)
ok='import sys; sys.exit(0 if "%d.%d" % sys.version_info[:2] in "@PYTHONS@".split() else 1)'
if [ -n "$PYTHON" ]; then
    exec "$PYTHON" "$here/install.py" "$@"
fi
for py in @PYTHON_COMMANDS@ python3 python; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "$ok" >/dev/null 2>&1; then
        exec "$py" "$here/install.py" "$@"
    fi
done
echo "Не найден Python @PYTHONS_HUMAN@." >&2
echo "Установите его из репозитория вашего дистрибутива (пакет python3) и запустите снова;" >&2
echo "подробнее — в README.txt." >&2
exit 1
