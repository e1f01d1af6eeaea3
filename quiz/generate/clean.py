"""Text cleaning: article text (plain, Markdown or HTML) to body paragraphs plus title and date.

Owns joining hard-wrapped lines and dropping what is not article prose: headlines, navigation,
bylines, timestamps, photo captions, reader comments and author bios. Datelines
("Washington (CNN) -") are split off each paragraph so questions never start with them, but kept
as the paragraph's `lead` so quotes stay verbatim source sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import partial
from html.parser import HTMLParser
from typing import ClassVar

from quiz.generate.words import MONTHS

TERMINAL = tuple(".!?…\"'”’)")
_MONTH = r"(?:" + "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS) + r")"
DATE_IN_TEXT = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)
DATE_IN_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# "Washington (CNN) -", "WASHINGTON, June 1 (Reuters) —", "Washington —": at most four capitalised
# words, an optional date and agency, then a dash.
DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+){0,3}[A-Z][\w.'’-]*,?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)?"
    r"(?:\s*\([A-Za-z .&]{1,30}\))?\s*(?:-{1,2}|—|–)\s+(?=[A-Z\"“])"
)
# "By Ann Writer | Staff", "Posted by J. Smith, June 2": a name (capitalised words, maybe joined
# by "and") and then the line's end or a separator. "By 1850, Britain had …" is prose.
# A name word never starts inside another ("By AAAA…" could be split into five words in ~n⁴ ways,
# which matched nothing more: a split word is one word).
BYLINE = re.compile(
    r"^(?:[Bb]y|[Pp]osted by|[Ww]ritten by|BY)\s+(?:(?<![\w.'’-])[A-Z][\w.'’-]*\s*(?:\s(?:and|&)\s+)?){1,5}(?:$|[|,•·]|\s[-–—]\s|\d)"
)
# A sentence's end: not the period of an initial or of "U.S." ("Ada M. K. Byrne").
SENTENCE_END = re.compile(r"(?<=[a-z0-9][a-z0-9])[.!?…][”’\")]?\s+(?=[A-Z“\"])")
PROSE_WORDS = 15  # a line this long, mostly in lower case, is a sentence even without its final period
PHOTO_CREDIT = re.compile(r"\((?:[^)]*\b(?:Images?|Photos?|AP|AFP|Reuters|Getty|File)\b[^)]*)\)\s*$")
COMMENTS_START = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|"
    r"join the (?:discussion|conversation))\b|\(\d+\s+(?:responses?|comments?)\)",
    re.IGNORECASE,
)
AUTHOR_BIO = re.compile(
    r"\b(?:follow (?:him|her|them) on|(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)"
    r" (?:for|at|with) )",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # a dateline cut off the front of `text`, kept for verbatim quotes


@dataclass(frozen=True)
class Article:
    name: str
    title: str | None
    published: date | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


def clean_article(name: str, raw: str) -> Article:
    """The article prose of `raw`, whose format is guessed from `name` and content."""
    headings: list[str] = []
    if name.lower().endswith((".html", ".htm")) or re.match(r"\s*<(?:!doctype|html)", raw, re.IGNORECASE):
        headings, raw = extract_html(raw)
    elif name.lower().endswith((".md", ".markdown")):
        headings, raw = strip_markdown(raw)
    kept, header = split_body(join_wrapped(raw))
    kept = [piece for paragraph in drop_repeats(kept) for piece in split_long(paragraph)]
    title = pick_title(headings + header)
    return Article(name=name, title=title, published=find_date(name, header), paragraphs=tuple(kept))


def join_wrapped(text: str) -> list[list[str]]:
    """Blocks (separated by blank lines) of logical lines, hard-wrapped lines joined back."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        widest = max(len(line) for line in lines)
        # Each logical line's parts are joined once it is complete: joining at every wrap copied
        # the growing line each time (n² for a long hard-wrapped paragraph).
        joined: list[str] = []
        parts, length = [lines[0]], len(lines[0])
        for line in lines[1:]:
            # A wrapped line ends mid-sentence, and is either long for its block or followed by
            # a lower-case continuation; a short unpunctuated line (a headline) stands alone.
            wrapped = not parts[-1].endswith(TERMINAL) and (line[0].islower() or length >= 0.6 * widest > 30)
            if wrapped:
                parts.append(line)
                length += 1 + len(line)
            else:
                joined.append(" ".join(parts))
                parts, length = [line], len(line)
        joined.append(" ".join(parts))
        blocks.append(joined)
    return blocks


def split_body(blocks: list[list[str]]) -> tuple[list[Paragraph], list[str]]:
    """Body paragraphs, and the header lines dropped before the body (headline, byline, date)."""
    lines = [line for block in blocks for line in block]
    kept: list[Paragraph] = []
    header: list[str] = []
    caption_next = False
    for index, line in enumerate(lines):
        if COMMENTS_START.search(line):
            break  # everything after a comments header is reader comments
        line = prose_part(without_trailing_credit(line))
        prose = (line.endswith(TERMINAL) or run_on_sentence(line)) and len(line.split()) >= 4 and not BYLINE.match(line) and not photo_credit(line)
        if not prose or caption_next or is_bio(line, index, len(lines)):
            if not kept and not line.endswith(TERMINAL):
                header.append(line)
        else:
            kept.append(split_dateline(line))
        caption_next = bool(photo_credit(line))
    return kept, header


def photo_credit(line: str) -> re.Match[str] | None:
    """PHOTO_CREDIT.search(line) in linear time. The credit closes the line, so it can only open
    after the ')' before the last; from the first '(' there it holds every later one's text. A plain
    search tries each '(' and scans to the end again for each ("( ( ( …" took n² steps)."""
    close = line.rfind(")")
    if close < 0:
        return None
    start = line.find("(", line.rfind(")", 0, close) + 1, close)
    return PHOTO_CREDIT.match(line, start) if start >= 0 else None


def without_trailing_credit(line: str) -> str:
    """Prose with a photo credit or caption run on after its last sentence ("… in Geneva. Photo (AP
    Images)"): the prose stays, the credit goes. A line that is only a caption is left as it is."""
    match = photo_credit(line)
    if not match:
        return line
    ends = list(SENTENCE_END.finditer(line, 0, match.start() + 1))
    prose = line[: ends[-1].end()].rstrip() if ends else ""
    return prose if len(prose.split()) >= 4 else line


def prose_part(line: str) -> str:
    """A line that does not end a sentence: up to its last sentence end when a byline or link text
    runs on after the prose ("… in Geneva. By Ann Writer | Staff"); else as it is (a headline, or a
    long sentence that lost its period)."""
    if line.endswith(TERMINAL):
        return line
    ends = list(SENTENCE_END.finditer(line))
    if ends and len(line[: ends[-1].start()].split()) >= 4 and not run_on_sentence(line[ends[-1].end():]):
        return line[: ends[-1].end()].rstrip()
    return line


def run_on_sentence(line: str) -> bool:
    """A long line mostly in lower case: a sentence, with or without its final period."""
    words = line.split()
    return len(words) >= PROSE_WORDS and sum(1 for w in words if w[:1].islower()) >= len(words) / 2


def drop_repeats(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A summary paragraph repeated word for word later on (a standfirst) is kept only once, later:
    its words (case and punctuation aside) run on in a later paragraph. Linear in the words: from
    the last paragraph back, each is looked up among the later ones, then added to them."""
    ids: dict[str, int] = {}
    words = [[ids.setdefault(word, len(ids)) for word in WORD.findall(p.text.casefold())] for p in paragraphs]
    later = Substrings()
    repeated = [False] * len(paragraphs)
    for index in range(len(paragraphs) - 1, -1, -1):
        repeated[index] = bool(words[index]) and later.has(words[index])
        later.add(words[index])
    return [p for p, dropped in zip(paragraphs, repeated) if not dropped]


WORD = re.compile(r"\w+")


class Substrings:
    """Every run of consecutive words in the sequences added so far, for lookup in the length of
    the run: a suffix automaton over word ids (Blumer et al. 1985), at most 2n states and 3n
    transitions for n words added. `steps` counts the work done, which stays under 4n + lookups."""

    SEPARATOR = -1  # between sequences, so no run spans two

    def __init__(self) -> None:
        self.next: list[dict[int, int]] = [{}]
        self.link = [-1]
        self.length = [0]
        self.last = 0
        self.steps = 0

    def has(self, run: list[int]) -> bool:
        state = 0
        for word in run:
            self.steps += 1
            following = self.next[state].get(word)
            if following is None:
                return False
            state = following
        return True

    def add(self, words: list[int]) -> None:
        for word in words:
            self._extend(word)
        self._extend(self.SEPARATOR)

    def _extend(self, word: int) -> None:
        current = len(self.length)
        self.next.append({})
        self.length.append(self.length[self.last] + 1)
        self.link.append(0)
        state = self.last
        while state != -1 and word not in self.next[state]:
            self.steps += 1
            self.next[state][word] = current
            state = self.link[state]
        if state != -1:
            target = self.next[state][word]
            if self.length[state] + 1 == self.length[target]:
                self.link[current] = target
            else:
                clone = len(self.length)
                self.next.append(dict(self.next[target]))
                self.length.append(self.length[state] + 1)
                self.link.append(self.link[target])
                while state != -1 and self.next[state].get(word) == target:
                    self.steps += 1
                    self.next[state][word] = clone
                    state = self.link[state]
                self.link[target] = self.link[current] = clone
        self.last = current


# A paragraph this long (articles' run to ~2,000 characters) is a text without blank lines: it is
# cut after sentences into paragraphs of about PIECE_CHARS. Parsed whole, its one Doc made every
# look at a sentence's entities scan all of the text's (a 100,000-word paragraph: n², hours).
LONG_PARAGRAPH = 5_000
PIECE_CHARS = 2_000
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)\]]*\s+")


def split_long(paragraph: Paragraph) -> list[Paragraph]:
    if len(paragraph.text) <= LONG_PARAGRAPH:
        return [paragraph]
    texts = [text.strip() for text in pieces(paragraph.text, PIECE_CHARS)]
    return [Paragraph(text, paragraph.lead if n == 0 else "") for n, text in enumerate(t for t in texts if t)]


def pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back into it: each ends after
    the last sentence end that fits, else after the last space, else at `size`."""
    found = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        end = max((match.end() for match in SENTENCE_BREAK.finditer(window)), default=0)
        if end == 0:
            end = max(window.rfind(" "), window.rfind("\n")) + 1 or size
        found.append(text[start : start + end])
        start += end
    found.append(text[start:])
    return found


def is_bio(line: str, index: int, total: int) -> bool:
    """Author bios close an article: a trailing paragraph about the reporter."""
    return index >= total - 2 and bool(AUTHOR_BIO.search(line))


def split_dateline(line: str) -> Paragraph:
    match = DATELINE.match(line)
    if match and len(line) - match.end() > 20:
        return Paragraph(text=line[match.end():], lead=match.group(0))
    return Paragraph(text=line)


def pick_title(lines: list[str]) -> str | None:
    """The longest headline-like line: several words, not a byline, date or credit."""
    candidates = [
        line for line in lines[:8]
        if len(line.split()) >= 2 and not BYLINE.match(line) and not photo_credit(line)
        and not DATE_IN_TEXT.search(line) and not re.search(r"\d{1,2}:\d{2}", line)
    ]
    return max(candidates, key=lambda line: len(line.split()), default=None)


def find_date(name: str, header: list[str]) -> date | None:
    """A publication date from a YYYY-MM-DD file name prefix, else from a header line."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1]
    if match := DATE_IN_NAME.match(stem):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    for line in header[:8]:
        if match := DATE_IN_TEXT.search(line):
            day, month, year = (match["d1"], match["m1"], match["y1"]) if match["d1"] else (match["d2"], match["m2"], match["y2"])
            try:
                return date(int(year), month_number(month), int(day))
            except ValueError:
                continue
    return None


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Jun.", "june")."""
    prefix = name[:3].lower()
    return next(n for n, month in enumerate(MONTHS, 1) if month.startswith(prefix))


def strip_markdown(text: str) -> tuple[list[str], str]:
    headings = [m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", text, re.MULTILINE)]
    text = re.sub(r"^#{1,6}\s+.+$", "", text, flags=re.MULTILINE)
    # No bracket, parenthesis or marker may span the next one's opening, so each character is
    # scanned a bounded number of times ("[[[[…", "](](…" and blank lines were n² before).
    text = re.sub(r"!\[[^\[\]]*\]\([^()\]]*\)", "", text)  # images
    text = re.sub(r"\[([^\[\]]+)\]\([^()\]]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"^[^\S\n]*(?:[-*+]|\d+\.)[^\S\n]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return headings, text


class _BodyText(HTMLParser):
    """Collects block-separated text, skipping scripts, navigation, figures and asides."""

    SKIP: ClassVar[set[str]] = {"script", "style", "nav", "header", "footer", "aside", "figure", "figcaption", "form", "noscript", "template", "svg", "button"}
    BLOCK: ClassVar[set[str]] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "td", "main", "ul", "ol", "pre"}
    HEADING: ClassVar[set[str]] = {"h1", "h2", "h3", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.open_roots: Counter[str] = Counter()  # how many of each root are open: nesting is n² as a list
        self.headings: list[str] = []
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.parts:
            self.open_roots[tag] += 1
        if tag in self.HEADING and not self.skipping:
            self.heading = []
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.parts and self.open_roots[tag]:
            self.open_roots[tag] -= 1
        if tag in self.HEADING and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None
            self._emit("\n\n")
        elif tag in self.BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.heading is not None:
            self.heading.append(data)
            return
        self._emit(" ".join(data.split()) + (" " if data[-1:].isspace() else ""), leading=data[:1].isspace())

    def _emit(self, text: str, leading: bool = False) -> None:
        for root in [root for root in self.parts if self.open_roots[root]] or ["body"]:
            self.parts[root].append((" " if leading else "") + text)

    def text(self) -> str:
        for root in ("article", "main", "body"):
            joined = "".join(self.parts[root])
            if joined.strip():
                return "\n".join(line.strip() for line in joined.split("\n"))
        return ""


# A '<' that another '<' follows before any '>' cannot open a tag (comments aside): written as
# text, it no longer sends the standard library's parser scanning to the end of the input for a
# '>' at each one ("<a <a <a …" and '<a href="' repeated took n² steps). A marked section other
# than the ones the parser knows ("<![x") made it raise AssertionError.
UNCLOSED_TAG = re.compile(r"<(?!!--)(?=[^<>]*<)|<(?=!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9])))", re.IGNORECASE)
# Comments and marked sections, and what closes them (the parser's own patterns).
NEVER_CLOSED = (
    (re.compile(r"<!--"), re.compile(r"--\s*>")),
    (re.compile(r"<!\[(?:cdata|temp|ignore|include|rcdata)(?![-_.a-z0-9])", re.IGNORECASE), re.compile(r"]\s*]\s*>")),
    (re.compile(r"<!\[(?:if|else|endif)(?![-_.a-z0-9])", re.IGNORECASE), re.compile(r"]\s*>")),
)


def _unclosed_as_text(html: str) -> str:
    """The HTML with each '<' the parser could only read as text written as text. A comment or
    marked section opened after the last close of its kind never ends: the parser shows its '<'
    as text at the end anyway, but searched all the input after it for the close at every one."""
    html = UNCLOSED_TAG.sub("&lt;", html)
    for opening, closing in NEVER_CLOSED:
        last = max((match.start() for match in closing.finditer(html)), default=-1)
        html = opening.sub(partial(_as_text_after, last), html)
    return html


def _as_text_after(last: int, match: re.Match[str]) -> str:
    return "&lt;" + match.group(0)[1:] if match.end() > last else match.group(0)


def extract_html(html: str) -> tuple[list[str], str]:
    """Headings and the text of the article body (<article>, else <main>, else <body>)."""
    parser = _BodyText()
    parser.feed(_unclosed_as_text(html))
    parser.close()
    return [h for h in parser.headings if h], parser.text()


ENGLISH_WORDS = frozenset(
    "the of and to a in is was for on that with as by at from it his her are were be has have had an this which"
    " their its or not but they he she we said after will would been who also more than"
    " those these there then when where what could does did our your you them into over under about between before during".split()
)


def looks_english(text: str) -> bool:
    """Common English function words make up a good share of any English prose."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return False
    return sum(word in ENGLISH_WORDS for word in words) / len(words) >= 0.12
