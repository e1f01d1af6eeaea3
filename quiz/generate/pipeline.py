"""The generation pipeline end to end: texts in, deck out (no file I/O here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from quiz.decks.model import Deck
from quiz.generate import GenerateError, conjuncts, familiar
from quiz.generate.build import Named, card_id, deck, entry, source_ids
from quiz.generate.candidates import candidates
from quiz.generate.clean import Article, clean_article, looks_english
from quiz.generate.dategaps import modifier_gap, noun_shown
from quiz.generate.distractors import choices, pool
from quiz.generate.extract import mentions, sentences
from quiz.generate.filters import dominant, dominant_name, keep, protagonist, spelled_out
from quiz.generate.headline import given, lower_case_words
from quiz.generate.nlp import MAX_WORDS, ModelError, Progress, build_entities, key, load_model, parse
from quiz.generate.offices import bodies, completed
from quiz.generate.options import Options
from quiz.generate.othernames import descriptive_law, other_names
from quiz.generate.rank import budget, select
from quiz.generate.types import QUESTION_KINDS, AnswerType, Candidate, Mention

PROGRESS_WORDS = 5000  # report progress only for inputs long enough to make the user wait
RAW_WORDS_SHARE = 5  # a file of this many times MAX_WORDS words (tags and all) is refused unread


def run(texts: list[tuple[str, str]], options: Options, progress: Progress | None = None) -> Deck:
    """The deck for the (name, text) pairs; `options` were checked when they were made."""
    if not texts:
        raise GenerateError("no articles given")
    articles = [_article(name, text) for name, text in texts]
    _check_size(articles)
    try:
        nlp = load_model(options.model)
    except ModelError as exc:
        raise GenerateError(str(exc)) from exc
    total = sum(a.words for a in articles)
    report = progress if progress is not None and total >= PROGRESS_WORDS else None
    docs = []
    for number, article in enumerate(articles, 1):
        if report:
            report(f"parsing {article.name} ({number}/{len(articles)}, {article.words:,} words)")
        docs.append(parse(nlp, [p.text for p in article.paragraphs], report))
    entities = build_entities(docs)
    ids = source_ids([name for name, _ in texts])
    found: list[Candidate] = []
    every: list[Mention] = []
    own: dict[int, list[Mention]] = defaultdict(list)  # each article's mentions
    by_sentence: list[list[Mention]] = []
    mentioned: dict[int, Counter[str]] = defaultdict(Counter)
    people: dict[int, Counter[str]] = defaultdict(Counter)
    together: dict[int, list[frozenset[str]]] = defaultdict(list)  # the names of each sentence so far
    # A bare office gets its body before the filters judge the card, so "Who was the Chair?" is
    # counted at the length the reader sees.
    offices = {index: bodies(" ".join(p.text for p in article.paragraphs)) for index, article in enumerate(articles)}
    for index, (article, article_docs) in enumerate(zip(articles, docs)):
        for sentence in sentences(index, ids[index], article.paragraphs, article_docs, entities):
            answerable = mentions(sentence, entities)
            every.extend(answerable)
            own[index].extend(answerable)
            by_sentence.append(answerable)
            mentioned[index].update({key(m.answer) for m in answerable})
            people[index].update({key(m.answer) for m in answerable if m.type == AnswerType.PERSON})
            made = (c for c in candidates(sentence, entities, answerable) if c.kind in options.kinds and not conjuncts.list_member(c, answerable, together[index]))
            found.extend(_kept(_with_bodies(c, offices[index]) for c in made))
            together[index].append(frozenset(key(m.answer) for m in answerable))
    glossed = {index: spelled_out(" ".join(p.text for p in article.paragraphs), entities.expansions) for index, article in enumerate(articles)}
    about = {index: dominant_name(counts) for index, counts in mentioned.items()}
    subjects = {index: protagonist(counts) for index, counts in people.items()}
    titles = {index: article.title or "" for index, article in enumerate(articles)}
    common = {index: lower_case_words(" ".join(p.text for p in article.paragraphs)) for index, article in enumerate(articles)}
    found = [
        c for c in found
        if not dominant(c, about.get(c.sentence.article)) and c.mention.answer not in glossed[c.sentence.article]
        and not (c.mention.type == AnswerType.PERSON and key(c.mention.answer) == subjects.get(c.sentence.article))
        and not given(c, titles[c.sentence.article], common[c.sentence.article])  # the headline shown above the card writes the answer
        and not familiar.familiar(c, mentioned[c.sentence.article], len(together[c.sentence.article]))  # "Which country …?" in that country's history
        and not descriptive_law(c, common[c.sentence.article], own[c.sentence.article])  # "the {{Peace Pact}}" beside the pact's name
    ]
    wrong = pool(by_sentence)
    found = [c for c in found if c.mention.role != "leader" or choices(c.mention, wrong, c.text)]  # "the _____ administration" needs other leaders
    found = [c for c in found if not modifier_gap(c) or noun_shown(c) and choices(c.mention, wrong, c.text, _before(c), c.sentence.quote)]  # "his ___ speech"
    if report:
        report(f"ranking {len(found):,} candidate questions")
    card_ids = {id(c): card_id(c) for c in found}
    salience = {key(m.answer): entities.salience(m.answer) for m in every}
    budgets = {index: budget(article.words) for index, article in enumerate(articles)}
    chosen = select(found, card_ids, budgets, salience, options.max_cards, titles, mentioned)
    if not chosen:
        names = ", ".join(name for name, _ in texts)
        raise GenerateError(f"{names}: found no facts to ask about (names, dates or numbers in plain statements)")
    named = [Named(ids[i], None if name == "-" else name, article) for i, ((name, _), article) in enumerate(zip(texts, articles))]
    other = {index: other_names(" ".join(p.text for p in article.paragraphs), own[index]) for index, article in enumerate(articles)}
    return deck(named, [entry(c, wrong, other[c.sentence.article]) for c in chosen], options.title)


def _before(candidate: Candidate) -> str:
    """The three words before the answer, where a bound ("by", "more than") leaves no wrong date."""
    span = candidate.sentence.span
    return span.doc[max(span.start, candidate.mention.start - 3) : candidate.mention.start].text


def _with_bodies(candidate: Candidate, offices: dict[str, str]) -> Candidate:
    text = completed(candidate.text, candidate.mention.answer, offices) if offices else candidate.text
    return candidate if text == candidate.text else replace(candidate, text=text)


def _kept(found: Iterable[Candidate]) -> list[Candidate]:
    """The candidates the filters keep. The filters read a card's kind only as question or not, so
    a true/false statement gets the verdict of the cloze with its text and gap, judged once."""
    verdicts: dict[tuple[object, ...], bool] = {}
    kept = []
    for candidate in found:
        twin = (id(candidate.sentence), candidate.mention, candidate.text, candidate.subject, candidate.kind in QUESTION_KINDS)
        if twin not in verdicts:
            verdicts[twin] = keep(candidate)
        if verdicts[twin]:
            kept.append(candidate)
    return kept


def _check_size(articles: list[Article]) -> None:
    """The input is at most MAX_WORDS words of article text, what the parser gets through in about
    a minute; more is an error before any parsing."""
    total = sum(a.words for a in articles)
    if total > MAX_WORDS:
        shown = ", ".join("stdin" if a.name == "-" else a.name for a in articles)
        together = "" if len(articles) == 1 else " together"
        raise GenerateError(
            f"{shown}: {total:,} words of article text{together}, more than quiz generate takes at once ({MAX_WORDS:,}); split it into smaller articles"
        )


def _article(name: str, text: str) -> Article:
    shown = "stdin" if name == "-" else name
    if "\x00" in text:
        raise GenerateError(f"{shown}: looks like a binary file, not an article")
    # Far more words than the limit, even counting markup: refused before cleaning, which would
    # take ~10 s and ~1 GB for a 20 MB file only to find it too long.
    if (words := len(text.split())) > RAW_WORDS_SHARE * MAX_WORDS:
        raise GenerateError(
            f"{shown}: {words:,} words, far more than quiz generate takes at once ({MAX_WORDS:,} words of article text); split it into smaller articles"
        )
    article = clean_article(name, text)
    if not article.paragraphs:
        raise GenerateError(f"{shown}: no article text found (empty, or only headlines and links)")
    if not looks_english(" ".join(p.text for p in article.paragraphs)):
        raise GenerateError(f"{shown}: does not look like English text")
    return article
