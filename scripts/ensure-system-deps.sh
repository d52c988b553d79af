#!/usr/bin/env bash
# Make sure Tesseract (with English) and Poppler are installed; install them with apt-get
# when we can, else say exactly what to run and exit 3 (missing system dependency).
set -uo pipefail
PKGS="tesseract-ocr tesseract-ocr-eng poppler-utils"

have_all() {
    command -v tesseract >/dev/null 2>&1 &&
    command -v pdftoppm >/dev/null 2>&1 &&
    command -v pdfinfo >/dev/null 2>&1 &&
    tesseract --list-langs 2>/dev/null | grep -qx eng
}

have_all && exit 0

echo "RecordCheck needs Tesseract (with English) and Poppler; installing: $PKGS"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q >/dev/null || true
    $SUDO apt-get install -y -q $PKGS >/dev/null
fi
if have_all; then
    echo "Installed: $(tesseract --version 2>&1 | head -1), $(pdftoppm -v 2>&1 | head -1)"
    exit 0
fi
echo "ERROR: Tesseract or Poppler is missing and could not be installed automatically." >&2
echo "Install them, then run the same make command again:" >&2
echo "    sudo apt-get install -y $PKGS" >&2
echo "(macOS: brew install tesseract poppler)" >&2
exit 3
