"""Bringing a school's own spreadsheets in: staff lists and training lists (XLSX, CSV).

``reader`` turns a file into a sheet of cells, ``mapping`` guesses which column holds
what, ``values`` reads values as people write them, ``plan`` builds the preview and
applies it in one transaction, ``report`` writes the error report. Never imports textual.
"""
