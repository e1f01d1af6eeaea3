"""Moving learning data between quiz and other programs: review logs, Anki, spreadsheets.

Each module is a pure reader or writer of one format; the commands and the store do the I/O.
`revlog_csv` reads review logs in the fsrs-optimizer / py-fsrs CSV schema. Anki: `anki_package`
reads .apkg/.colpkg files (both layouts), `anki_notes` turns notes into cards and back,
`anki_history` turns the revlog into reviews and back (with card scheduling), `anki_write`
writes .apkg files. `table` reads and writes CSV, TSV, Quizlet and Anki text exports; `html`
turns field HTML into text and back.
"""
