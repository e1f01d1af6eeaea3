"""The scores database's schema, as numbered migrations: each script runs once, in order, in its
own transaction, and PRAGMA user_version records how many have run. A schema change is a new
script at the end; a script once released is never edited.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE decks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        path TEXT,
        cards INTEGER NOT NULL DEFAULT 0,
        seen_ms INTEGER NOT NULL
    );
    CREATE TABLE cards (
        deck_id TEXT NOT NULL REFERENCES decks(id),
        card_id TEXT NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER,
        first_review_ms INTEGER NOT NULL,
        PRIMARY KEY (deck_id, card_id)
    );
    CREATE INDEX cards_due ON cards(due_ms);
    CREATE INDEX cards_first_review ON cards(first_review_ms);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER,
        decks TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id),
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        reviewed_ms INTEGER NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        auto_rating INTEGER NOT NULL CHECK (auto_rating BETWEEN 1 AND 4),
        duration_ms INTEGER NOT NULL,
        FOREIGN KEY (deck_id, card_id) REFERENCES cards(deck_id, card_id)
    );
    CREATE INDEX reviews_time ON reviews(reviewed_ms);
    CREATE INDEX reviews_card ON reviews(deck_id, card_id);
    CREATE TRIGGER reviews_are_kept BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END;
    """,
    # 2: the card's state at an imported review, as the review log gave it (0 New, 1 Learning,
    # 2 Review, 3 Relearning); NULL for quiz's own reviews. State New after earlier reviews
    # means the card was reset: its memory starts afresh there.
    """
    ALTER TABLE reviews ADD COLUMN state INTEGER CHECK (state BETWEEN 0 AND 3);
    """,
    # 3: study controls (lapses, suspended and buried cards, practice and undone reviews), running
    # totals per deck and local day kept by triggers, and exams. A card row in state 0 has not been
    # scheduled yet (it was suspended or crammed while new, or its first answer was undone).
    """
    ALTER TABLE cards ADD COLUMN lapses INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cards ADD COLUMN buried_until_ms INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX cards_lapses ON cards(lapses) WHERE lapses > 0;
    CREATE INDEX cards_held ON cards(deck_id) WHERE suspended = 1 OR buried_until_ms > 0;
    ALTER TABLE reviews ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reviews ADD COLUMN interval_days REAL;
    ALTER TABLE reviews ADD COLUMN undone_ms INTEGER;
    CREATE TABLE daily_reviews (
        deck_id TEXT NOT NULL,
        day TEXT NOT NULL,
        reviews INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        young INTEGER NOT NULL DEFAULT 0,
        young_passed INTEGER NOT NULL DEFAULT 0,
        mature INTEGER NOT NULL DEFAULT 0,
        mature_passed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deck_id, day)
    ) WITHOUT ROWID;
    INSERT INTO daily_reviews (deck_id, day, reviews, correct, duration_ms)
    SELECT deck_id, date(reviewed_ms / 1000, 'unixepoch', 'localtime'), COUNT(*), SUM(correct), SUM(duration_ms)
    FROM reviews GROUP BY 1, 2;
    CREATE TRIGGER reviews_counted AFTER INSERT ON reviews WHEN NEW.undone_ms IS NULL
    BEGIN
        INSERT INTO daily_reviews (deck_id, day, reviews, correct, duration_ms, young, young_passed, mature, mature_passed)
        VALUES (NEW.deck_id, date(NEW.reviewed_ms / 1000, 'unixepoch', 'localtime'), 1, NEW.correct, NEW.duration_ms,
                NOT NEW.practice AND IFNULL(NEW.interval_days < 21, 0),
                NOT NEW.practice AND IFNULL(NEW.interval_days < 21, 0) AND NEW.rating > 1,
                NOT NEW.practice AND IFNULL(NEW.interval_days >= 21, 0),
                NOT NEW.practice AND IFNULL(NEW.interval_days >= 21, 0) AND NEW.rating > 1)
        ON CONFLICT (deck_id, day) DO UPDATE SET reviews = reviews + 1, correct = correct + excluded.correct,
            duration_ms = duration_ms + excluded.duration_ms, young = young + excluded.young,
            young_passed = young_passed + excluded.young_passed, mature = mature + excluded.mature,
            mature_passed = mature_passed + excluded.mature_passed;
    END;
    CREATE TRIGGER reviews_uncounted AFTER UPDATE OF undone_ms ON reviews
    WHEN OLD.undone_ms IS NULL AND NEW.undone_ms IS NOT NULL
    BEGIN
        UPDATE daily_reviews SET reviews = reviews - 1, correct = correct - OLD.correct, duration_ms = duration_ms - OLD.duration_ms,
            young = young - (NOT OLD.practice AND IFNULL(OLD.interval_days < 21, 0)),
            young_passed = young_passed - (NOT OLD.practice AND IFNULL(OLD.interval_days < 21, 0) AND OLD.rating > 1),
            mature = mature - (NOT OLD.practice AND IFNULL(OLD.interval_days >= 21, 0)),
            mature_passed = mature_passed - (NOT OLD.practice AND IFNULL(OLD.interval_days >= 21, 0) AND OLD.rating > 1)
        WHERE deck_id = OLD.deck_id AND day = date(OLD.reviewed_ms / 1000, 'unixepoch', 'localtime');
    END;
    CREATE TRIGGER reviews_regraded AFTER UPDATE OF rating ON reviews
    WHEN OLD.undone_ms IS NULL AND (OLD.rating > 1) != (NEW.rating > 1)
    BEGIN
        UPDATE daily_reviews SET
            young_passed = young_passed + (NOT OLD.practice AND IFNULL(OLD.interval_days < 21, 0)) * ((NEW.rating > 1) - (OLD.rating > 1)),
            mature_passed = mature_passed + (NOT OLD.practice AND IFNULL(OLD.interval_days >= 21, 0)) * ((NEW.rating > 1) - (OLD.rating > 1))
        WHERE deck_id = OLD.deck_id AND day = date(OLD.reviewed_ms / 1000, 'unixepoch', 'localtime');
    END;
    CREATE TABLE exams (
        id INTEGER PRIMARY KEY,
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER,
        decks TEXT NOT NULL,
        seed INTEGER NOT NULL,
        practice INTEGER NOT NULL,
        handed_in INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE exam_questions (
        exam_id INTEGER NOT NULL REFERENCES exams(id),
        position INTEGER NOT NULL,
        deck_id TEXT NOT NULL REFERENCES decks(id),
        card_id TEXT NOT NULL,
        prompt TEXT NOT NULL,
        answer TEXT NOT NULL,
        given TEXT,
        correct INTEGER,
        duration_ms INTEGER,
        review_id INTEGER REFERENCES reviews(id),
        PRIMARY KEY (exam_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX exam_questions_deck ON exam_questions(deck_id, exam_id);
    """,
    # 4: a deck's cards by due time, so what is due (the session's queue, the forecast, the next
    # due card) is a range of the index, not a walk through every studied card of the deck.
    """
    CREATE INDEX cards_deck_due ON cards(deck_id, due_ms);
    """,
    # 5: the version of each deck file (quiz version, size, modification time) whose card ids were
    # last compared with the ids history is kept under (quiz/decks/history.py): once per edit.
    """
    ALTER TABLE decks ADD COLUMN ids_checked TEXT;
    """,
    # 6: what predicted recall is computed from, for every studied card of a deck (an exam's
    # outlook in quiz stats): the index alone holds it, so the card rows are not read (5× faster
    # at 50,000 studied cards). Partial on `stability > 0`, which only that query says, so that
    # SQLite never takes it for the queries the deck's other indexes serve.
    """
    CREATE INDEX cards_recall ON cards(deck_id, last_review_ms, stability) WHERE stability > 0;
    """,
    # 7: a deck's figures (quiz stats, quiz decks, the dashboard) as counts of index ranges: its
    # studied cards by due time, which replaces the index of every card row by due time (every
    # query of due cards says `state > 0`; an unscheduled imported card can have a due time), and
    # its learnt ones (`state` is in each so that the index alone answers: SQLite reads the row
    # for a column a partial index's condition names otherwise); and, per deck, the ids kept here
    # that its file no longer has (quiz/dropped.py).
    """
    CREATE INDEX cards_studied ON cards(deck_id, due_ms, state) WHERE state > 0;
    DROP INDEX cards_deck_due;
    CREATE INDEX cards_learned ON cards(deck_id, state) WHERE state = 2;
    ALTER TABLE decks ADD COLUMN dropped TEXT;
    """,
    # 8: each deck's studied and learnt cards as running totals, kept by triggers in the
    # transaction that changes a card row. Counting them down the index ranges of migration 7
    # took ~4 ms each per 50,000 studied cards, on every quiz stats, quiz decks and dashboard;
    # the index of learnt cards served only that count.
    """
    DROP INDEX cards_learned;
    CREATE TABLE deck_cards (
        deck_id TEXT PRIMARY KEY,
        studied INTEGER NOT NULL DEFAULT 0,
        learned INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    INSERT INTO deck_cards (deck_id, studied, learned) SELECT deck_id, SUM(state > 0), SUM(state = 2) FROM cards GROUP BY deck_id;
    CREATE TRIGGER cards_counted AFTER INSERT ON cards WHEN NEW.state > 0
    BEGIN
        INSERT INTO deck_cards (deck_id, studied, learned) VALUES (NEW.deck_id, 1, NEW.state = 2)
        ON CONFLICT (deck_id) DO UPDATE SET studied = studied + 1, learned = learned + excluded.learned;
    END;
    CREATE TRIGGER cards_uncounted AFTER DELETE ON cards WHEN OLD.state > 0
    BEGIN
        UPDATE deck_cards SET studied = studied - 1, learned = learned - (OLD.state = 2) WHERE deck_id = OLD.deck_id;
    END;
    CREATE TRIGGER cards_recounted AFTER UPDATE OF state, deck_id ON cards
    WHEN OLD.deck_id IS NOT NEW.deck_id OR (OLD.state > 0) != (NEW.state > 0) OR (OLD.state = 2) != (NEW.state = 2)
    BEGIN
        UPDATE deck_cards SET studied = studied - (OLD.state > 0), learned = learned - (OLD.state = 2) WHERE deck_id = OLD.deck_id;
        INSERT INTO deck_cards (deck_id, studied, learned) VALUES (NEW.deck_id, NEW.state > 0, NEW.state = 2)
        ON CONFLICT (deck_id) DO UPDATE SET studied = studied + excluded.studied, learned = learned + excluded.learned;
    END;
    """,
)


def statements(script: str) -> list[str]:
    """A migration script's statements, one by one (a trigger body keeps its inner ';')."""
    found: list[str] = []
    current = ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                found.append(current.strip())
            current = ""
    return found
