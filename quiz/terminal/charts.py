"""Charts for the terminal, drawn with quiz.terminal.draw (rich's look): the review heatmap, bars of the forecast and of time
per day, true retention, the hardest cards, exam outlooks, and exam scores with their trend.

Every chart reads without colour (NO_COLOR, pipes): shading is in the characters themselves, and
the colour only repeats it. Everything fits in 60 columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from quiz.humantime import duration
from quiz.terminal.draw import Table, Text

if TYPE_CHECKING:  # only annotations
    from quiz.figures.progress import Heatmap, Progress, Share
    from quiz.figures.scores import DeckScores

SHADES = "·░▒▓█"
SHADE_STYLES = ("dim", "green", "green", "bright_green", "bold bright_green")
EIGHTHS = " ▁▂▃▄▅▆▇█"
SPARKS = "▁▂▃▄▅▆▇█"
DAY_NAMES = ("Mon", "", "Wed", "", "Fri", "", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def heatmap(chart: Heatmap, width: int) -> Text:
    """Weeks as columns (oldest left), days Monday to Sunday as rows, as many weeks as fit."""
    weeks = max(1, min(chart.weeks, width - 4))
    start = chart.start + timedelta(weeks=chart.weeks - weeks)
    out = Text()
    header = [" "] * weeks
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        first = next((monday + timedelta(days=n) for n in range(7) if (monday + timedelta(days=n)).day == 1), None)
        label = MONTHS[first.month - 1] if first else ("" if week else MONTHS[monday.month - 1])
        if label and week + len(label) <= weeks and all(c == " " for c in header[max(0, week - 1):week + len(label)]):
            header[week:week + len(label)] = label
    out.append("    " + "".join(header).rstrip() + "\n")
    for weekday in range(7):
        out.append(f"{DAY_NAMES[weekday]:<4}", style="dim")
        for week in range(weeks):
            day = start + timedelta(weeks=week, days=weekday)
            if day > chart.today:
                break
            level = chart.level(chart.counts.get(day, 0))
            out.append(SHADES[level], style=SHADE_STYLES[level])
        out.append("\n")
    out.append("    less " + "".join(SHADES) + " more", style="dim")
    return out


def bar_rows(values: Sequence[float], height: int = 5) -> list[str]:
    """Vertical bars, one column per value, top row first, in eighths of a row."""
    top = max(values, default=0)
    # The least value above nothing still shows, as an eighth.
    levels = [max(1, round(value / top * height * 8)) if value > 0 else 0 for value in values]
    return ["".join(EIGHTHS[min(8, max(0, level - row * 8))] for level in levels) for row in range(height - 1, -1, -1)]


def bars(title: str, values: Sequence[float], first: date, top_label: str) -> Text:
    """A titled bar chart of one value per day from `first`, ticks every week."""
    out = Text(title + "\n", style="bold")
    rows = bar_rows(values)
    gutter = max(len(top_label), 1) + 1
    for n, row in enumerate(rows):
        out.append((top_label if n == 0 else "").rjust(gutter - 1) + "│", style="dim")
        out.append(row + "\n", style="cyan")
    ticks = "".join("┬" if n % 7 == 0 else "─" for n in range(len(values)))
    out.append(" " * (gutter - 1) + "└" + ticks + "\n", style="dim")
    labels = [" "] * (len(values) + 6)
    for n in range(0, len(values), 7):
        text = (first + timedelta(days=n)).strftime("%d %b") if n == 0 else f"+{n}d"
        if all(c == " " for c in labels[n:n + len(text) + 1]):
            labels[n:n + len(text)] = text
    out.append(" " * gutter + "".join(labels).rstrip(), style="dim")
    return out


def forecast(progress: Progress) -> Text:
    values = [count for _, count in progress.forecast]
    chart = bars("Due in the next 30 days", values, progress.today, str(max(values, default=0)))
    peak = max(progress.forecast, key=lambda item: item[1], default=None)
    busiest = f", busiest {peak[0].isoformat()} ({peak[1]})" if peak and peak[1] else ""
    chart.append(f"\n{sum(values)} due: today {values[0] if values else 0}{busiest}")
    return chart


def time_per_day(progress: Progress) -> Text:
    seconds = [value for _, value in progress.time]
    chart = bars("Time per day, last 30 days", seconds, progress.time[0][0], duration(timedelta(seconds=max(seconds, default=0))))
    active = [value for value in seconds if value]
    mean = duration(timedelta(seconds=sum(active) / len(active))) if active else "—"
    chart.append(f"\ntoday {duration(timedelta(seconds=seconds[-1]))} · mean {mean} on the {len(active)} day(s) studied")
    return chart


def _share(share: Share) -> str:
    return "—" if share.rate is None else f"{share.rate:.0%} of {share.reviews}"


def retention(progress: Progress) -> Table:
    table = Table(title=f"True retention (desired {progress.desired_retention:.0%})")
    table.add_column("Reviews", no_wrap=True)
    for name in ("Young", "Mature", "All"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in progress.retention:
        table.add_row(row.period, _share(row.young), _share(row.mature), _share(row.all))
    return table


RETENTION_NOTE = "Passed reviews of learnt cards; young ones had an interval under 21 days."


def hardest(progress: Progress, width: int) -> Table:
    table = Table(title="Hardest cards")
    # The figures always show; a long question is cut to the room left.
    table.add_column("Card", no_wrap=True, overflow="ellipsis", max_width=max(10, width - 23))
    table.add_column("Lapses", justify="right", no_wrap=True)
    table.add_column("Recall", justify="right", no_wrap=True)
    for card in progress.hardest:
        table.add_row(Text(card.prompt), str(card.lapses), f"{card.recall:.0%}")
    return table


def exams(progress: Progress) -> list[Text]:
    lines = []
    for exam in progress.exams:
        when = "today" if exam.days_left == 0 else f"in {exam.days_left} day{'s' if exam.days_left != 1 else ''}"
        line = Text(f"Exam {exam.day.isoformat()} ({when}) · {exam.title}: ", style="bold")
        line.append(f"{exam.share:.0%} of {exam.cards} cards predicted recalled")
        if exam.new:
            line.append(f"; {exam.new} not studied yet")
        lines.append(line)
    return lines


def sparkline(values: Sequence[float], low: float = 0.0, high: float = 1.0) -> str:
    """One character per value, from ▁ (low) to █ (high)."""
    span = (high - low) or 1.0
    return "".join(SPARKS[min(len(SPARKS) - 1, max(0, round((value - low) / span * (len(SPARKS) - 1))))] for value in values)


def scores(deck: DeckScores) -> list[Table | Text]:
    """A deck's exam history as a table, then best, latest, mean and the trend drawn as a line."""
    table = Table(title=deck.title)
    table.add_column("Date", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Right", justify="right", no_wrap=True)
    table.add_column("Time", justify="right", no_wrap=True)
    for exam in deck.exams:
        practice = " (practice)" if exam.practice else ""
        table.add_row(exam.started.astimezone().strftime("%Y-%m-%d %H:%M"), f"{exam.share:.0%}",
                      f"{exam.right}/{exam.questions}{practice}", duration(timedelta(seconds=exam.seconds)))
    summary = Text(f"best {deck.best:.0%} · latest {deck.latest:.0%} · mean {deck.mean:.0%}")
    lines: list[Table | Text] = [table, summary]
    slope = deck.trend
    if slope is not None:
        shares = deck.shares
        start = sum(shares) / len(shares) - slope * (len(shares) - 1) / 2
        fitted = [start + slope * n for n in range(len(shares))]
        line = Text("scores ")
        line.append(sparkline(shares), style="cyan")
        line.append("\ntrend  ")
        line.append(sparkline(fitted), style="bold")
        line.append(f"  {slope * 100:+.1f} points per exam")
        lines.append(line)
    return lines
