"""Moving learning data between quiz and other programs: review logs, Anki, spreadsheets.

Each module reads or writes one format and leaves the deck files and the scores database to the
commands and the store (`anki_package` opens the package itself: a zip of an SQLite database).
`revlog_csv` reads review logs in the fsrs-optimizer / py-fsrs CSV schema. Anki: `anki_package`
reads .apkg/.colpkg files (both layouts), `anki_notes` turns notes into cards and back,
`anki_history` turns the revlog into reviews and back (with card scheduling), `anki_write`
writes .apkg files. `table` reads and writes CSV, TSV, Quizlet and Anki text exports; `html`
turns field HTML into text and back.
"""
