"""When, in what year or on what date: questions on a date told of a named noun by a participle or a
relative clause that does not name it. Each test has its positive control. Sentences are invented."""

from __future__ import annotations

from test_generate_question_forms import candidate_texts


def test_a_participle_opening_the_sentence_is_asked_of_its_subject() -> None:
    found = candidate_texts("Finished in 1931, the Tamar Bridge carried rail traffic across the river.")
    assert found.get("In what year was the Tamar Bridge finished?") == "1931", found
    # "the school" could be any school: no question.
    found = candidate_texts("Founded in 1890, the school on the hill trained 300 nurses for the Royal Navy.")
    assert "1890" in found.values() and not [q for q in found if q.endswith("?") and "founded" in q], found


def test_a_participle_or_relative_clause_of_an_apposition_is_asked_of_the_name() -> None:
    found = candidate_texts("The Harlow Institute, a charity founded in 1890, runs six schools in Leeds.")
    assert found.get("In what year was the Harlow Institute founded?") == "1890", found
    found = candidate_texts("The Harlow Institute, a charity that was founded in 1890 by Ada Byrne, runs six schools in Leeds.")
    assert found.get("In what year was the Harlow Institute founded?") == "1890", found


def test_a_relative_clause_of_what_a_name_is_is_asked_of_the_name() -> None:
    found = candidate_texts("The Vale Accord was a pact which came into force in 1921.")
    assert found.get("In what year did the Vale Accord come into force?") == "1921", found


def test_an_act_of_instituting_after_a_purpose_phrase_tells_of_the_noun_the_phrase_hangs_on() -> None:
    found = candidate_texts("The Truro Accord was a pact to ban whaling signed on May 2, 1921.")
    assert found.get("On what date was the Truro Accord signed?") == "May 2, 1921", found
    found = candidate_texts(
        "Tom Akers worked for the Harlow Institute, a guild devoted to promoting weaving that was founded in 1890 by the weaver Ada Byrne."
    )
    assert found.get("In what year was the Harlow Institute founded?") == "1890", found
    # Grain can be grown: the participle tells of the grain, and no question asks when the plan was.
    found = candidate_texts("The Vale Plan was a scheme to import grain grown in 1920.")
    assert "1920" in found.values() and not [q for q in found if q.endswith("?") and "1920" not in q], found


def test_a_period_of_two_dates_sharing_a_year_is_one_answer() -> None:
    found = candidate_texts("The envoys talked at Harwell Manor near York in May and June 1921 before signing the charter.")
    assert found.get("When did the envoys talk at Harwell Manor near York before signing the charter?") == "May and June 1921", found
    assert not [text for text in found if "{{May}}" in text or "{{June 1921}}" in text], found  # one end beside the other gives it away
    found = candidate_texts("The ferry ran from May to July 1921 across the bay.")
    assert found.get("When did the ferry run across the bay?") == "May to July 1921", found


def test_two_bare_years_joined_by_and_stay_two_answers() -> None:
    # Two years of two floods, not one period.
    found = candidate_texts("The mill flooded in 1921 and 1925, and the owners rebuilt it both times.")
    assert {"1921", "1925"} <= set(found.values()), found


def test_a_hold_taken_by_a_second_verb_is_asked_of_the_first_verbs_object() -> None:
    found = candidate_texts("The Vale Company bought the Harwell Mill in 1901 and took control in 1903.")
    assert found.get("In what year did the Vale Company take control of the Harwell Mill?") == "1903", found
    # "the land" names nothing in particular: no question of it.
    found = candidate_texts("The Vale Company bought the land in 1901 and took custody in 1903.")
    assert "1903" in found.values() and not [q for q in found if "custody of" in q], found


def test_the_date_of_an_event_noun_is_asked_with_its_verb() -> None:
    found = candidate_texts("Ada Byrne ran the Harwell Museum for a decade and then taught at the Vale School until her retirement in 1975.")
    assert found.get("In what year did Ada Byrne retire?") == "1975", found
    found = candidate_texts("A quarrel over the accounts caused the resignation of Bishop Tom Akers in March 1932.")
    assert found.get("When did Bishop Tom Akers resign?") == "March 1932", found


def test_an_event_still_to_come_is_not_asked_as_past() -> None:
    found = candidate_texts("Ada Byrne will lead the Harwell Museum until her retirement in 2030.")
    assert "2030" in found.values() and not [q for q in found if q.endswith("retire?")], found


def test_each_of_two_periods_in_parallel_phrases_is_asked_with_its_own_phrase() -> None:
    found = candidate_texts("Ada Byrne sailed to Chile to paint birds on the coast from 1901 to 1905 and to the Coral Islands from 1907 to 1910.")
    assert found.get("When did Ada Byrne sail to Chile to paint birds on the coast?") == "1901 to 1905", found
    assert found.get("When did Ada Byrne sail to the Coral Islands?") == "1907 to 1910", found
    # The second phrase has no words before its period: it shares the first one's ("at sea").
    found = candidate_texts(
        "Ada Byrne sang in Vienna from May 2, 1940 to June 1, 1943, as a soloist with the Court Opera"
        " and from April 9, 1950 to March 3, 1951, as a soloist with the City Choir."
    )
    assert found.get("When did Ada Byrne sing in Vienna as a soloist with the City Choir?") == "April 9, 1950 to March 3, 1951", found
    # A verb of its own in the second phrase: two acts, not one act in two phrases.
    found = candidate_texts("Ada Byrne sailed to Peru from 1901 to 1905 and later taught in Lima from 1907 to 1910.")
    assert "1907 to 1910" in found.values() and not [q for q in found if q.startswith("When did Ada Byrne sail") and "Lima" in q], found


def test_an_ing_phrase_the_parser_took_for_a_clause_is_the_subject_of_the_verb_after_it() -> None:
    found = candidate_texts("Reports by Ross and Lane describing the new method were shown in 1931 to the Harbor Board in Oslo.")
    assert found.get("In what year were reports by Ross and Lane describing the new method shown to the Harbor Board in Oslo?") == "1931", found


def test_the_date_of_a_named_gathering_is_asked_when_it_was_held() -> None:
    found = candidate_texts("The fishing treaty was signed after a Harwell Peace Conference in Oslo in May 1921.")
    assert found.get("When was the Harwell Peace Conference in Oslo held?") == "May 1921", found
    # "the Conference" alone could be any.
    found = candidate_texts("The fishing treaty was signed after the Conference in May 1921.")
    assert "May 1921" in found.values() and not [q for q in found if q.endswith("held?")], found
