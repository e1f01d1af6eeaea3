"""The store's queries behind the progress figures (quiz/figures/progress.py shapes what they return).

Each aggregates in SQL from an index or the daily totals, never by reading every review into
Python: `quiz stats` must stay fast at a million reviews. With `keys` (the cards of a tag), the
figures come from those cards' own reviews (by the reviews_card index) instead of the daily totals.
Predicted recall is the FSRS-6 forgetting curve (quiz/memory/recall.py) written in SQL.
"""

from __future__ import annotations

import bisect
import json
import math
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.days import to_ms
from quiz.memory.recall import Curve
from quiz.memory.state import State

if TYPE_CHECKING:  # the figures' records load with the figures (quiz stats), not for every store
    from quiz.figures.progress import CardRecall, DayTotals

CardKey = tuple[str, str]
# Card ids bound per query (SQLite allows 32,766 parameters).
BATCH = 500
# A studied card that is suspended, or buried until after ?1 (found by the cards_held index).
HELD = "(suspended = 1 OR buried_until_ms > 0) AND (suspended = 1 OR buried_until_ms > ?1)"
LOCAL_DAY = "date({} / 1000, 'unixepoch', 'localtime')"
# Recall at :now of a studied card's row (queries say `state > 0` or `stability > 0`): whole days
# elapsed, as py-fsrs counts them. It reads only columns of the cards_recall index, so a sum over a
# deck reads the index alone.
RECALL = (
    "CASE WHEN stability > 0 AND last_review_ms IS NOT NULL"
    " THEN pow(1 + :factor * max(0, (:now - last_review_ms) / 86400000) / stability, -:decay) ELSE 0.0 END"
)


@dataclass(slots=True)
class Dropped:
    """The card ids kept for a deck that its file did not have, as of a version of the file and of
    the card rows up to rowid `mark` (quiz/dropped.py)."""

    version: str
    mark: int
    ids: frozenset[str]


class FigureQueries:
    db: sqlite3.Connection

    def card_figures(
        self, deck_id: str, now: datetime, soon: datetime, among: Collection[str] | None = None, leaving_out: Collection[str] = ()
    ) -> tuple[int, int, int, int]:
        """(studied, due by `now`, due after it by `soon`, in the review state) of the deck's studied
        cards: of those `among` when given, else of all less those `leaving_out`. Suspended cards,
        and buried ones until they come back, are not due."""
        args = (to_ms(now), to_ms(soon), deck_id)
        named = list(among if among is not None else leaving_out)
        figures = (f"COUNT(*), COALESCE(SUM(due_ms <= ?1 AND NOT ({HELD})), 0),"
                   f" COALESCE(SUM(due_ms > ?1 AND due_ms <= ?2 AND NOT ({HELD})), 0), COALESCE(SUM(state = {int(State.REVIEW)}), 0)")
        # The named cards one by one, by the primary key.
        totals = [0, 0, 0, 0]
        for start in range(0, len(named), BATCH):
            batch = named[start : start + BATCH]
            row = self.db.execute(
                f"SELECT {figures} FROM cards WHERE deck_id = ?3 AND state > 0 AND card_id IN ({','.join('?' * len(batch))})", [*args, *batch]
            ).fetchone()
            totals = [a + b for a, b in zip(totals, row)]
        if among is not None:
            return totals[0], totals[1], totals[2], totals[3]
        whole = self._deck_figures(*args)
        return whole[0] - totals[0], whole[1] - totals[1], whole[2] - totals[2], whole[3] - totals[3]

    def _deck_figures(self, now_ms: int, soon_ms: int, deck_id: str) -> tuple[int, int, int, int]:
        """card_figures of every studied card of the deck: the studied and learnt ones from the
        deck's running totals, the due ones as counts of index ranges by due time (cards_studied),
        less the held ones."""
        def count(where: str, *args: object) -> int:
            return int(self.db.execute(f"SELECT COUNT(*) FROM cards WHERE deck_id = ? AND {where}", (deck_id, *args)).fetchone()[0])

        totals = self.db.execute("SELECT studied, learned FROM deck_cards WHERE deck_id = ?", (deck_id,)).fetchone()
        studied, learned = totals or (0, 0)
        due = count("state > 0 AND due_ms <= ?", now_ms)
        due_soon = count("state > 0 AND due_ms > ? AND due_ms <= ?", now_ms, soon_ms)
        # `+state`: by the small index of held cards, not down the deck's studied cards.
        held = self.db.execute(
            f"SELECT COALESCE(SUM(due_ms <= ?1), 0), COALESCE(SUM(due_ms > ?1 AND due_ms <= ?2), 0) FROM cards"
            f" WHERE deck_id = ?3 AND {HELD} AND +state > 0",
            (now_ms, soon_ms, deck_id),
        ).fetchone()
        return studied, due - held[0], due_soon - held[1], learned

    def card_mark(self) -> int:
        """The highest rowid of the card rows: rows added later have higher ones (rows are never deleted)."""
        return int(self.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM cards").fetchone()[0])

    def kept_since(self, deck_id: str, mark: int) -> set[str]:
        """The ids of the deck's card rows added after `mark` (card_mark)."""
        # `+deck_id`: the range of rowids, not the deck's every card.
        return {card for (card,) in self.db.execute("SELECT card_id FROM cards WHERE rowid > ? AND +deck_id = ?", (mark, deck_id))}

    def dropped(self, deck_id: str) -> Dropped | None:
        row = self.db.execute("SELECT dropped FROM decks WHERE id = ?", (deck_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        record = json.loads(row[0])
        return Dropped(record["version"], record["mark"], frozenset(record["ids"]))

    def keep_dropped(self, deck_id: str, record: Dropped) -> None:
        """Record the dropped ids of a deck the database knows (a deck it does not know has no rows).
        Never waits for another program's write: the record only saves work next time."""
        text = json.dumps({"version": record.version, "mark": record.mark, "ids": sorted(record.ids)})
        (waits,) = self.db.execute("PRAGMA busy_timeout").fetchone()
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            with self.db:
                self.db.execute("UPDATE decks SET dropped = ? WHERE id = ?", (text, deck_id))
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(waits)}")

    def daily_totals(self, deck_ids: list[str], keys: Iterable[CardKey] | None = None) -> list[DayTotals]:
        """Reviews per deck and local day, oldest first; undone reviews never count."""
        marks = ",".join("?" * len(deck_ids))
        if keys is None:
            rows = self.db.execute(
                "SELECT deck_id, day, reviews, correct, duration_ms, young, young_passed, mature, mature_passed"
                f" FROM daily_reviews WHERE deck_id IN ({marks}) AND reviews > 0 ORDER BY day",
                deck_ids,
            )
        else:
            self._choose(keys)
            young = "NOT practice AND IFNULL(interval_days < 21, 0)"
            mature = "NOT practice AND IFNULL(interval_days >= 21, 0)"
            rows = self.db.execute(
                f"SELECT deck_id, {LOCAL_DAY.format('reviewed_ms')} AS day, COUNT(*), SUM(correct), SUM(duration_ms),"
                f" SUM({young}), SUM({young} AND rating > 1), SUM({mature}), SUM({mature} AND rating > 1)"
                " FROM temp.chosen JOIN reviews USING (deck_id, card_id) WHERE undone_ms IS NULL GROUP BY deck_id, day ORDER BY day"
            )
        from quiz.figures.progress import DayTotals

        return [DayTotals(*row) for row in rows]

    def due_counts(self, deck_ids: list[str], ends: list[datetime], keys: Iterable[CardKey] | None = None) -> list[int]:
        """Studied, unsuspended cards due before each of `ends` and not before the one before it
        (the first count includes every overdue card): one count per end."""
        limits = [to_ms(end) for end in ends]
        if keys is not None:
            self._choose(keys)
            rows = self.db.execute(
                "SELECT due_ms FROM cards JOIN temp.chosen USING (deck_id, card_id) WHERE state > 0 AND suspended = 0 AND due_ms < ?",
                (limits[-1],),
            )
            return _bucketed((due for (due,) in rows), limits)
        counts = [0] * len(limits)
        # Range counts on the index of studied cards by due time, which holds all they need.
        for deck in deck_ids:
            for n, (low, high) in enumerate(zip([-(2**63), *limits], limits)):  # from the smallest integer: every overdue card
                counts[n] += self.db.execute(
                    "SELECT COUNT(*) FROM cards WHERE deck_id = ? AND state > 0 AND due_ms >= ? AND due_ms < ?", (deck, low, high)
                ).fetchone()[0]
        marks = ",".join("?" * len(deck_ids))
        # Suspended cards come off those counts, found by the small index of held cards (a range on
        # due_ms here would send SQLite down the deck's whole due index instead).
        suspended = self.db.execute(
            f"SELECT due_ms FROM cards WHERE deck_id IN ({marks}) AND (suspended = 1 OR buried_until_ms > 0) AND suspended = 1"
            " AND state > 0",
            deck_ids,
        )
        for n, count in enumerate(_bucketed((due for (due,) in suspended), limits)):
            counts[n] -= count
        return counts

    def hardest(self, deck_ids: list[str], now: datetime, curve: Curve, limit: int, keys: Iterable[CardKey] | None = None) -> list[CardRecall]:
        """Studied cards that lapsed, the most lapses first, then overdue ones that never lapsed,
        each by the lowest predicted recall now. (A card not yet due is recalled at about the
        desired retention or better.)"""
        self._math()
        marks = ",".join(f":d{n}" for n in range(len(deck_ids)))
        chosen = self._chosen_join(keys)
        args = {**self._curve(curve, now), **{f"d{n}": deck for n, deck in enumerate(deck_ids)}, "limit": limit}
        # The lapsed: down the partial index on lapses (`+deck_id` keeps SQLite off the deck's
        # index, which would walk every card), stopping after `limit`. Then the overdue: a range
        # of the deck's due times.
        lapsed = self.db.execute(
            f"SELECT deck_id, card_id, lapses, {RECALL} AS recall FROM cards{chosen} WHERE +deck_id IN ({marks}) AND lapses > 0"
            " AND state > 0 ORDER BY lapses DESC, recall, deck_id, card_id LIMIT :limit",
            args,
        ).fetchall()
        overdue = self.db.execute(
            f"SELECT deck_id, card_id, lapses, {RECALL} AS recall FROM cards{chosen} WHERE deck_id IN ({marks}) AND due_ms > 0"
            " AND due_ms <= :now AND lapses = 0 AND state > 0 ORDER BY recall, deck_id, card_id LIMIT :limit",
            args,
        ).fetchall() if len(lapsed) < limit else []
        from quiz.figures.progress import CardRecall

        return [CardRecall(*row) for row in [*lapsed, *overdue][:limit]]

    def recall_sum(self, deck_ids: list[str], moment: datetime, curve: Curve, keys: Iterable[CardKey] | None = None) -> tuple[float, int]:
        """(sum of the predicted recall at `moment`, number) of the decks' studied cards."""
        self._math()
        marks = ",".join(f":d{n}" for n in range(len(deck_ids)))
        chosen = self._chosen_join(keys)
        row = self.db.execute(
            # `stability > 0` (every studied card has it) lets the cards_recall index answer alone.
            f"SELECT COALESCE(SUM({RECALL}), 0), COUNT(*) FROM cards{chosen} WHERE deck_id IN ({marks}) AND stability > 0",
            {**self._curve(curve, moment), **{f"d{n}": deck for n, deck in enumerate(deck_ids)}},
        ).fetchone()
        return float(row[0]), int(row[1])

    def _curve(self, curve: Curve, moment: datetime) -> dict[str, float]:
        return {"factor": curve.factor, "decay": curve.decay, "now": to_ms(moment)}

    def _math(self) -> None:
        # SQLite's math functions are optional at build time; Python's stands in when missing.
        try:
            self.db.execute("SELECT pow(2, 0.5)")
        except sqlite3.OperationalError:
            self.db.create_function("pow", 2, math.pow, deterministic=True)

    def _chosen_join(self, keys: Iterable[CardKey] | None) -> str:
        if keys is None:
            return ""
        self._choose(keys)
        return " JOIN temp.chosen USING (deck_id, card_id)"

    def _choose(self, keys: Iterable[CardKey]) -> None:
        """Put the cards a figure is about in a temporary table, to join on."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (deck_id TEXT, card_id TEXT, PRIMARY KEY (deck_id, card_id)) WITHOUT ROWID")
        self.db.execute("DELETE FROM temp.chosen")
        self.db.executemany("INSERT OR IGNORE INTO temp.chosen VALUES (?, ?)", keys)
        self.db.commit()  # ends the implicit transaction, which would pin this read's snapshot

    def new_cards_since(self, since: datetime) -> int:
        """How many cards were seen for the first time since `since`."""
        return self.db.execute("SELECT COUNT(*) FROM cards WHERE first_review_ms >= ?", (to_ms(since),)).fetchone()[0]

    def new_cards_by_deck(self, since: datetime) -> dict[str, int]:
        """How many cards of each deck were seen for the first time since `since`."""
        # `+deck_id`: today's range of the first-review index, not a walk of every card in deck order.
        rows = self.db.execute("SELECT deck_id, COUNT(*) FROM cards WHERE first_review_ms >= ? GROUP BY +deck_id", (to_ms(since),))
        return dict(rows)

    def review_totals(self, since: datetime | None = None, deck_ids: list[str] | None = None) -> tuple[int, int]:
        """(reviews, correct reviews), all time or since a moment; of every deck or of `deck_ids`.
        Undone reviews do not count; all-time totals come from the daily totals."""
        decks = f" AND deck_id IN ({','.join('?' * len(deck_ids))})" if deck_ids is not None else ""
        if since is None:
            sql = f"SELECT COALESCE(SUM(reviews), 0), COALESCE(SUM(correct), 0) FROM daily_reviews WHERE 1{decks}"
            row = self.db.execute(sql, deck_ids or ()).fetchone()
        else:
            # Unary + keeps SQLite off the per-card index, which would walk every review of the decks.
            sql = f"SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM reviews WHERE reviewed_ms >= ? AND undone_ms IS NULL{decks.replace('deck_id', '+deck_id')}"
            row = self.db.execute(sql, [to_ms(since), *(deck_ids or ())]).fetchone()
        return int(row[0]), int(row[1])

    def review_days(self) -> list[str]:
        """Local dates (YYYY-MM-DD) with at least one review, newest first."""
        rows = self.db.execute("SELECT day FROM daily_reviews GROUP BY day HAVING SUM(reviews) > 0 ORDER BY day DESC")
        return [day for (day,) in rows]

    def reviews_by_deck(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT deck_id, SUM(reviews) FROM daily_reviews GROUP BY deck_id"))


def _bucketed(moments: Iterable[int], limits: list[int]) -> list[int]:
    """How many of the moments fall before each limit and not before the one before it."""
    counts = [0] * len(limits)
    for moment in moments:
        index = bisect.bisect_right(limits, moment)
        if index < len(limits):
            counts[index] += 1
    return counts
