"""Cards as rows of text: CSV, TSV, Quizlet's export and Anki's text format, read and written.

Reading (`read_table`):
- Anki's text export: `#separator:`, `#html:`, `#tags:`, `#columns:`, `#guid column:` and
  `#tags column:` headers are understood (others are skipped);
- Quizlet's export: term, separator (tab unless chosen), definition, one card a line;
- spreadsheets: a first row naming the columns (question/term/front, answer/definition/back,
  cloze, accept, choices, tags, source, quote, note, id) is used as the header; without one
  the first column is the question and the second the answer.
A question with Anki cloze deletions (`{{c1::…}}`) or quiz gaps and no answer is a cloze. Lists
(accept, choices) are separated by ';', tags by ';' or spaces. Every bad row is reported as
FILE:LINE and nothing is imported.

Writing (`write_table`): a header row of the deck's keys, then one row per card entry.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from typing import Literal

from quiz.decks.model import CLOZE_GAP, ENTRY_KEYS, LIST_KEYS, Deck, Entry, Source
from quiz.decks.reader import ID_PATTERN
from quiz.errors import QuizError
from quiz.interop.html import to_text

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
ALIASES = {
    "question": "question", "term": "question", "front": "question", "prompt": "question", "text": "question",
    "answer": "answer", "definition": "answer", "back": "answer",
    "cloze": "cloze", "accept": "accept", "choices": "choices", "options": "choices", "wrong": "choices",
    "tags": "tags", "source": "source", "quote": "quote", "note": "note", "notes": "note", "extra": "note",
    "back extra": "note", "id": "id", "guid": "guid",
}
ANKI_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}", re.DOTALL)
MAX_ERRORS = 20
ANKI_HEADERS = {"separator", "html", "tags", "columns", "notetype", "deck", "if matches"}


class TableError(QuizError):
    """Rows that cannot be read: every one as FILE:LINE."""


@dataclass
class Table:
    entries: list[Entry] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    media: int = 0  # images and sounds left out of HTML cells


@dataclass
class _Format:
    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    columns: list[str] | None = None


def read_table(text: str, filename: str, separator: str | None = None) -> Table:
    """The cards of a table; `separator` overrides what the headers or the file's ending say."""
    lines = text.splitlines(keepends=True)
    form, first = _headers(lines)
    body = "".join(lines[first:])
    sep = separator or form.separator or _guess_separator(body, filename)
    rows = _rows(body, sep, filename, first)
    columns = form.columns
    if columns is None and rows and _is_header(rows[0][1]):
        columns = [cell.strip() for cell in rows[0][1]]
        rows = rows[1:]
    names = [ALIASES.get(column.strip().casefold(), "") for column in columns] if columns else ["question", "answer"]
    if "question" not in names and "cloze" not in names:
        raise TableError(f"{filename}:{first + 1}: no question column among {', '.join(columns or [])}")
    table, errors = Table(), []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        values = {name: cell for name, cell in zip(names, cells) if name}
        entry, problem = _entry(values, form, table)
        if problem:
            errors.append(f"{filename}:{line}: {problem}")
        elif entry is not None:
            table.entries.append(entry)
    if errors:
        more = f"\n… and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        raise TableError("\n".join(errors[:MAX_ERRORS]) + more + f"\n{filename}: {len(errors)} bad row(s); nothing imported")
    return table


def _headers(lines: list[str]) -> tuple[_Format, int]:
    form = _Format()
    count = 0
    for line in lines:
        key, _, value = line[1:].rstrip("\r\n").partition(":")
        key, value = key.strip().casefold(), value.strip()
        if not line.startswith("#") or not (key in ANKI_HEADERS or key.endswith(" column")):
            break
        count += 1
        if key == "separator":
            form.separator = SEPARATORS.get(value.casefold(), value[:1] or None)
        elif key == "html":
            form.html = value.casefold() == "true"
        elif key == "tags":
            form.tags = tuple(value.split())
        elif key == "columns":
            form.columns = value.split(form.separator or "\t")
        elif key.endswith(" column") and value.isdigit():
            form.columns = form.columns or []
            index = int(value) - 1
            form.columns += [""] * (index + 1 - len(form.columns))
            form.columns[index] = key.removesuffix(" column")
    if form.columns is not None and not any(ALIASES.get(c.strip().casefold()) in ("question", "cloze") for c in form.columns):
        # Only some columns named (tags, guid): the others are Anki's fields, question first.
        fields = iter(("question", "answer"))
        form.columns = [column or next(fields, "") for column in form.columns] + list(fields)
    return form, count


def _guess_separator(body: str, filename: str) -> str:
    if filename.casefold().endswith(".csv"):
        return ","
    first = next((line for line in body.splitlines() if line.strip()), "")
    return next((sep for sep in ("\t", ";", ",", "|") if sep in first), "\t")


def _rows(body: str, separator: str, filename: str, offset: int) -> list[tuple[int, list[str]]]:
    """(line, cells) of each row. Quoted cells are read as CSV quotes them; a tab-separated file
    whose quotes do not pair up is read as Quizlet writes it, quotes being plain text."""
    if len(separator) > 1:  # Quizlet's custom separators, such as ' - ': no quoting there
        return [(offset + n, line.split(separator)) for n, line in enumerate(body.splitlines(), 1)]
    try:
        return _read_rows(body, separator, offset, csv.QUOTE_MINIMAL)
    except csv.Error as exc:
        if separator == "\t":
            with contextlib.suppress(csv.Error):
                return _read_rows(body, separator, offset, csv.QUOTE_NONE)
        line = offset + int(exc.args[1]) if len(exc.args) > 1 else offset
        raise TableError(f"{filename}:{line}: {exc.args[0]}; nothing imported") from None


def _read_rows(body: str, separator: str, offset: int, quoting: Literal[0, 1, 2, 3]) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator, strict=True, quoting=quoting)
    rows = []
    start = 1
    try:
        for cells in reader:
            rows.append((offset + start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise csv.Error(str(exc), reader.line_num) from None
    return rows


def _is_header(cells: list[str]) -> bool:
    names = [ALIASES.get(cell.strip().casefold()) for cell in cells if cell.strip()]
    return bool(names) and all(names) and ("question" in names or "cloze" in names)


def _entry(values: dict[str, str], form: _Format, table: Table) -> tuple[Entry | None, str | None]:
    def text(name: str) -> str:
        raw = values.get(name, "")
        if not form.html:
            return raw.strip()
        converted = to_text(raw)
        table.media += converted.media
        return converted.text

    question, answer, cloze = text("question"), text("answer"), text("cloze")
    if not cloze and not answer and (ANKI_CLOZE.search(question) or CLOZE_GAP.search(question)):
        cloze, question = question, ""
    cloze = ANKI_CLOZE.sub(lambda m: "{{" + m.group(1).strip() + "}}", cloze)
    if not cloze and not question:
        return None, "no question"
    if not cloze and not answer:
        return None, f"no answer for '{question[:40]}'"
    tags = _tags(values.get("tags", ""))
    source_title = text("source")
    source = None
    if source_title:
        source = next((key for key, s in table.sources.items() if s.title == source_title), None) or _free_key(source_title, table)
        table.sources[source] = Source(title=source_title)
    entry = Entry(
        id=_id(values.get("id", "").strip(), values.get("guid", "").strip()),
        question=None if cloze else question, cloze=cloze or None, answer=None if cloze else answer,
        accept=_list(text("accept")), choices=_list(text("choices")), source=source, quote=text("quote") or None,
        tags=tuple(dict.fromkeys((*form.tags, *tags))), note=text("note") or None,
    )
    return entry, None


def _list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _tags(cell: str) -> tuple[str, ...]:
    return _list(cell) if ";" in cell else tuple(cell.split())


def _id(given: str, guid: str) -> str | None:
    if given:
        return given
    if not guid:
        return None
    parts = guid.split("/")
    if len(parts) == 3 and parts[0] == "quiz" and ID_PATTERN.fullmatch(parts[2]):
        return parts[2]  # a note quiz exported to Anki
    return f"anki-{hashlib.sha1(guid.encode()).hexdigest()[:12]}"


def _free_key(title: str, table: Table) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40].strip("-") or "source"
    key, n = stem, 1
    while key in table.sources:
        n += 1
        key = f"{stem}-{n}"
    return key


def write_table(deck: Deck, separator: str) -> str:
    """The deck as a table: a header of the deck keys, then one row per card entry."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    writer.writerow(ENTRY_KEYS)
    for entry in deck.entries:
        row = []
        for key in ENTRY_KEYS:
            value = getattr(entry, key)
            if key == "source" and value:
                source = deck.sources.get(value)
                value = source.title if source and source.title else value
            if key in LIST_KEYS:
                # A single item with spaces keeps a ';' so it is not read back as several tags.
                value = "; ".join(value) + (";" if key == "tags" and len(value) == 1 and " " in value[0] else "")
            row.append(value or "")
        writer.writerow(row)
    return out.getvalue()
