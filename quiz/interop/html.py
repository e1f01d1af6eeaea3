"""Field text between HTML (Anki's notes, Anki text files with `#html:true`) and quiz's plain text.

Reading keeps what a person sees: line breaks from `<br>`, `<div>`, `<p>` and list items, entities
decoded, runs of spaces made one, images and `[sound:…]` tags dropped (and counted, since they
cannot be studied in a terminal), styles and scripts left out. Writing escapes the text and turns
line breaks into `<br>`, so plain text survives the trip both ways.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

BREAKS = {"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre"}
HIDDEN = {"style", "script", "head", "title"}
MEDIA_TAGS = {"img", "audio", "video", "object", "embed"}
SOUND = re.compile(r"\[sound:[^\]]*\]")
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


@dataclass(frozen=True)
class Text:
    text: str
    media: int  # images and sounds dropped


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.media = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in MEDIA_TAGS:
            self.media += 1
        elif tag in BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BREAKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # In HTML a line break in the source is a space; only tags break lines.
            self.parts.append(SPACES.sub(" ", data))


def to_text(markup: str) -> Text:
    """What a person reads in an HTML field, as plain lines."""
    sounds = len(SOUND.findall(markup))
    reader = _Reader()
    reader.feed(SOUND.sub("", markup))
    reader.close()
    lines = (SPACES.sub(" ", line).strip() for line in "".join(reader.parts).split("\n"))
    return Text("\n".join(line for line in lines if line), reader.media + sounds)


def to_html(text: str) -> str:
    """Plain text as an HTML field that reads back as the same text."""
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))
