"""Text cleaning: article text (plain, Markdown or HTML) to body paragraphs plus title and date.

Owns joining hard-wrapped lines and dropping what is not article prose: headlines, navigation,
bylines, timestamps, photo captions, reader comments and author bios. Datelines
("Washington (CNN) -") are split off each paragraph so questions never start with them, but kept
as the paragraph's `lead` so quotes stay verbatim source sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
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
BYLINE = re.compile(
    r"^(?:[Bb]y|[Pp]osted by|[Ww]ritten by|BY)\s+(?:[A-Z][\w.'’-]*\s*(?:\s(?:and|&)\s+)?){1,5}(?:$|[|,•·]|\s[-–—]\s|\d)"
)
# A sentence's end: not the period of an initial or of "U.S." ("George W. S. Abbey").
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
    kept = drop_repeats(kept)
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
        joined = [lines[0]]
        for line in lines[1:]:
            last = joined[-1]
            # A wrapped line ends mid-sentence, and is either long for its block or followed by
            # a lower-case continuation; a short unpunctuated line (a headline) stands alone.
            wrapped = not last.endswith(TERMINAL) and (line[0].islower() or len(last) >= 0.6 * widest > 30)
            if wrapped:
                joined[-1] = f"{last} {line}"
            else:
                joined.append(line)
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
        prose = (line.endswith(TERMINAL) or run_on_sentence(line)) and len(line.split()) >= 4 and not BYLINE.match(line) and not PHOTO_CREDIT.search(line)
        if not prose or caption_next or is_bio(line, index, len(lines)):
            if not kept and not line.endswith(TERMINAL):
                header.append(line)
        else:
            kept.append(split_dateline(line))
        caption_next = bool(PHOTO_CREDIT.search(line))
    return kept, header


def without_trailing_credit(line: str) -> str:
    """Prose with a photo credit or caption run on after its last sentence ("… in Geneva. Photo (AP
    Images)"): the prose stays, the credit goes. A line that is only a caption is left as it is."""
    match = PHOTO_CREDIT.search(line)
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
    """A summary paragraph repeated word for word later on (a standfirst) is kept only once, later."""
    texts = [" ".join(p.text.casefold().split()) for p in paragraphs]
    cores = [text.rstrip(".!?”\"") for text in texts]
    return [p for i, p in enumerate(paragraphs) if not any(cores[i] in later for later in texts[i + 1 :])]


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
        if len(line.split()) >= 2 and not BYLINE.match(line) and not PHOTO_CREDIT.search(line)
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
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
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
        self.open_roots: list[str] = []
        self.headings: list[str] = []
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.parts:
            self.open_roots.append(tag)
        if tag in self.HEADING and not self.skipping:
            self.heading = []
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.parts and tag in self.open_roots:
            self.open_roots.remove(tag)
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
        for root in self.open_roots or ["body"]:
            self.parts[root].append((" " if leading else "") + text)

    def text(self) -> str:
        for root in ("article", "main", "body"):
            joined = "".join(self.parts[root])
            if joined.strip():
                return "\n".join(line.strip() for line in joined.split("\n"))
        return ""


def extract_html(html: str) -> tuple[list[str], str]:
    """Headings and the text of the article body (<article>, else <main>, else <body>)."""
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    return [h for h in parser.headings if h], parser.text()


ENGLISH_WORDS = frozenset(
    "the of and to a in is was for on that with as by at from it his her are were be has have had an this which"
    " their its or not but they he she we said after will would been who also more than".split()
)


def looks_english(text: str) -> bool:
    """Common English function words make up a good share of any English prose."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return False
    return sum(word in ENGLISH_WORDS for word in words) / len(words) >= 0.12
