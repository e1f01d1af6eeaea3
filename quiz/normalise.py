"""The form answers are compared in: case, accents, punctuation, spacing, leading articles and
titles dropped, numbers by value however written ("The 20,000 Cafés!" -> "20000 cafes").

Answer checking (quiz/study/answers.py), the deck reader (choices must not repeat the answer)
and the generator all compare answers in this form. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

from quiz import numwords

# Letters that carry no combining mark to strip, so NFKD leaves them alone.
_LETTER_FOLDS = {
    "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
}
# Dropped rather than spaced, so "don't" is "dont" and "1'000" is "1000".
_APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bc\u2032")
_THOUSANDS_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
# Everything but letters and digits separates words; a dot survives only between digits.
_SEPARATORS = re.compile(r"(?:[^\w.]|_|(?<![0-9])\.|\.(?![0-9]))+")
_SPLITTER = re.compile(f"({_SEPARATORS.pattern})")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_GROUP_LEAD = re.compile(r"[1-9][0-9]{0,2}")
_GROUP = re.compile(r"[0-9]{3}")

_TITLE_WORDS = (
    "the a an mr mrs ms miss mister dr doctor prof professor sir dame president senator sen rep representative"
    " gov governor secretary minister ambassador king queen prince princess pope general gen judge justice"
    " rev reverend lord lady former"
)
_TITLE_PHRASES = (
    "secretary of state", "prime minister", "foreign minister", "vice president", "attorney general",
    "chief justice", "first lady",
)
# Longest first, so "secretary of state" goes whole rather than leaving "of state".
_TITLES = tuple(
    sorted((tuple(title.split()) for title in (*_TITLE_WORDS.split(), *_TITLE_PHRASES)), key=len, reverse=True)
)
# By first word, so each word is looked up once rather than compared with every title.
_TITLES_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _title in _TITLES:
    _TITLES_BY_WORD.setdefault(_title[0], []).append(_title)


def normalise(text: str) -> str:
    """The form answers are compared in: "The 20,000 Cafés!" -> "20000 cafes".

    Idempotent: normalise(normalise(x)) == normalise(x).
    """
    text = _THOUSANDS_COMMA.sub("", _fold(text).translate(_APOSTROPHES))
    words = _join_initials(*_words(text))
    # Group before canonicalising, while "20 000" still reads as a thousands group.
    words = [_canonical_number(word) for word in _merge_digit_groups(words)]
    # And again after spelling out, which can make new groups: "twelve one hundred" -> "12 100".
    words = _merge_digit_groups(_spell_numbers(words))
    return " ".join(_strip_titles(words))


def answer_key(text: str) -> str:
    # Answers made only of symbols ("?", "+") normalise to nothing; compare them as typed.
    return normalise(text) or " ".join(text.casefold().split())


def _fold(text: str) -> str:
    """Caseless, accentless, ASCII digits: "Ñandú ٣" -> "nandu 3"."""
    # Most answers are ASCII, where there is nothing to decompose, strip or fold but case.
    return text.lower() if text.isascii() else _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    for _ in range(2):  # Unicode's compatibility caseless match applies casefold+NFKD twice
        text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(_fold_char(ch) for ch in text if unicodedata.category(ch) != "Mn")


def _fold_char(ch: str) -> str:
    digit = unicodedata.decimal(ch, None)
    return str(digit) if digit is not None else _LETTER_FOLDS.get(ch, ch)


def _words(text: str) -> tuple[list[str], list[bool]]:
    """The words, and for each whether it is a letter written as an initial: followed by a dot
    ("U." of "U.N."), or joined to the letter before by a dot alone ("A" of "U.S.A"), or ending the
    text after an initial ("U. S. A"). A dot ending the text marks nothing by itself: "U S A." is
    "U S A" with a full stop."""
    words = _SEPARATORS.sub(" ", text).split()
    if not any(len(word) == 1 for word in words):  # most answers have no single letter at all
        return words, [False] * len(words)
    pieces = _SPLITTER.split(text)
    if pieces and not pieces[0]:
        pieces = pieces[2:]  # the text opened with a separator
    if pieces and not pieces[-1]:
        pieces = pieces[:-2]  # and closed with one
    words, seps = pieces[::2], pieces[1::2]
    dotted: list[bool] = []
    for index, word in enumerate(words):
        before = seps[index - 1] if index > 0 else ""
        if index < len(seps):
            dotted.append(len(word) == 1 and (seps[index].startswith(".") or before == "."))
        else:  # the last word: a final dot marks nothing, but "A" ends "U. S. A" as it ends "U.S.A"
            dotted.append(len(word) == 1 and (before == "." or index > 0 and dotted[-1] and before.startswith(".")))
    return words, dotted


def _join_initials(words: list[str], dotted: list[bool] | None = None) -> list[str]:
    """Runs of single letters become one word, so "U.S.A.", "U S A" and "USA" agree; where a run
    holds letters written as initials ("a U.N. force"), two or more of them make a word of their
    own, apart from the undotted letters around them ("a un force", not "aun force"). No
    `dotted`: no letter is written as an initial."""
    dotted = dotted or [False] * len(words)
    joined: list[str] = []
    run: list[int] = []  # indices of the current run of single letters
    for index, word in enumerate([*words, ""]):
        if len(word) == 1 and word.isalpha():
            run.append(index)
            continue
        if run:
            joined += _split_run([words[i] for i in run], [dotted[i] for i in run])
            run = []
        if word:
            joined.append(word)
    return joined


def _split_run(letters: list[str], dotted: list[bool]) -> list[str]:
    """One run of single letters as words: each stretch of two or more initials, and what lies
    between them. No two single letters end up side by side, so normalising again changes nothing."""
    parts: list[str] = []
    pending: list[str] = []  # letters since the last stretch of initials (joined once: linear time)
    start = 0
    while start < len(letters):
        end = start
        while end < len(letters) and dotted[end] == dotted[start]:
            end += 1
        if dotted[start] and end - start >= 2:
            parts += ["".join(pending), "".join(letters[start:end])] if pending else ["".join(letters[start:end])]
            pending = []
        else:
            pending += letters[start:end]
        start = end
    return [*parts, "".join(pending)] if pending else parts


def _merge_digit_groups(words: list[str]) -> list[str]:
    """Space-grouped thousands: "20 000" -> "20000"."""
    if not any(word.isdigit() for word in words):
        return words  # most texts: no number to join
    merged: list[str] = []
    group: list[str] = []  # a number that later groups of three digits may join
    for word in words:
        if group and _GROUP.fullmatch(word):
            group.append(word)
            continue
        if group:
            merged.append("".join(group))
        group = [word] if _GROUP_LEAD.fullmatch(word) else []
        if not group:
            merged.append(word)
    if group:
        merged.append("".join(group))
    return merged


def _canonical_number(word: str) -> str:
    """Digits by value: "007" -> "7", "2.50" -> "2.5"."""
    if not _NUMBER.fullmatch(word):
        return word
    whole, _, fraction = word.partition(".")
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _spell_numbers(words: list[str]) -> list[str]:
    """Number words to digits: "nineteen sixty two" -> "1962"."""
    if not numwords.mentions_number(words):  # most answers have no number word to look for
        return words
    spelled: list[str] = []
    i = 0
    while i < len(words):
        found = numwords.parse(words, i)
        if found is None:
            spelled.append(words[i])
            i += 1
        else:
            spelled.append(str(found[0]))
            i = found[1]
    return spelled


def _strip_titles(words: list[str]) -> list[str]:
    """Drop leading articles and titles, but never the whole answer ("President" stays)."""
    start = 0  # words dropped so far (slicing the list at each title would be quadratic)
    while True:
        candidates = _TITLES_BY_WORD.get(words[start], ()) if start < len(words) else ()
        title = next((t for t in candidates if tuple(words[start : start + len(t)]) == t), ())
        if not title or start + len(title) == len(words):
            return words[start:]
        start += len(title)
