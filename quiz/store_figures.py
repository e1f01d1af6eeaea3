"""The store's queries behind the progress figures (quiz/progress.py shapes what they return).

Each aggregates in SQL from an index or the daily totals, never by reading every review into
Python: `quiz stats` must stay fast at a million reviews. With `keys` (the cards of a tag), the
figures come from those cards' own reviews (by the reviews_card index) instead of the daily totals.
Predicted recall is the FSRS-6 forgetting curve (quiz/memory/recall.py) written in SQL.
"""

from __future__ import annotations

import bisect
import math
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from quiz.days import to_ms
from quiz.memory.recall import Curve
from quiz.progress import CardRecall, DayTotals

CardKey = tuple[str, str]
LOCAL_DAY = "date({} / 1000, 'unixepoch', 'localtime')"
# Recall at :now of a studied card's row (queries say `state > 0` or `stability > 0`): whole days
# elapsed, as py-fsrs counts them. It reads only columns of the cards_recall index, so a sum over a
# deck reads the index alone.
RECALL = (
    "CASE WHEN stability > 0 AND last_review_ms IS NOT NULL"
    " THEN pow(1 + :factor * max(0, (:now - last_review_ms) / 86400000) / stability, -:decay) ELSE 0.0 END"
)


class FigureQueries:
    db: sqlite3.Connection

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
        # Range counts on the (deck_id, due_ms) index, which holds all they need. A card row
        # without a memory has due_ms 0, so `due_ms > 0` is `state > 0`.
        for deck in deck_ids:
            for n, (low, high) in enumerate(zip([1, *limits], limits)):
                counts[n] += self.db.execute(
                    "SELECT COUNT(*) FROM cards WHERE deck_id = ? AND due_ms >= ? AND due_ms < ?", (deck, low, high)
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


def _bucketed(moments: Iterable[int], limits: list[int]) -> list[int]:
    """How many of the moments fall before each limit and not before the one before it."""
    counts = [0] * len(limits)
    for moment in moments:
        index = bisect.bisect_right(limits, moment)
        if index < len(limits):
            counts[index] += 1
    return counts
