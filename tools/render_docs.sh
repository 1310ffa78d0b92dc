#!/bin/sh
# Render every .xlsx and .docx of a folder page by page, as an official would print them:
# FOLDER/pdf/<file>.pdf (LibreOffice headless) and FOLDER/png/<file>-<page>.png (pdftoppm).
# LibreOffice is installed from Debian packages when missing.
set -eu
folder="$1"
if ! command -v soffice >/dev/null 2>&1; then
    echo "soffice не найден: устанавливается LibreOffice (libreoffice-writer-nogui, libreoffice-calc-nogui)"
    root=""
    [ "$(id -u)" -eq 0 ] || root="sudo"
    $root apt-get install -y --no-install-recommends libreoffice-writer-nogui \
        libreoffice-calc-nogui poppler-utils
fi
rm -rf "$folder/pdf" "$folder/png"
mkdir -p "$folder/pdf" "$folder/png"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for file in "$folder"/*.xlsx "$folder"/*.docx; do
    [ -e "$file" ] || continue
    soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
        --outdir "$folder/pdf" "$file" >/dev/null 2>&1
done
for pdf in "$folder"/pdf/*.pdf; do
    [ -e "$pdf" ] || continue
    stem="$(basename "$pdf" .pdf)"
    pdftoppm -png -r 60 "$pdf" "$folder/png/$stem"
    echo "$stem: $(ls "$folder/png" | grep -c -F "$stem-") стр."
done
