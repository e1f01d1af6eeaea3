"""Tables and summaries for the terminal: the figures of stats, decks and the dashboard drawn
with quiz.terminal.draw (rich's look, without loading rich's console), a session's summary and the card
browser with rich (which honours NO_COLOR)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from quiz.humantime import when
from quiz.terminal.draw import Screen, Table, Text

if TYPE_CHECKING:  # only annotations: each command loads just the rooms it draws
    from rich.console import Console
    from rich.table import Table as RichTable

    from quiz.figures.browse import CardRow
    from quiz.figures.stats import Report
    from quiz.study.session import Summary


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def screen() -> Screen:
    return Screen()


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def session_summary(summary: Summary) -> RichTable:
    from rich.table import Table

    from quiz.memory.rating import RATING_NAMES, Rating

    now = summary.ended or datetime.now(UTC)
    table = Table(title="Session summary", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    elapsed = (now - summary.started).total_seconds()
    table.add_row("Answered", str(summary.answered))
    table.add_row("Correct", f"{summary.correct} ({percent(summary.correct, summary.answered)})")
    table.add_row("Time", f"{int(elapsed // 60)}m {int(elapsed % 60):02d}s")
    grades = ", ".join(f"{RATING_NAMES[r]} {summary.ratings[r]}" for r in Rating if summary.ratings[r])
    table.add_row("By grade", grades or "—")
    for name, count in (("Undone", summary.undone), ("Suspended", len(summary.suspended)), ("Buried", len(summary.buried))):
        if count:
            table.add_row(name, str(count))
    table.add_row("Next due", when(summary.next_due, now))
    return table


def decks_table(report: Report) -> Table:
    table = Table(title="Decks")
    table.add_column("Deck", overflow="fold")
    table.add_column("Title", min_width=16)
    for name in ("Cards", "New", "Due", "Learned", "Reviews"):
        table.add_column(name, justify="right", no_wrap=True)
    for deck in report.decks:
        table.add_row(deck.id, deck.title, str(deck.cards), str(deck.new), str(deck.due),
                      f"{deck.learned} ({percent(deck.learned, deck.cards)})", str(deck.reviews))
    return table


def stats_table(report: Report) -> Table:
    table = Table(title="Progress", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Reviews today", f"{report.reviews_today} ({percent(report.correct_today, report.reviews_today)} correct)")
    table.add_row("Reviews in all", str(report.reviews_total))
    table.add_row("Streak", f"{report.streak_days} day{'s' if report.streak_days != 1 else ''}")
    table.add_row("Due now", str(report.due_now))
    table.add_row("Due by end of tomorrow", str(report.due_tomorrow))
    table.add_row("New cards waiting", str(report.new_available))
    return table


def mastery_table(report: Report) -> Table:
    table = Table(title="Mastery by deck")
    table.add_column("Deck", no_wrap=True)
    table.add_column("Learned", justify="right")
    table.add_column("Mastery", no_wrap=True)
    for deck in report.decks:
        filled = round(20 * deck.mastery)
        table.add_row(deck.id, f"{deck.learned}/{deck.cards}", "█" * filled + "░" * (20 - filled) + f" {deck.mastery:.0%}")
    return table


def dashboard(report: Report, next_due: datetime | None, now: datetime) -> list[Text]:
    first = Text().append("quiz", "bold").append(f" · {len(report.decks)} deck(s) · due now ")
    first.append(str(report.due_now), "bold").append(f" · new {report.new_available} · streak {report.streak_days} day(s)")
    if not report.decks:
        second = Text("No decks found. Write one (see `quiz check --help`) or run `quiz generate ARTICLE -o decks/NAME.yaml`.")
    elif report.due_now or report.new_available:
        second = Text("Next: ").append("quiz study", "bold").append("   (all decks; `quiz decks` lists them, `quiz stats` shows progress)")
    else:
        second = Text(f"Nothing due. Next card {when(next_due, now)}. `quiz stats` shows progress.")
    return [first, second]


def cards_table(rows: list[CardRow], now: datetime, width: int, several_decks: bool) -> RichTable:
    """The card browser: id and question, state and when due, lapses, recall now, flags."""
    from rich.table import Table
    from rich.text import Text

    from quiz.humantime import duration

    table = Table(title=f"{len(rows)} card(s)", title_justify="left")
    table.add_column("Card", overflow="fold", ratio=1, min_width=12)
    table.add_column("State", no_wrap=True)
    table.add_column("Lapses", justify="right", no_wrap=True)
    table.add_column("Recall", justify="right", no_wrap=True)
    table.add_column("Flags", max_width=max(8, width // 5))
    for row in rows:
        name = f"{row.card.deck_id}/{row.card.id}" if several_decks else row.card.id
        card = Text(name, style="bold")
        card.append("\n" + row.card.prompt)
        if row.due is None:
            state = row.state
        elif row.due <= now:
            state = f"{row.state}\ndue now"
        else:
            state = f"{row.state}\ndue in {duration(row.due - now)}"
        recall = "—" if row.recall is None else f"{row.recall:.0%}"
        table.add_row(card, state, str(row.lapses), recall, ", ".join(row.flags))
    return table
