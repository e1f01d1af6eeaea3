"""The two ways a study session talks to a person: questionary prompts, or plain lines.

`PlainPrompter` reads exactly one line per card and lets the automatic grade stand (for
scripts, screen readers and tests). `InteractivePrompter` uses questionary and lets one key
override the grade. questionary is imported only when an interactive session starts (a study
session's first question is drawn before it has loaded: quiz/study/early.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import IO, TYPE_CHECKING

from quiz.decks.model import Card, Kind, Source
from quiz.humantime import duration
from quiz.memory.leech import LEECH_LAPSES
from quiz.memory.rating import RATING_NAMES, Rating
from quiz.study.answers import Verdict
from quiz.study.grading import RATING_KEYS
from quiz.study.session import Action, Question, Quit, Result, Undo
from quiz.text import printable

if TYPE_CHECKING:  # exams load it themselves; a study session does not
    from prompt_toolkit.key_binding import KeyBindingsBase

    from quiz.study.exam import ExamResult

QUIT_WORDS = {"q", ":q"}
UNDO_WORDS = {"u", ":u"}  # at a text prompt, with Enter; a menu takes `u` alone
ACTION_KEYS = {"u": Action.UNDO, "s": Action.SUSPEND, "b": Action.BURY}
QUOTE_MARKS = "“\"‘'«"  # a quote that opens with one is shown as written, not quoted again


def use_colour(stream: IO[str]) -> bool:
    return "NO_COLOR" not in os.environ and stream.isatty()


class Paint:
    """ANSI colours, or nothing when NO_COLOR is set or output is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text


def header(question: Question) -> str:
    if question.exam:
        return f"Exam · question {question.position} of {question.total} · {question.deck_title}"
    return (
        f"{question.deck_title} · card {question.position} of {question.total}"
        f" · due {question.due} · new {question.new}"
    )


def context_line(question: Question) -> str | None:
    """The title of the article the card was made from, when the header's deck title is not it:
    a card of a deck drawn from many articles says which one it asks about."""
    title = question.source.title if question.source is not None else None
    if not title or title.strip().casefold() == question.deck_title.strip().casefold():
        return None
    return f"from “{title}”"


def prompt_text(question: Question) -> str:
    return prompt_text_of(question.card)


def wrap(text: str, indent: str = "  ") -> str:
    """Wrap at word boundaries to the terminal's width, continuation lines indented."""
    width = max(40, shutil.get_terminal_size().columns - 1)
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def feedback_lines(result: Result, paint: Paint) -> list[str]:
    card = result.question.card
    lines = answer_lines(card, result.question.source, result.given, result.verdict, paint)
    if result.leech:
        lines.append(paint(wrap(f"Leech: this card has been forgotten {LEECH_LAPSES} times or more, so it is suspended"
                                f" (`quiz unsuspend {card.id}` brings it back; consider rewriting it).", ""), "33"))
    return lines


def answer_lines(card: Card, source: Source | None, given: str, verdict: Verdict, paint: Paint) -> list[str]:
    """Right or wrong with the answer, then the quote with its source and the note."""
    answer = card.answer.capitalize() if card.kind == Kind.TRUE_FALSE else card.answer
    if verdict.correct and verdict.typo:
        lines = [paint(f"✓ Right, with a typo: {answer}", "33")]
    elif verdict.correct:
        lines = [paint(f"✓ Right: {answer}", "32")]
    else:
        said = f" (you said: {printable(given)})" if given.strip() else ""
        lines = [paint(f"✗ The answer is: {answer}", "31") + said]
    if card.quote:
        cited = ""
        if source is not None:
            parts = [part for part in (source.title, source.published and source.published.isoformat()) if part]
            cited = f" — {', '.join(parts)}" if parts else ""
        quoted = card.quote if card.quote[:1] in QUOTE_MARKS else f"“{card.quote}”"
        lines.append(paint(wrap(f"{quoted}{cited}"), "2"))
    if card.note:
        lines.append(wrap(f"Note: {card.note}"))
    return lines


def exam_report(result: ExamResult, sources: Mapping[str, Mapping[str, Source]], paint: Paint) -> list[str]:
    """The score, then every wrong or unanswered question with the right answer, its quote and source."""
    score = result.score
    spent = duration(timedelta(seconds=score.seconds))
    lines = [paint(f"Score: {score.right} of {score.questions} right ({score.share:.0%}) in {spent}", "1")]
    if score.answered < score.questions:
        lines.append(f"{score.questions - score.answered} question(s) left unanswered count as wrong.")
    if result.practice:
        lines.append("Practice exam: your schedule stays as it was.")
    wrong = result.wrong
    if wrong:
        lines += ["", paint("Wrong answers", "1")]
    for marked in wrong:
        card = marked.card
        lines.append(f"{marked.position}. {prompt_text_of(card)}")
        lines += answer_lines(card, _source(card, sources), marked.given, marked.verdict, paint)
    unanswered = result.questions[len(result.marked):]
    if unanswered:
        lines += ["", paint("Not answered", "1")]
    for position, card in enumerate(unanswered, len(result.marked) + 1):
        lines.append(f"{position}. {prompt_text_of(card)}")
        lines += answer_lines(card, _source(card, sources), "", Verdict(correct=False, typo=False, matched=None), paint)
    return lines


def _source(card: Card, sources: Mapping[str, Mapping[str, Source]]) -> Source | None:
    return sources.get(card.deck_id, {}).get(card.source) if card.source else None


def prompt_text_of(card: Card) -> str:
    return f"Fill the blank: {card.prompt}" if card.kind == Kind.CLOZE else card.prompt


def grade_line(result: Result, paint: Paint) -> str:
    name = RATING_NAMES[result.rating]
    if not result.intervals:
        return f"Grade: {paint(name, '1')} (practice: the schedule stays as it was; {result.seconds:.0f}s to answer)"
    next_in = duration(until_due(result, result.rating))
    return f"Grade: {paint(name, '1')} (again in {next_in}, {result.seconds:.0f}s to answer)"


def until_due(result: Result, rating: Rating) -> timedelta:
    """How long until the card is due with `rating`: for the grade given, the real due date (fuzz
    and all); for the others, the scheduler's unfuzzed preview."""
    if rating == result.rating and result.next_in is not None:
        return result.next_in
    return result.intervals[rating]


class PlainPrompter:
    """`meanwhile` is run once, when the first question is on screen and before its answer is
    read: work the first answer needs (py-fsrs's import), done while the person reads."""

    def __init__(self, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
                 meanwhile: Callable[[], object] | None = None) -> None:
        self.meanwhile = meanwhile
        # Looked up when the prompter is made, not when this module loads, so a redirected
        # sys.stdin (tests running the CLI in-process) is the one read.
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.paint = Paint(use_colour(self.stdout))
        reconfigure = getattr(self.stdin, "reconfigure", None)
        if reconfigure is not None:  # bytes that are not UTF-8 read as U+FFFD, not as an error
            reconfigure(errors="replace")

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def ask(self, question: Question) -> str:
        self.say(header(question))
        if context := context_line(question):
            self.say(context)
        self.say(prompt_text(question))
        for number, option in enumerate(question.options, 1):
            self.say(f"  {number}) {option}")
        self.stdout.write("> ")
        self.stdout.flush()
        meanwhile, self.meanwhile = self.meanwhile, None
        if meanwhile is not None:
            meanwhile()
        line = self.stdin.readline()
        if not self.stdin.isatty():
            self.say()  # a terminal echoes the answer's newline; a pipe does not
        if not line:
            raise Quit
        given = printable(line.rstrip("\r\n"))
        if given.strip().casefold() in QUIT_WORDS:
            raise Quit
        return pick_option(given, question.options)

    def confirm(self, result: Result) -> Rating:
        for line in feedback_lines(result, self.paint):
            self.say(line)
        self.say(grade_line(result, self.paint))
        self.say()
        return result.rating

    def hand_in(self, answered: int, questions: int) -> bool:
        """End of input (or `q`) hands the exam in: there is no one to ask."""
        self.say(f"Handing in {answered} of {questions} answers.")
        return True


def pick_option(given: str, options: tuple[str, ...]) -> str:
    """An option's text when the answer is its number (in any script's digits), else the answer
    as typed."""
    text = given.strip()
    # Decimal, not digit: int() refuses '²' and '①'. A number longer than the options' count
    # picks nothing, and is never converted (a 5,000-digit one is past int()'s limit).
    if text.isdecimal():
        digits = "".join(str(unicodedata.decimal(ch)) for ch in text).lstrip("0")
        if len(digits) <= len(str(len(options))) and 1 <= int(digits or "0") <= len(options):
            return options[int(digits) - 1]
    return given


class InteractivePrompter:
    """questionary's prompts. With `early`, questionary is not imported until the first question
    has been drawn (quiz/study/early.py), so that it appears at once; `meanwhile` is run then too
    (as PlainPrompter's)."""

    def __init__(self, early: bool = False, meanwhile: Callable[[], object] | None = None) -> None:
        if not early:
            import questionary  # noqa: F401 - loaded here so other commands start fast
        self.early = early
        self.meanwhile = meanwhile
        self.paint = Paint(use_colour(sys.stdout))

    def ask(self, question: Question) -> str:
        print()
        undo = " · u undoes the last answer" if question.can_undo else ""
        print(self.paint(header(question) + undo, "36"))
        if context := context_line(question):
            print(self.paint(context, "2"))
        text = prompt_text(question)
        if self.early:
            import importlib

            from quiz.study.early import drawn_lines, shown_while

            self.early = False
            meanwhile = self.meanwhile or (lambda: None)

            def load() -> None:
                importlib.import_module("questionary")
                meanwhile()

            try:
                shown_while(drawn_lines(text, question.options, self.paint), load)
            except KeyboardInterrupt:
                print()
                raise Quit from None
        import questionary

        if question.options:
            prompt = questionary.select(text, choices=list(question.options), use_shortcuts=len(question.options) <= 9)
        else:
            prompt = questionary.text(text)
        _bind_quit_keys(prompt, menu=bool(question.options), undo=question.can_undo)
        try:
            answer = prompt.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Quit from None
        typed = "" if question.options or answer is None else answer.strip().casefold()
        if answer is None or typed in QUIT_WORDS:
            raise Quit
        if question.can_undo and typed in UNDO_WORDS:
            raise Undo
        return printable(str(answer))

    def confirm(self, result: Result) -> Rating | Action:
        for line in feedback_lines(result, self.paint):
            print(line)
        print(grade_line(result, self.paint))
        if result.intervals:
            grades = "  ".join(f"{n} {RATING_NAMES[Rating(n)]} ({duration(until_due(result, Rating(n)))})" for n in range(1, 5))
        else:
            grades = "1-4 change the grade"
        held = "" if result.leech else " · s suspend · b bury"
        print(self.paint(f"Enter keeps it · {grades} · u undo{held} · q quits", "2"), flush=True)
        while True:
            key = read_key()
            if key in ("\r", "\n"):
                return result.rating
            if key in ("q", "Q", "\x03", "\x04", ""):  # "" is end of input
                raise Quit
            if key.lower() in RATING_KEYS:
                chosen = RATING_KEYS[key.lower()]
                print(f"Grade changed to {self.paint(RATING_NAMES[chosen], '1')}", flush=True)
                return chosen
            action = ACTION_KEYS.get(key.lower())
            if action is not None and not (result.leech and action != Action.UNDO):
                print(ACTION_SAID[action], flush=True)
                return action


    def hand_in(self, answered: int, questions: int) -> bool | None:
        print()
        print(self.paint(f"Hand in your {answered} of {questions} answers? y hands in · n goes back to the exam"
                         " · q leaves without a score (answers are kept)", "1"), flush=True)
        while True:
            key = read_key().lower()
            if key in ("y", "\r", "\n", ""):
                return True
            if key == "n":
                return False
            if key in ("q", "\x03", "\x04"):
                return None


ACTION_SAID = {
    Action.UNDO: "Undone: the card comes again.",
    Action.SUSPEND: "Suspended: `quiz unsuspend` brings it back.",
    Action.BURY: "Buried until tomorrow.",
}


def interruptible(prompt: object) -> None:
    """Let an interrupt signal end a questionary prompt as Ctrl-C does. Ctrl-C pressed just before
    the prompt takes the terminal arrives as SIGINT, not as a key, and questionary's menus leave
    prompt_toolkit's `<sigint>` unbound (its text prompts bind it), so the menu went on as if
    nothing had been pressed."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("<sigint>")
    def _(event: object) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")  # type: ignore[attr-defined]

    _merge(prompt, bindings)


def _bind_quit_keys(prompt: object, menu: bool, undo: bool = False) -> None:
    """Ctrl-D quits any prompt, and so does an interrupt signal; `q` quits a menu (a text prompt
    takes `q` + Enter), and `u` undoes the last answer from a menu when there is one to undo."""
    from prompt_toolkit.key_binding import KeyBindings

    interruptible(prompt)
    bindings = KeyBindings()

    @bindings.add("c-d")
    def _(event: object) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")  # type: ignore[attr-defined]

    if menu:

        @bindings.add("q")
        def _(event: object) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")  # type: ignore[attr-defined]

    if menu and undo:

        @bindings.add("u")
        def _undo(event: object) -> None:
            event.app.exit(exception=Undo, style="class:aborting")  # type: ignore[attr-defined]

    _merge(prompt, bindings)


def _merge(prompt: object, bindings: KeyBindingsBase) -> None:
    from prompt_toolkit.key_binding import merge_key_bindings

    app = prompt.application  # type: ignore[attr-defined]
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])


def read_key() -> str:
    """One key press from the terminal, without waiting for Enter."""
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        key = os.read(fd, 1).decode(errors="replace")
        if key == "\x1b":
            # An arrow or function key sends a sequence; swallow it rather than read "[A" as keys.
            while select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 32)
        return key
    except KeyboardInterrupt:
        return "\x03"
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
