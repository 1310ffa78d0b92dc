"""Make the password-protected samples (.xls, .ods) of the import tests with LibreOffice.

    /usr/bin/python3 tests/data/make_password_samples.py

Needs LibreOffice and its Python bridge (``uno``, the system Python's python3-uno), which
the project's own environment does not have: the files are made once and committed. The
password is «секрет»; the content is the site list of make_import_samples.py.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

HERE = Path(__file__).parent
SOURCE = HERE / "import_site_merged.xlsx"
TARGETS = ((HERE / "import_password.xls", "MS Excel 97"),
           (HERE / "import_password.ods", "calc8"))


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def main() -> None:
    pipe = f"metodkab{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp:
        office = subprocess.Popen(["soffice", "--headless", "--norestore",
                                   f"-env:UserInstallation=file://{tmp}/profile",
                                   f"--accept=pipe,name={pipe};urp;"])
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(60):
                try:
                    context = resolver.resolve(
                        f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(1)
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(SOURCE)),
                                                    "_blank", 0, (_property("Hidden", True),))
            for target, filter_name in TARGETS:
                document.storeToURL(uno.systemPathToFileUrl(str(target)),
                                    (_property("FilterName", filter_name),
                                     _property("Password", "секрет")))
                print(target)
            document.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass        # the office closes the bridge as it quits
        finally:
            office.wait(timeout=60)


if __name__ == "__main__":
    main()
