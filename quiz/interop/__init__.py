"""Moving learning data between quiz and other programs: review logs, Anki, spreadsheets.

Each module is a pure reader or writer of one format; the commands and the store do the I/O.
`revlog_csv` reads review logs in the fsrs-optimizer / py-fsrs CSV schema.
"""
