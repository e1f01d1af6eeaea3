"""Planning a study session: which cards it holds, and the study controls that change the plan.

- Study: learning cards due, due reviews, then new cards up to the day's allowance (the order is
  quiz/study/queue.py's). Suspended cards and cards buried until tomorrow are left out.
- `--tag`: only cards with one of the tags (`leech` also matches leeches).
- An exam date ahead (the deck's `exam:` or `--exam-date`): cards whose recall on the exam day
  would fall below the target come due early (quiz/memory/examdate.py).
- `--ahead`: when nothing is due, the cards due soonest, scheduled as usual.
- `--cram`: any cards, the least recalled first, as practice that leaves the schedule alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from quiz.days import start_of_day, start_of_tomorrow
from quiz.decks.history import carried_over
from quiz.decks.model import Card, CardKey, Deck, key_of
from quiz.decks.select import LEECH_TAG, tagged
from quiz.dropped import deck_version
from quiz.memory.examdate import bring_forward, exam_moment
from quiz.memory.leech import LEECH_LAPSES
from quiz.memory.scheduler import Scheduler
from quiz.memory.settings import SettingsFile
from quiz.memory.state import Due, Memory
from quiz.store import Store
from quiz.study.queue import LEARN_AHEAD, StudyQueue, build, lookup


@dataclass(frozen=True)
class Controls:
    tags: tuple[str, ...] = ()
    ahead: int = 0  # with nothing due, study this many cards due soonest
    cram: bool = False
    exam_date: date | None = None  # for every deck, instead of their own `exam:`


@dataclass(slots=True)
class Plan:
    queue: StudyQueue
    memories: dict[CardKey, Memory]
    exams: dict[str, datetime] = field(default_factory=dict)  # deck id -> exam moment, still ahead
    practice: bool = False
    ahead: bool = False  # the queue is of cards studied ahead of time


def exams_ahead(decks: list[Deck], now: datetime, override: date | None = None) -> dict[str, datetime]:
    """The exam moment of each deck whose exam (or `override`) is still ahead."""
    moments = {deck.id: exam_moment(day) for deck in decks if (day := override or deck.exam) is not None}
    return {deck: moment for deck, moment in moments.items() if moment > now}


def plan(
    decks: list[Deck], store: Store, now: datetime, new_limit: int | None = None, settings: SettingsFile | None = None,
    controls: Controls = Controls(),
) -> Plan:
    """The session's queue, the memory of the cards in it, and the exam dates that apply.

    New cards: at most `new_limit` today in all (counting earlier sessions) when given (`--new`),
    else each deck's `new_per_day` setting, counting that deck's new cards earlier today.
    Without tags only the cards the queue can hold are read: those due within the learn-ahead
    window (with their memory) and the first unseen ones up to the allowance, so the first
    question does not wait on the other ten thousands.
    """
    settings = settings or SettingsFile({}, {})
    ids = [deck.id for deck in decks]
    store.sync_decks([(deck.id, deck.title, deck.path, deck.card_count()) for deck in decks], now)
    _carry_over(decks, store)
    exams = exams_ahead(decks, now, controls.exam_date)
    if controls.cram:
        return _cram(decks, store, controls.tags, now, exams, settings)
    held = store.held(ids, now)
    chosen = _tagged(decks, store, controls.tags) if controls.tags else None
    forward = _brought_forward(store, now, exams, settings)
    dues: dict[CardKey, Memory | Due] = {**store.due_states(ids, now + LEARN_AHEAD), **forward}
    dues = {key: due for key, due in dues.items() if key not in held and (chosen is None or key in chosen)}
    allowance = _allowance(ids, store, now, new_limit, settings)
    if chosen is not None:
        studied = store.studied(ids)
        keys, card_of = lookup(card for key, card in chosen.items() if key in dues or (key not in studied and key not in held))
        queue = build(keys, card_of, dues, now, allowance, studied=studied | held)
    else:
        queue = build(_queued_keys(decks, store, dues, held, allowance), _reader(decks), dues, now, allowance)
    if not len(queue) and controls.ahead:
        return _ahead(decks, store, chosen, now, controls.ahead, exams)
    # The session reads the others' memory from the store when it asks them.
    return Plan(queue, {key: memory for key, memory in forward.items() if key in dues}, exams)


def _queued_keys(decks: list[Deck], store: Store, dues: Mapping[CardKey, object], held: set[CardKey], allowance: int | dict[str, int]) -> list[CardKey]:
    """The keys of every card the queue can hold, in deck order: the due ones and the first unseen
    ones up to the allowance, found by id alone (no card is read)."""
    keys: list[CardKey] = []
    left = allowance if isinstance(allowance, int) else 0
    for deck in decks:
        skip = {card for deck_id, card in held if deck_id == deck.id}
        new = unseen(deck, store, left if isinstance(allowance, int) else allowance[deck.id], skip)
        left -= len(new)
        positions = deck.positions([*(card for deck_id, card in dues if deck_id == deck.id), *new])
        keys += [(deck.id, card) for card in sorted(positions, key=positions.__getitem__)]
    return keys


def _reader(decks: list[Deck]) -> Callable[[CardKey], Card]:
    by_id = {deck.id: deck for deck in decks}
    return lambda key: by_id[key[0]].card(key[1])


def _carry_over(decks: list[Deck], store: Store) -> None:
    """Cards whose id changed take over their history (quiz/decks/history.py), checked once per
    version of each deck file: the comparison reads every id the deck's history is kept under."""
    checked = store.checked_versions([deck.id for deck in decks])
    for deck in decks:
        version = deck_version(deck)
        if version is None or checked.get(deck.id) != version:
            store.rename_cards(deck.id, carried_over(deck, store.kept_ids(deck.id)), version)


def unseen(deck: Deck, store: Store, wanted: int, skip: set[str] | None = None) -> list[str]:
    """The ids of the deck's first `wanted` cards never studied (and not in `skip`), in deck order."""
    found: list[str] = []
    start, size = 0, 64
    while len(found) < wanted and start < deck.card_count():
        # Batches grow, so a deck studied far into its cards is crossed in a few queries.
        batch = deck.card_ids_between(start, start + size)
        studied = store.studied_among(deck.id, batch)
        found += [card for card in batch if card not in studied and card not in (skip or ())]
        start, size = start + size, size * 2
    return found[:wanted]


def _allowance(ids: list[str], store: Store, now: datetime, new_limit: int | None, settings: SettingsFile) -> int | dict[str, int]:
    if new_limit is not None:
        return max(0, new_limit - store.new_cards_since(start_of_day(now)))
    today = store.new_cards_by_deck(start_of_day(now))
    return {deck: max(0, settings.for_deck(deck).new_per_day - today.get(deck, 0)) for deck in ids}


def _tagged(decks: list[Deck], store: Store, tags: tuple[str, ...]) -> dict[CardKey, Card]:
    ids = [deck.id for deck in decks]
    leeches = store.leeches(ids, LEECH_LAPSES) if LEECH_TAG in {tag.casefold() for tag in tags} else set()
    return {key_of(card): card for deck in decks for card in tagged(deck.cards(), tags, leeches)}


def _brought_forward(store: Store, now: datetime, exams: Mapping[str, datetime], settings: SettingsFile) -> dict[CardKey, Memory]:
    """Cards of decks with an exam ahead that the exam rule makes due now (their stored due is later)."""
    found: dict[CardKey, Memory] = {}
    soon = now + LEARN_AHEAD
    for deck_id, exam in exams.items():
        scheduler = Scheduler(settings.for_deck(deck_id).scheduler)
        target = scheduler.settings.desired_retention
        # Moved by the rule, a card is due from the start of a day: only those the database finds
        # could be due before tomorrow (not every studied card of the deck).
        candidates = store.exam_candidates(deck_id, soon, start_of_tomorrow(soon), exam, scheduler.curve.days_until(1.0, target))
        for key, memory in candidates.items():
            early = bring_forward(memory, now, exam, target, scheduler.curve)
            if memory.due > soon >= early.due:
                found[key] = early
    return found


def _ahead(decks: list[Deck], store: Store, chosen: dict[CardKey, Card] | None, now: datetime, count: int, exams: dict[str, datetime]) -> Plan:
    memories: dict[CardKey, Memory] = {}
    for key, memory in store.soonest([deck.id for deck in decks], now):
        if chosen is None or key in chosen:
            memories[key] = memory
            if len(memories) == count:
                break
    cards = _cards_of(decks, memories)
    # Due later, asked now: as the due reviews of a queue built at the latest due time.
    latest = max((memory.due for memory in memories.values()), default=now)
    queue = build(*lookup(cards), memories, latest, 0)
    return Plan(queue, memories, exams, ahead=True)


def available(decks: list[Deck], store: Store, now: datetime, tags: tuple[str, ...] = ()) -> list[Card]:
    """Every card of the decks that is not held back (suspended or buried), or only those with
    one of `tags`, in deck order: what a cram session or an exam may ask."""
    held = store.held([deck.id for deck in decks], now)
    cards = _tagged(decks, store, tags).values() if tags else (card for deck in decks for card in deck.cards())
    return [card for card in cards if key_of(card) not in held]


def recall_now(decks: list[Deck], memories: Mapping[CardKey, Memory], now: datetime, settings: SettingsFile) -> Callable[[Card], float]:
    """A card's predicted recall now, with its deck's forgetting curve (0 for a card never studied)."""
    curves = {deck.id: Scheduler(settings.for_deck(deck.id).scheduler).curve for deck in decks}
    return lambda card: curves[card.deck_id].recall_at(memories.get(key_of(card)), now)


def _cram(decks: list[Deck], store: Store, tags: tuple[str, ...], now: datetime, exams: dict[str, datetime], settings: SettingsFile) -> Plan:
    memories = store.memories([deck.id for deck in decks])
    order = sorted(available(decks, store, now, tags), key=recall_now(decks, memories, now, settings))  # stable: deck order among equals
    queue = build(*lookup(order), {}, now, len(order))
    return Plan(queue, memories, exams, practice=True)


def _cards_of(decks: list[Deck], memories: Mapping[CardKey, Memory]) -> list[Card]:
    return [card for deck in decks for card in deck.cards_with_ids({card for deck_id, card in memories if deck_id == deck.id})]
