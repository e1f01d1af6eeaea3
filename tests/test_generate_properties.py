"""Properties of quiz generate: any text gives a valid deck or a clean GenerateError; output is
deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quiz.decks.file import check_text, dump
from quiz.generate import GenerateError, generate

FACTS = [
    "The council approved the budget in 1998 after a vote in Geneva.",
    "President Maria Lopez signed the treaty in Lima on March 3, 2001.",
    "About 4,500 workers built the canal between 1904 and 1914.",
    "The museum was founded by the Royal Society in 1851.",
    "The probe reached Mars in 2021, NASA said on Tuesday.",
]
SENTENCES = [
    *FACTS,
    "He said it would never work.",
    "“We will win,” she said.",
    "Those talks failed.",
    "Photo (AP Images)",
    "By Ann Writer | Staff",
]
settings.register_profile("generate", deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow])

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SENTENCES), max_size=8).map(" ".join),
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40)), max_size=6).map("\n\n".join),
)


@settings(settings.get_profile("generate"))
@given(text=texts)
def test_any_text_gives_a_valid_deck_or_a_clean_error(text: str) -> None:
    try:
        deck = generate([("article.txt", text)])
    except GenerateError as exc:
        assert "article.txt" in str(exc) or "no articles" in str(exc)
        return
    yaml_text = dump(deck)
    assert not check_text(yaml_text, "deck.yaml", "deck").errors
    assert len(deck.entries) <= max(1, len(text.split()) // 20)


# Texts holding at least one plain statement of fact among the noise: they always give cards.
with_facts = st.tuples(st.sampled_from(FACTS), st.lists(st.sampled_from(SENTENCES), max_size=8)).map(lambda t: " ".join((t[0], *t[1])))


@settings(settings.get_profile("generate"))
@given(text=with_facts)
# Found by hypothesis: short sentences without the commonest function words ("Those talks
# failed.") once made looks_english refuse the text.
@example(text=" ".join(["About 4,500 workers built the canal between 1904 and 1914.", *["Those talks failed."] * 8]))
def test_a_text_with_a_fact_gives_a_valid_deck(text: str) -> None:
    deck = generate([("article.txt", text)])
    assert deck.entries and not check_text(dump(deck), "deck.yaml", "deck").errors


@settings(settings.get_profile("generate"), max_examples=10)
@given(text=with_facts)
def test_output_is_deterministic(text: str) -> None:
    first = dump(generate([("a.txt", text)]))
    assert dump(generate([("a.txt", text)])) == first
