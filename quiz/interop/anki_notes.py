"""Anki notes and quiz cards, both ways (no I/O: packages are read and written elsewhere).

Into quiz, each Anki card becomes a quiz card:
- a note of a standard type gives one typed card per Anki card, its question the fields the
  card's front template shows and its answer the fields the back adds (so Basic, Basic and
  reversed, optional reversed, type-in and most custom types read as Anki shows them);
- a cloze note gives one cloze entry, `{{c1::Paris::hint}}` becoming `{{Paris}}`, the first
  gap numbered cN standing for Anki's card N;
- notes quiz exported come back as they left, through their own note types.
An entry's id is `anki-NOTEID` (with `-2`, `-3`... for a note's further cards), or, for a note
quiz exported, the id it had, so importing twice adds nothing and history stays attached.

Out of quiz, each entry becomes one note of two note types of quiz's own, Basic (quiz) and
Cloze (quiz): the question and answer (or cloze text) first, then the options shown on the front
for multiple choice and true/false, accepted answers, source, quote and note. A note's guid is
`quiz/DECK/ENTRY`, so Anki updates rather than duplicates a deck exported again.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from quiz.decks.model import CLOZE_GAP, Deck, Entry, Source, entry_id, expand, is_true_false
from quiz.decks.reader import ID_PATTERN
from quiz.interop.anki_package import Note, NoteType, Package
from quiz.interop.html import to_html, to_text
from quiz.normalise import answer_key

GUID_PREFIX = "quiz/"
ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
TEMPLATE_FIELD = re.compile(r"\{\{([^{}]*)\}\}")
SPECIAL_FIELDS = {"FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag"}
EXTRAS = ("Options", "Accept", "Source", "Quote", "Note")


@dataclass(frozen=True)
class QuizNoteType:
    """A note type quiz exports into; fixed ids so Anki recognises it on every import."""

    id: int
    name: str
    fields: tuple[str, ...]
    question: str
    answer: str


_SHOW_EXTRAS = (
    "{{#Accept}}<br><small>Also right: {{Accept}}</small>{{/Accept}}{{#Quote}}<br><br><i>{{Quote}}</i>{{/Quote}}"
    "{{#Source}}<br><small>{{Source}}</small>{{/Source}}{{#Note}}<br><br>{{Note}}{{/Note}}"
)
_SHOW_OPTIONS = "{{#Options}}<br><br>{{Options}}{{/Options}}"
BASIC = QuizNoteType(1_580_000_000_101, "Basic (quiz)", ("Front", "Back", *EXTRAS),
                     "{{Front}}" + _SHOW_OPTIONS, "{{FrontSide}}<hr id=answer>{{Back}}" + _SHOW_EXTRAS)
CLOZE = QuizNoteType(1_580_000_000_102, "Cloze (quiz)", ("Text", *EXTRAS),
                     "{{cloze:Text}}" + _SHOW_OPTIONS, "{{cloze:Text}}" + _SHOW_EXTRAS)


@dataclass
class FromAnki:
    """A package's notes as quiz entries, and how its cards map to quiz card ids."""

    title: str | None  # the Anki deck's name
    deck_id: str | None  # the deck a quiz export came from, when the notes say
    entries: list[Entry] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    card_ids: dict[int, str] = field(default_factory=dict)  # Anki card id → quiz card id
    skipped: Counter[str] = field(default_factory=Counter)  # reason → notes (or cards)
    media: int = 0  # images and sounds left out of fields


def from_package(package: Package) -> FromAnki:
    result = FromAnki(title=_title(package), deck_id=_quiz_deck(package.notes))
    cards_of: dict[int, list[tuple[int, int]]] = {}
    for card in package.cards:
        cards_of.setdefault(card.note_id, []).append((card.ord, card.id))
    for note in package.notes:
        notetype = package.notetypes.get(note.notetype_id)
        cards = sorted(cards_of.get(note.id, []))
        if notetype is None:
            result.skipped["of a note type missing from the package"] += 1
        elif not cards:
            result.skipped["without cards"] += 1
        elif _is_quiz_type(notetype, BASIC) or _is_quiz_type(notetype, CLOZE):
            _quiz_note(result, note, notetype, cards)
        elif notetype.cloze:
            _cloze_note(result, note, notetype, cards)
        else:
            _standard_note(result, note, notetype, cards)
    result.media += package.media
    return result


def _title(package: Package) -> str | None:
    """The name of the deck most cards are in, Anki's 'Default' only when it is the only one."""
    used = Counter(package.decks.get(card.deck_id, "") for card in package.cards)
    names = [name for name, _ in used.most_common() if name]
    named = [name for name in names if name != "Default"] or names
    return named[0] if named else None


def _quiz_deck(notes: list[Note]) -> str | None:
    decks = Counter(note.guid.split("/")[1] for note in notes if _quiz_guid(note.guid))
    return decks.most_common(1)[0][0] if decks else None


def _quiz_guid(guid: str) -> tuple[str, str] | None:
    parts = guid.split("/")
    if len(parts) == 3 and guid.startswith(GUID_PREFIX) and all(ID_PATTERN.fullmatch(part) for part in parts[1:]):
        return parts[1], parts[2]
    return None


def _base_id(note: Note) -> str:
    quiz = _quiz_guid(note.guid)
    return quiz[1] if quiz else f"anki-{note.id}"


def _is_quiz_type(notetype: NoteType, kind: QuizNoteType) -> bool:
    # Anki renames a note type it imports beside a different one of the same name ("Basic (quiz)-1a2b").
    return notetype.name.startswith(kind.name) and notetype.fields == kind.fields


def _text(result: FromAnki, markup: str) -> str:
    text = to_text(markup)
    result.media += text.media
    return text.text


def _lines(result: FromAnki, markup: str) -> tuple[str, ...]:
    return tuple(line for line in _text(result, markup).split("\n") if line.strip())


def _add(result: FromAnki, entry: Entry, cards: list[tuple[int, int]]) -> None:
    """Add the entry; `cards` are (index of the quiz card, Anki card id)."""
    made = expand("d", entry)
    result.entries.append(entry)
    for index, anki_id in cards:
        result.card_ids[anki_id] = made[index].id


def _standard_note(result: FromAnki, note: Note, notetype: NoteType, cards: list[tuple[int, int]]) -> None:
    fields = dict(zip(notetype.fields, note.fields))
    base = _base_id(note)
    for ord_, card_id in cards:
        if ord_ >= len(notetype.templates):
            result.skipped["with a card of a template missing from the package"] += 1
            continue
        template = notetype.templates[ord_]
        front = _shown(template.question, question_side=True)
        back = [name for name in _shown(template.answer, question_side=False) if name not in front]
        question = "\n".join(text for name in front if (text := _text(result, fields.get(name, ""))))
        answer = "\n".join(text for name in back if (text := _text(result, fields.get(name, ""))))
        if not question or not answer:
            result.skipped["with nothing but media (or nothing) on a side"] += 1
            continue
        entry = Entry(id=base if ord_ == 0 else f"{base}-{ord_ + 1}", question=question, answer=answer, tags=note.tags)
        _add(result, entry, [(0, card_id)])


def _shown(template: str, question_side: bool) -> list[str]:
    """The fields a card template shows, in order (conditionals and type-in boxes are not shown
    fields; on the back, the front is not repeated)."""
    names: list[str] = []
    for match in TEMPLATE_FIELD.finditer(template):
        inner = match.group(1).strip()
        if not inner or inner[0] in "#^/!":
            continue
        *filters, name = (part.strip() for part in inner.split(":"))
        if name in SPECIAL_FIELDS or (question_side and "type" in filters) or name in names:
            continue
        names.append(name)
    return names


def _cloze_note(result: FromAnki, note: Note, notetype: NoteType, cards: list[tuple[int, int]]) -> None:
    fields = dict(zip(notetype.fields, note.fields))
    text = fields.get(notetype.fields[0], "") if notetype.fields else ""
    if "image-occlusion:" in text:
        result.skipped["of image occlusion"] += 1
        return
    cloze, numbers = _cloze_text(result, text)
    if cloze is None:
        result.skipped["with a cloze quiz cannot read (nested or empty gaps)"] += 1
        return
    extra = "\n".join(t for name in notetype.fields[1:] if (t := _text(result, fields.get(name, ""))))
    entry = Entry(id=_base_id(note), cloze=cloze, tags=note.tags, note=extra or None)
    _add(result, entry, [(numbers.index(ord_ + 1), card_id) for ord_, card_id in cards if ord_ + 1 in numbers])


def _cloze_text(result: FromAnki, markup: str) -> tuple[str | None, list[int]]:
    """Anki cloze HTML as a quiz cloze, and the cN number of each gap in order."""
    gaps: list[str] = []
    numbers: list[int] = []

    def hold(match: re.Match[str]) -> str:
        numbers.append(int(match.group(1)))
        gaps.append(_text(result, match.group(2)))
        return f"\x00{len(gaps) - 1}\x00"

    held = ANKI_CLOZE.sub(hold, markup)
    text = _text(result, held)
    if not gaps or re.search(r"\{\{c\d+::", held) or any(not gap or "{{" in gap or "}}" in gap for gap in gaps):
        return None, []
    return re.sub(r"\x00(\d+)\x00", lambda m: "{{" + gaps[int(m.group(1))] + "}}", text), numbers


def _quiz_note(result: FromAnki, note: Note, notetype: NoteType, cards: list[tuple[int, int]]) -> None:
    fields = dict(zip(notetype.fields, note.fields))
    source_title = _text(result, fields.get("Source", ""))
    source = None
    if source_title:
        source = _source_key(source_title, result.sources)
        result.sources[source] = Source(title=source_title)
    common = Entry(
        id=_base_id(note), accept=_lines(result, fields.get("Accept", "")), source=source,
        quote=_text(result, fields.get("Quote", "")) or None, note=_text(result, fields.get("Note", "")) or None, tags=note.tags,
    )
    options = _lines(result, fields.get("Options", ""))
    if "Text" in fields:
        cloze, numbers = _cloze_text(result, fields["Text"])
        if cloze is None:
            result.skipped["with a cloze quiz cannot read (nested or empty gaps)"] += 1
            return
        gaps = CLOZE_GAP.findall(cloze)
        entry = replace(common, cloze=cloze, choices=_wrong(options, gaps[0].strip()) if len(gaps) == 1 else ())
        _add(result, entry, [(numbers.index(o + 1), c) for o, c in cards if o + 1 in numbers])
        return
    question, answer = _text(result, fields.get("Front", "")), _text(result, fields.get("Back", ""))
    if not question or not answer:
        result.skipped["with nothing but media (or nothing) on a side"] += 1
        return
    choices = _wrong(options, answer)
    if is_true_false(answer) and all(is_true_false(option) for option in options):
        choices = ()  # a true/false card shows its two options itself
    _add(result, replace(common, question=question, answer=answer, choices=choices), [(0, cards[0][1])])


def _wrong(options: tuple[str, ...], answer: str) -> tuple[str, ...]:
    key = answer_key(answer)
    return tuple(option for option in options if answer_key(option) != key)


def _source_key(title: str, known: dict[str, Source]) -> str:
    for key, source in known.items():
        if source.title == title:
            return key
    stem = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40].strip("-") or "source"
    key, n = stem, 1
    while key in known:
        n += 1
        key = f"{stem}-{n}"
    return key


# -- out of quiz ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteOut:
    """One note to write, with the quiz card id of each of its Anki cards (card n = template or cN n)."""

    guid: str
    notetype: QuizNoteType
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    card_ids: tuple[str, ...]


def to_notes(deck: Deck) -> list[NoteOut]:
    return [_note(deck, entry) for entry in deck.entries]


def _note(deck: Deck, entry: Entry) -> NoteOut:
    cards = expand(deck.id, entry)
    source = deck.sources.get(entry.source or "")
    extras = {
        "Options": "",
        "Accept": "<br>".join(to_html(a) for a in entry.accept),
        "Source": to_html((source.title if source and source.title else entry.source) or ""),
        "Quote": to_html(entry.quote or ""),
        "Note": to_html(entry.note or ""),
    }
    if entry.cloze is not None:
        answers = [card.answer for card in cards]
        if entry.choices:
            extras["Options"] = _options(answers[0], entry.choices)
        counter = iter(range(1, len(cards) + 1))
        text = "".join(
            to_html(piece) if n % 2 == 0 else f"{{{{c{next(counter)}::{_cloze_answer(piece)}}}}}"
            for n, piece in enumerate(CLOZE_GAP.split(entry.cloze))
        )
        fields: tuple[str, ...] = (text, *extras.values())
        notetype = CLOZE
    else:
        answer = entry.answer or ""
        if entry.choices:
            extras["Options"] = _options(answer, entry.choices)
        elif is_true_false(answer):
            extras["Options"] = "True<br>False"
        fields = (to_html(entry.question or ""), to_html(answer), *extras.values())
        notetype = BASIC
    tags = tuple(dict.fromkeys(tag.replace(" ", "_") for tag in entry.tags))  # Anki tags have no spaces
    return NoteOut(f"{GUID_PREFIX}{deck.id}/{entry_id(deck.id, entry)}", notetype, fields, tags, tuple(c.id for c in cards))


def _options(answer: str, choices: tuple[str, ...]) -> str:
    """The options shown on the front: the wrong ones in the deck's order (so they come back in
    it), with the answer at a place that depends on the card, not always first or last."""
    at = int(hashlib.sha1("\n".join((answer, *choices)).encode()).hexdigest(), 16) % (len(choices) + 1)
    options = [*choices[:at], answer, *choices[at:]]
    return "<br>".join(to_html(option) for option in options)


def _cloze_answer(text: str) -> str:
    # '::' inside a gap would start an Anki hint; an entity shows the same and is not read as one.
    return to_html(text.strip()).replace("::", "&#58;&#58;")
