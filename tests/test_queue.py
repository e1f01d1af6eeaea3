"""The study queue: due reviews, then new cards, with learning cards coming back in between."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.decks.model import Card, CardKey, key_of
from quiz.memory.rating import Rating
from quiz.memory.scheduler import Scheduler, Settings
from quiz.memory.state import Memory, State
from quiz.study.queue import LEARN_AHEAD, StudyQueue, build, lookup

from conftest import T0, make_deck, qa

CARDS = make_deck(*(qa(f"Question {n}?", f"answer {n}", id=f"c{n}") for n in range(8))).cards()


def review(due: datetime) -> Memory:
    return Memory(State.REVIEW, None, 10.0, 5.0, due, due - timedelta(days=10))


def learning(due: datetime, state: State = State.LEARNING) -> Memory:
    return Memory(state, 1, 1.0, 5.0, due, due - timedelta(minutes=10))


def ids(queue: StudyQueue, now: datetime) -> list[str]:
    """Drain the queue at a fixed time."""
    taken = []
    while (card := queue.next(now)) is not None:
        taken.append(card.id)
    return taken


def test_due_reviews_most_overdue_first_then_new_cards_in_deck_order() -> None:
    memories = {
        key_of(CARDS[5]): review(T0 - timedelta(hours=1)),
        key_of(CARDS[1]): review(T0 - timedelta(days=10)),
        key_of(CARDS[6]): review(T0 - timedelta(days=3)),
        key_of(CARDS[3]): review(T0),  # due exactly now counts
        key_of(CARDS[2]): review(T0 + timedelta(seconds=1)),  # not yet
    }
    queue = build(*lookup(CARDS), memories, T0, new_allowance=2)
    assert ids(queue, T0) == ["c1", "c6", "c5", "c3", "c0", "c4"]


def test_equally_overdue_reviews_keep_deck_order() -> None:
    due = T0 - timedelta(days=1)
    memories = {key_of(card): review(due) for card in CARDS}
    assert ids(build(*lookup(reversed(CARDS)), memories, T0, 0), T0) == [f"c{n}" for n in reversed(range(8))]


def test_new_allowance() -> None:
    assert ids(build(*lookup(CARDS), {}, T0, new_allowance=0), T0) == []
    assert ids(build(*lookup(CARDS), {}, T0, new_allowance=3), T0) == ["c0", "c1", "c2"]
    assert ids(build(*lookup(CARDS), {}, T0, new_allowance=100), T0) == [f"c{n}" for n in range(8)]


def test_cards_due_later_are_left_out() -> None:
    memories = {key_of(card): review(T0 + timedelta(days=n + 1)) for n, card in enumerate(CARDS)}
    queue = build(*lookup(CARDS), memories, T0, new_allowance=20)
    assert len(queue) == 0 and queue.next(T0) is None
    assert queue.counts(T0) == (0, 0, 0)


def test_learning_card_waits_for_its_step_then_goes_before_reviews() -> None:
    memories = {key_of(card): review(T0 - timedelta(days=n + 1)) for n, card in enumerate(CARDS[:4])}
    queue = build(*lookup(CARDS), memories, T0, new_allowance=0)
    first = queue.next(T0)
    assert first is not None and first.id == "c3"
    queue.answered(first, learning(T0 + timedelta(minutes=1)), T0)
    assert queue.next(T0 + timedelta(seconds=30)).id == "c2"  # type: ignore[union-attr]
    assert queue.next(T0 + timedelta(seconds=60)).id == "c3"  # type: ignore[union-attr]
    assert ids(queue, T0 + timedelta(seconds=60)) == ["c1", "c0"]


def test_learning_cards_are_shown_early_only_when_nothing_else_is_left() -> None:
    queue = build(*lookup(CARDS[:3]), {}, T0, new_allowance=3)
    first = queue.next(T0)
    assert first is not None
    queue.answered(first, learning(T0 + timedelta(minutes=10)), T0)
    assert [queue.next(T0).id, queue.next(T0).id] == ["c1", "c2"]  # type: ignore[union-attr]
    assert queue.next(T0) is first  # ten minutes early: nothing else is left


def test_learn_ahead_is_twenty_minutes() -> None:
    assert timedelta(minutes=20) == LEARN_AHEAD
    queue = build([], lookup(CARDS)[1], {}, T0, 0)
    queue.answered(CARDS[0], learning(T0 + LEARN_AHEAD + timedelta(seconds=1)), T0)
    assert queue.next(T0) is None
    assert queue.next(T0 + timedelta(seconds=1)) is CARDS[0]


def test_learning_cards_come_back_in_due_order() -> None:
    queue = build([], lookup(CARDS)[1], {}, T0, 0)
    queue.answered(CARDS[0], learning(T0 + timedelta(minutes=10)), T0)
    queue.answered(CARDS[1], learning(T0 + timedelta(minutes=1), State.RELEARNING), T0)
    queue.answered(CARDS[2], learning(T0 + timedelta(minutes=5)), T0)
    queue.answered(CARDS[3], learning(T0 + timedelta(minutes=5)), T0)
    assert ids(queue, T0) == ["c1", "c2", "c3", "c0"]


def test_learning_cards_from_an_earlier_session() -> None:
    memories = {
        key_of(CARDS[0]): learning(T0 + timedelta(minutes=5)),  # comes back this session
        key_of(CARDS[1]): learning(T0 + timedelta(hours=2)),  # does not
        key_of(CARDS[2]): review(T0 - timedelta(days=1)),
    }
    queue = build(*lookup(CARDS[:3]), memories, T0, new_allowance=0)
    assert queue.counts(T0) == (1, 0, 1)
    assert ids(queue, T0) == ["c2", "c0"]


def test_graduated_cards_are_not_requeued() -> None:
    queue = build(*lookup(CARDS[:2]), {}, T0, new_allowance=2)
    card = queue.next(T0)
    assert card is not None
    queue.answered(card, review(T0 + timedelta(days=3)), T0)
    assert len(queue) == 1
    assert ids(queue, T0 + timedelta(days=4)) == ["c1"]
    # A review due within the learn-ahead window still comes back.
    queue.answered(card, review(T0 + timedelta(minutes=15)), T0)
    assert ids(queue, T0) == ["c0"]


def test_counts() -> None:
    memories = {key_of(CARDS[n]): review(T0 - timedelta(days=1)) for n in (0, 1)}
    queue = build(*lookup(CARDS), memories, T0, new_allowance=4)
    assert queue.counts(T0) == (2, 4, 0) and len(queue) == 6
    card = queue.next(T0)
    assert card is not None and queue.counts(T0) == (1, 4, 0)
    queue.answered(card, learning(T0 + timedelta(minutes=1)), T0)
    assert queue.counts(T0) == (1, 4, 1)
    assert queue.counts(T0 + timedelta(minutes=1)) == (2, 4, 0)
    assert len(queue) == 6


def test_a_failed_new_card_comes_back_after_a_minute() -> None:
    scheduler = Scheduler(Settings(fuzz=False))
    queue = build(*lookup(CARDS[:2]), {}, T0, new_allowance=2)
    card: Card | None = queue.next(T0)
    assert card is not None and card.id == "c0"
    queue.answered(card, scheduler.review(None, Rating.AGAIN, T0), T0)
    assert queue.next(T0 + timedelta(seconds=5)).id == "c1"  # type: ignore[union-attr]
    assert queue.next(T0 + timedelta(seconds=10)) is card  # early: nothing else left


def test_studied_cards_without_loaded_memory_are_not_new() -> None:
    # plan() loads only memories due soon; the other studied cards must not come back as new.
    due = {key_of(CARDS[0]): review(T0 - timedelta(hours=1))}
    studied = {key_of(card) for card in CARDS[:4]}
    assert ids(build(*lookup(CARDS), due, T0, new_allowance=10, studied=studied), T0) == ["c0", "c4", "c5", "c6", "c7"]


def test_a_card_is_read_only_when_it_is_asked() -> None:
    read: list[str] = []
    keys, card_of = lookup(CARDS)

    def reading(key: CardKey) -> Card:
        read.append(key[1])
        return card_of(key)

    memories = {key_of(CARDS[n]): review(T0 - timedelta(days=n)) for n in range(4)}
    queue = build(keys, reading, memories, T0, new_allowance=4)
    assert read == [] and len(queue) == 8
    first = queue.next(T0)
    assert first is not None and first.id == "c3" and read == ["c3"]
