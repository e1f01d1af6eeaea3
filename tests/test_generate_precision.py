"""Cards a strict reader rejects as telling nothing (quiz/generate/trivial.py, candidates.whole,
the linking adverbs of words.py): one item of a long list, a body named by its kind alone, a cut
whose only "verb" is a noun the tagger misread, an opening "Separately,". Sentences written for
these tests, each with the good card of the same text as its positive control."""

from __future__ import annotations

from generate_cards import offered


def texts(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


def test_one_item_of_a_long_list_is_no_gap() -> None:
    found = texts("In 1921 the ferry treaty was signed in Lisbon by Chile, Peru, Ghana, Nepal and Fiji.")
    assert not any(f"{{{{{name}}}}}" in text for text in found for name in ("Chile", "Peru", "Ghana", "Nepal", "Fiji")), found
    assert any("{{Lisbon}}" in text or "{{1921}}" in text for text in found), found  # positive control: the rest is asked
    short = texts("In 1921 the ferry treaty was signed in Lisbon by Ada Byrne and Tom Weir.")
    assert any("{{Tom Weir}}" in text for text in short), short  # two names are no long list (two places are: conjuncts.py)


def test_a_body_named_by_its_kind_alone_is_no_gap() -> None:
    found = texts("Judge Ada Byrne of Truro was confirmed by the Senate in March 1921 after a long debate.")
    assert not any("{{Senate}}" in text for text in found), found
    assert any("{{March 1921}}" in text or answer == "March 1921" for text, answer in found.items()), found  # positive control
    named = texts("Judge Ada Byrne of Truro was confirmed by the Tamar Assembly in March 1921 after a long debate.")
    assert any("{{Tamar Assembly}}" in text for text in named), named  # a body with a name of its own is asked


def test_a_cut_whose_only_verb_is_a_misread_noun_is_no_card() -> None:
    from spacy.tokens import Doc

    from quiz.generate.candidates import whole
    from quiz.generate.nlp import load_model

    # As the tagger may read it: "complaints" a verb (VBZ), hung on "led" as its subject.
    words = "Later , farmer complaints about the price led to a new Corn Board .".split()
    tags = ["RB", ",", "NN", "VBZ", "IN", "DT", "NN", "VBD", "IN", "DT", "JJ", "NNP", "NNP", "."]
    heads = [7, 7, 3, 7, 3, 6, 4, 7, 7, 12, 12, 12, 8, 7]
    deps = ["advmod", "punct", "compound", "nsubj", "prep", "det", "pobj", "ROOT", "prep", "det", "amod", "compound", "pobj", "punct"]
    doc = Doc(load_model().vocab, words=words, tags=tags, heads=heads, deps=deps, sent_starts=[True] + [False] * (len(words) - 1))
    assert not whole(list(doc[:7]))  # "Later, farmer complaints about the price": no verb of its own
    assert whole(list(doc))  # positive control: with its verb the sentence stands


def test_an_opening_separately_goes() -> None:
    found = texts("The first ferry sailed from Truro in May 1921. Separately, the harbour board bought a dredger from Lisbon in June 1922.")
    assert "The harbour board bought a dredger from {{Lisbon}} in June 1922." in found or any(
        text.startswith("The harbour board") or text.startswith("When did the harbour board") for text in found
    ), found  # positive control: the card exists, without the opener
    assert not any("Separately" in text for text in found), found


def test_the_country_of_an_office_is_no_gap() -> None:
    found = texts("In May 1921, President Ada Byrne of Norway opened the new ferry terminal in Truro after three years of work.")
    assert not any("{{Norway}}" in text for text in found), found
    assert any("{{Truro}}" in text or answer == "Truro" for text, answer in found.items()), found  # positive control
    alone = texts("In May 1921, the ferry company of Norway opened a new terminal in Truro after three years of work.")
    assert any("{{Norway}}" in text for text in alone), alone  # a country no office is asked


def test_a_gap_on_part_of_a_name_written_without_a_joiner_is_no_card() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.sanity import beside_name

    doc = load_model()("In 1921 the council named the Kessel Guild of Tyrol and the Comet V engine shed after the mayor of Truro.")
    span = doc[:]
    at = {t.text: t.i for t in doc}
    assert beside_name(span, at["Tyrol"], at["Tyrol"] + 1)  # the tail of "Kessel Guild of Tyrol"
    assert beside_name(span, at["Comet"], at["Comet"] + 1)  # the head of "Comet V"
    assert not beside_name(span, at["Truro"], at["Truro"] + 1)  # positive control: "the mayor of Truro" is no name


def test_a_part_of_a_place_named_by_its_compass_point_is_no_gap() -> None:
    found = texts("In May 1921 the drought spread across Northern Italy and reached the town of Truro.")
    assert not any("{{Northern Italy}}" in text for text in found), found
    alone = texts("In May 1921 the drought spread across Italy and reached the town of Truro.")
    assert any("{{Italy}}" in text or "{{Truro}}" in text for text in alone), alone  # positive control


def test_the_post_someone_held_is_the_office_named_just_before() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.references import resolve_post

    doc = load_model()("After the war, the Commissioner of the Salt Guild was Ada Byrne. Ten years later, Lea Stone took the post.")
    first, second = list(doc.sents)
    (index, text), = resolve_post(second, first)
    assert doc[index].text == "post" and text == "post of the Commissioner of the Salt Guild"
    other = load_model()("After the war, the salt trade grew fast in Truro. Ten years later, Lea Stone took the post.")
    assert resolve_post(*reversed(list(other.sents))) == ()  # positive control: no office before, nothing to resolve


def test_an_opening_but_or_in_exchange_goes() -> None:
    found = texts("The first ferry sailed from Truro in May 1921. But the harbour board bought a dredger from Lisbon in June 1922.")
    assert any(text.startswith(("The harbour board", "When did the harbour board", "From which")) for text in found), found  # positive control
    assert not any(text.startswith("But") for text in found), found
    swapped = texts("The town gave up its ferry in 1921. In exchange, the harbour board bought a dredger from Lisbon in June 1922.")
    assert swapped and not any("In exchange" in text for text in swapped), swapped


def test_a_list_cut_without_its_and_or_two_names_run_together_are_garbled() -> None:
    from quiz.generate.sanity import garbled, joiner_dropped

    quote = "The fair drew the Esk weavers and the Tull Guild, Marrow Company, and Orren Society of Dyers."
    assert joiner_dropped("The fair drew the {{Tull Guild}}, Marrow Company, Orren Society of Dyers.", quote)
    assert not joiner_dropped("The fair drew the {{Tull Guild}}, Marrow Company, and Orren Society of Dyers.", quote)  # positive control
    assert garbled("The divers were trained by Dive Leader {{Ada Byrne}} Dr. Lea Stone.")
    assert not garbled("The divers were trained by Dive Leader {{Ada Byrne}} and Dr. Lea Stone.")  # positive control
    quote = "The divers were trained by Ada Byrne, Head of Safety Dr. Lea Stone, and two pilots."
    assert not garbled("The divers were trained by {{Ada Byrne}}, Head of Safety Dr. Lea Stone.", quote=quote)  # written so
    assert garbled("The divers were trained by Dive Leader {{Ada Byrne}} Dr. Lea Stone.", quote=quote)


def test_a_person_the_card_names_a_thing_for_is_given_away() -> None:
    found = texts("The Byrne Prize for Young Poets was first awarded in 1921 in Truro by the teacher Ada Byrne.")
    assert not any("{{Ada Byrne}}" in text or answer == "Ada Byrne" for text, answer in found.items()), found
    other = texts("The Truro Prize for Young Poets was first awarded in 1921 in Truro by the teacher Ada Byrne.")
    assert any("{{Ada Byrne}}" in text or answer == "Ada Byrne" for text, answer in other.items()), other  # positive control


def test_an_acronym_in_the_brackets_after_its_name_is_no_gap() -> None:
    from quiz.generate.trivial import BRACKETED_ACRONYM

    assert BRACKETED_ACRONYM.search("The Harbor Survey Unit ({{HSX}}) instrument maps the bay.")
    assert not BRACKETED_ACRONYM.search("The {{Harbor Survey Unit}} (HSX) instrument maps the bay.")  # positive control: the name is asked
    found = texts("In 1921 the Harbor Survey Unit (HSX) instrument mapped the bay of Truro in nine weeks.")
    assert not any("{{HSX}}" in text for text in found), found
    assert any("{{1921}}" in text or answer == "1921" or "{{Truro}}" in text for text, answer in found.items()), found


def test_a_count_of_a_set_named_before_is_no_gap() -> None:
    found = texts("Nine sailors joined the crew in 1921. Seven of the men spent the winter mapping the bay of Truro.")
    assert not any(text.startswith("{{Seven}}") for text in found), found
    assert any("{{Nine}}" in text or answer == "Nine" or "{{1921}}" in text for text, answer in found.items()), found  # positive control


def test_a_description_its_own_relative_clause_pins_down_is_no_loose_reference() -> None:
    found = texts("Known as the Harlow Rule after the town where the judges wrote it, the Tamar Code governed river tolls until 1851.")
    assert any("{{Harlow Rule}}" in text for text in found), found  # "the town where …" says which town
    loose = texts("Known as the Harlow Rule after the town, the Tamar Code governed river tolls until 1851.")
    assert not any("{{Harlow Rule}}" in text for text in loose), loose  # "the town" alone leans on another sentence


def test_an_example_of_an_open_set_is_no_gap() -> None:
    listed = texts("The large ferry companies of the coast include the Ludlow Line, the Marsh Ferry Company, and the Ayr Shipping Company, which carried 2 million passengers in 1921.")
    assert not any(f"{{{{{name}}}}}" in text for text in listed for name in ("Ludlow Line", "Marsh Ferry Company", "Ayr Shipping Company")), listed
    assert any("{{1921}}" in text for text in listed), listed  # positive control: the rest is asked
    single = texts("Passenger lists are never shared with a partner company like Ludlow Shipping unless the passenger agrees in writing, the Tamar harbour board said in 1921.")
    assert not any("{{Ludlow Shipping}}" in text for text in single), single
    assert any("{{1921}}" in text for text in single), single
    pair = texts("The board included Ada Byrne and Kofi Mensah.")
    assert any("{{Kofi Mensah}}" in text for text in pair), pair  # two named members are no sample of a set


def test_a_list_the_parser_hung_on_a_relative_clause_antecedent_is_asked_whole() -> None:
    found = texts(
        "After the flood, the mill owners signed the Corran Lease of 1884, which granted the village a plot of pasture for the school,"
        " a grant of grain to the parish, and a yearly rent of $400."
    )
    assert any(text.startswith("The Corran Lease of 1884 granted") and text.endswith("a yearly rent of {{$400}}.") for text in found), found
    assert not any("1884 a grant" in text or "1884, a grant" in text for text in found), found  # never the clause cut out of its list


def test_a_list_cut_before_its_last_item_is_garbled() -> None:
    from quiz.generate.sanity import list_cut

    quote = "The charter left the guild a hall by the river, a yearly grant to the school, and a seat on the council."
    assert list_cut("The charter left the guild a hall by the river, a yearly {{grant}} to the school.", quote)
    assert not list_cut("The charter left the guild a hall by the river, a yearly grant to the school, and a seat on the {{council}}.", quote)
    assert not list_cut("The board bought {{Marsh Star}}, the ferry.", "The board bought Marsh Star, the ferry, and it sailed at once.")  # no list of like items
    names = "Long before the railway reached it, the plateau sheltered the Orren clans and the Veska Confederacy, the Tull Brotherhood, and the Marrow Band of Esk."
    assert list_cut("Long before the {{railway}} reached it, the plateau sheltered the Orren clans and the Veska Confederacy.", names)
    assert not list_cut("The plateau sheltered the Orren clans and the Veska Confederacy, the {{Tull Brotherhood}}, and the Marrow Band of Esk.", names)
    assert not list_cut("The board met in {{Truro}}.", "The board met in Truro, and it voted at once.")  # a clause follows, not names


def test_she_means_a_person_not_a_thing_the_tagger_took_for_one() -> None:
    text = (
        "The merchant Omar Idris reached Samarkand in May 1271 with the trader Ada Okonkwo. Funded by the guild,"
        " Okonkwo’s caravan opened a trade route to the court of the Khan. She made approximately 140 crossings of the desert in her life."
    )
    found = texts(text)
    assert any("Okonkwo made approximately {{140}} crossings" in t for t in found), found
    assert not any("Khan made" in t or "did Khan" in t for t in found), found


def test_she_after_a_sentence_about_an_untagged_owner_means_the_owner() -> None:
    from quiz.generate.nlp import load_model
    from quiz.generate.references import _subject_owner

    doc = load_model()("Funded by the guild, O’Keeffe’s caravan opened a trade route to the court of the Khan.")
    owner = next(t for t in doc if t.text == "O’Keeffe")
    if owner.ent_type_ == "" and owner.dep_ == "poss":  # the tagger's miss this guards against
        assert _subject_owner(doc[:]) == "O’Keeffe"
    assert _subject_owner(load_model()("The ferry sailed from Truro in May 1921.")[:]) is None  # no owner, no new referent


def test_a_status_set_off_after_a_name_is_no_gap() -> None:
    # The tagger reads "Retired" here as a name of its own (a PRODUCT): the rule has something to refuse.
    found = texts("The governor honoured Major Tomas Berg, Royal Navy, Retired, for his service at sea.")
    assert not any("{{Retired}}" in text for text in found), found
    assert any("{{Royal Navy}}" in text or "{{Tomas Berg}}" in text for text in found), found  # control
    # However the parser hangs it: after "Jr." and a service, with no rank before the name.
    found = texts("On May 3, 2019, the governor will award the Tamar Medal to Tom Akers, Jr., Royal Navy, Retired, for great courage.")
    assert not any("{{Retired}}" in text for text in found), found
    assert any("{{Tom Akers}}" in text for text in found), found  # control


def test_a_dash_aside_closing_an_opening_phrase_stays() -> None:
    found = texts("Trained by Mei Lin—a weaver from the hill villages—the apprentices finished the tapestry in 1742.")
    assert any(text.startswith("Trained by Mei Lin—a weaver") and "{{1742}}" in text for text in found), found
    assert not any("Lin the apprentices" in text for text in found), found  # never the phrase run into the subject
    plain = texts("Mei Lin—a weaver from the hill villages—finished the tapestry in 1742.")
    assert "Mei Lin finished the tapestry in {{1742}}." in plain, plain  # an aside after the subject still goes


def test_an_aside_naming_a_bare_noun_stays_and_little_noted_is_no_question() -> None:
    found = texts("The proposal, called the Brenner Plan, was hardly discussed by the Wine Growers of Tyrol, and it lapsed in 1962.")
    assert "The proposal, called the Brenner Plan, was hardly discussed by the {{Wine Growers of Tyrol}}." in found, found
    assert not any(text.startswith("The proposal was") for text in found), found  # never "the proposal" without its name
    assert not any("hardly discussed the" in text for text in found), found


BIOGRAPHY = (
    "Captain Mira Olsen was born in Bergen in 1931. Olsen joined the Norwegian Navy in 1950. "
    "In 1953, Captain Olsen commanded the Norwegian Navy frigate Tromsø during a storm off Iceland. "
    "To save the crew, Captain Olsen steered the frigate into the harbour of Reykjavik. "
    "Olsen received the War Cross in 1954 from the Norwegian Navy. "
    "In 1960, Olsen founded the Bergen Sea School with the Norwegian Navy. "
    "Olsen retired from the Norwegian Navy in 1975 and died in Oslo in 2001."
)


def test_the_person_an_article_is_about_is_no_answer() -> None:
    from collections import Counter

    from generate_cards import made

    from quiz.generate.filters import protagonist

    cards = made(BIOGRAPHY, kinds="who,cloze")
    assert not any(c.answer in ("Mira Olsen", "Olsen") for c in cards), [c.text for c in cards]
    assert any(c.answer == "1953" for c in cards), [c.text for c in cards]  # positive control: the facts about her stay
    shared = BIOGRAPHY.replace("In 1960, Olsen founded", "In 1960, Per Dahl founded").replace("Olsen retired", "Per Dahl retired")
    with_dahl = made(shared, kinds="who")
    assert any(c.answer == "Mira Olsen" for c in with_dahl), [c.text for c in with_dahl]  # another person in the story: asked
    assert protagonist(Counter({"mira olsen": 7, "haakon": 1})) == "mira olsen"
    assert protagonist(Counter({"mira olsen": 7, "per dahl": 2})) is None
    assert protagonist(Counter({"mira olsen": 5})) is None  # too few sentences to call her the subject


def test_an_abbreviated_state_after_its_town_is_no_gap() -> None:
    found = texts("After retiring from the mill, Dora Pike moved to Salem, Ore., where she taught piano for 30 years.")
    assert not any("{{Ore.}}" in text for text in found), found
    assert any("{{30 years}}" in text for text in found), found  # positive control


def test_a_description_written_as_the_title_of_named_people_is_no_gap() -> None:
    found = texts("Several towns opposed the new line. Rail critics Rosa Lind and Karl M. Weber were the founders of the league.")
    assert not any(text.startswith("{{Rail critics}}") for text in found), found
    assert any("{{Karl M. Weber}}" in text for text in found), found  # positive control: the people are asked


def test_a_title_misread_as_an_apposition_stays_with_its_name() -> None:
    found = texts(
        "Backed by Lind and Weber, Swiss Minister of Health Anna Keller introduced a national ban on the dye in 1902."
    )
    assert any("Lind and Weber, Swiss Minister of Health {{Anna Keller}} introduced" in text for text in found), found
    assert not any("Weber Anna Keller" in text or "Weber {{Anna Keller}}" in text for text in found), found
    aside = texts("The boat was repaired by Karl Weber, a carpenter from Basel, in 1899.")
    assert "The boat was repaired by {{Karl Weber}} in 1899." in aside, aside  # a true apposition still goes


def test_an_as_clause_is_no_statement_of_its_own() -> None:
    found = texts(
        "As the Veska Confederacy spread across the Tull Hills in the decades after the war, the Orren Creek became a busy route for timber"
        " and grain from the northern forests and the farms that lay beyond the last of the mountain passes."
    )
    assert "The Veska Confederacy spread across the {{Tull Hills}} in the decades after the war." not in found, found
    assert any(text.startswith("As the Veska Confederacy spread across the {{Tull Hills}} in the decades after the war, the Orren Creek became") for text in found), found


def test_the_owner_of_a_named_body_is_no_gap() -> None:
    found = texts("Today, the Harbour Board's Office of Tolls and Fees finalized a single-fare standard for all public ferries in Truro.")
    assert not any("{{Harbour Board}}" in text for text in found), found
    assert any("{{Office of Tolls and Fees}}" in text for text in found), found  # positive control: the body itself is asked
