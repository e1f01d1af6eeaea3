"""Which answers a card may ask for, and how (filters.py, answertypes.py): "Which organization" only
for a name that reads as one, never the answer the whole article is about, no bare acronym the
article writes out."""

from __future__ import annotations

from collections import Counter
from typing import cast

from quiz.generate.answertypes import name_family, organisation_like, which
from quiz.generate.filters import dominant, dominant_name, spelled_out
from quiz.generate.types import AnswerType, Candidate, Mention, QuestionKind, Sentence


def asked(text: str, answer: str, kind: QuestionKind = QuestionKind.WHAT, quote: str = "") -> Candidate:
    mention = Mention(0, 1, answer, AnswerType.ORGANIZATION, answer, ())
    sentence = Sentence(0, "article", 0, quote or text, cast("object", None))  # type: ignore[arg-type]
    return Candidate(kind, text, mention, sentence)


def test_which_organization_only_for_a_name_that_reads_as_one() -> None:
    assert organisation_like("Harbor Research Institute") and organisation_like("HMRC") and organisation_like("Navy Headquarters")
    assert not organisation_like("Garibaldi") and not organisation_like("Chair") and not organisation_like("Helios Pact")
    assert which(AnswerType.ORGANIZATION, "Harbor Research Institute") == "Which institute"
    assert which(AnswerType.ORGANIZATION, "Delta Optics Group") == "Which organization"
    assert which(AnswerType.ORGANIZATION, "Garibaldi") == "Who"  # a person the tagger took for an organisation
    assert which(AnswerType.ORGANIZATION, "Helios Pact") == "What"


def test_the_answer_the_article_is_about_is_no_answer() -> None:
    about = Counter({"harbor council": 9, "oslo": 2, "maria lopez": 1})
    assert dominant(asked("Which council opened an office in Oslo?", "Harbor Council"), dominant_name(about))
    assert not dominant(asked("Which city did the council choose?", "Oslo"), dominant_name(about))
    even = Counter({"harbor council": 5, "oslo": 4})
    assert not dominant(asked("Which council opened an office in Oslo?", "Harbor Council"), dominant_name(even))  # two names share the article


def test_an_acronym_the_article_writes_out_is_no_answer() -> None:
    text = "The college trained builders in stone repair and masonry (SRM). SRM cut repair costs by half. The UNESCO sent experts."
    assert spelled_out(text, {}) == {"SRM"}  # the UNESCO is never written out: it can still be asked
    assert spelled_out("HMA and the ESA met.", {"hma": "Harbor Management Authority"}) == {"HMA"}
    assert not spelled_out("Builders (QRB) were trained in safety.", {})  # a bracket that spells nothing


def test_only_a_name_that_says_so_is_asked_as_an_international_organization() -> None:
    family = name_family("Northern Beekeepers' Union")
    assert family == "international"  # "union" puts it in the family of unions and alliances
    assert which(AnswerType.ORGANIZATION, "Northern Beekeepers' Union", family) == "Which organization"
    assert which(AnswerType.ORGANIZATION, "World Glacier Union", name_family("World Glacier Union")) == "Which international organization"
