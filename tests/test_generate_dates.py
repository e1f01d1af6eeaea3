"""When, in what year or on what date: questions on a date told of a named noun by a participle or a
relative clause that does not name it. Each test has its positive control. Sentences are invented."""

from __future__ import annotations

from test_generate_question_forms import candidate_texts


def test_a_participle_opening_the_sentence_is_asked_of_its_subject() -> None:
    found = candidate_texts("Completed in 1914, the Tamar Bridge carried rail traffic across the river.")
    assert found.get("In what year was the Tamar Bridge completed?") == "1914", found
    # "the school" could be any school: no question.
    found = candidate_texts("Founded in 1910, the school on the hill trained 300 nurses for the Royal Navy.")
    assert "1910" in found.values() and not [q for q in found if q.endswith("?") and "founded" in q], found


def test_a_participle_or_relative_clause_of_an_apposition_is_asked_of_the_name() -> None:
    found = candidate_texts("The Harlow Institute, a charity founded in 1910, runs six schools in Leeds.")
    assert found.get("In what year was the Harlow Institute founded?") == "1910", found
    found = candidate_texts("The Harlow Institute, a charity that was founded in 1910 by Ada Byrne, runs six schools in Leeds.")
    assert found.get("In what year was the Harlow Institute founded?") == "1910", found


def test_a_relative_clause_of_what_a_name_is_is_asked_of_the_name() -> None:
    found = candidate_texts("The Vale Accord was a pact which came into force in 1921.")
    assert found.get("In what year did the Vale Accord come into force?") == "1921", found


def test_an_act_of_instituting_after_a_purpose_phrase_tells_of_the_noun_the_phrase_hangs_on() -> None:
    found = candidate_texts("The Truro Accord was an agreement to outlaw war signed on May 2, 1921.")
    assert found.get("On what date was the Truro Accord signed?") == "May 2, 1921", found
    found = candidate_texts(
        "Both men worked for the Harlow Institute, a charity devoted to promoting literacy that was established in 1910 by the banker Ada Byrne."
    )
    assert found.get("In what year was the Harlow Institute established?") == "1910", found
    # Grain can be grown: the participle tells of the grain, and no question asks when the plan was.
    found = candidate_texts("The Vale Plan was a scheme to import grain grown in 1920.")
    assert "1920" in found.values() and not [q for q in found if q.endswith("?") and "1920" not in q], found


def test_a_period_of_two_dates_sharing_a_year_is_one_answer() -> None:
    found = candidate_texts("The envoys met at Harwell Manor in London in August and September 1921 to draft the charter.")
    assert found.get("When did the envoys meet at Harwell Manor in London to draft the charter?") == "August and September 1921", found
    assert not [text for text in found if "{{August}}" in text or "{{September 1921}}" in text], found  # one end beside the other gives it away
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
    found = candidate_texts("The Vale Company bought the land in 1901 and took possession in 1903.")
    assert "1903" in found.values() and not [q for q in found if "possession of" in q], found


def test_the_date_of_an_event_noun_is_asked_with_its_verb() -> None:
    found = candidate_texts(
        "Ada Byrne served as the director of the Harwell Museum from 1962 to 1974, before leaving to become the first curator"
        " for the Vale Gallery from 1974 until her retirement in 1980."
    )
    assert found.get("In what year did Ada Byrne retire?") == "1980", found
    found = candidate_texts("The lost vote of 1956 led to the resignation of Prime Minister Tom Akers in January 1957.")
    assert found.get("When did Prime Minister Tom Akers resign?") == "January 1957", found


def test_an_event_still_to_come_is_not_asked_as_past() -> None:
    found = candidate_texts("Ada Byrne will lead the Harwell Museum until her retirement in 2030.")
    assert "2030" in found.values() and not [q for q in found if q.endswith("retire?")], found


def test_each_of_two_periods_in_parallel_phrases_is_asked_with_its_own_phrase() -> None:
    found = candidate_texts("Ada Byrne traveled to Chile to collect beetles in the jungle from 1848 to 1852 and to the Coral Islands from 1854 to 1862.")
    assert found.get("When did Ada Byrne travel to Chile to collect beetles in the jungle?") == "1848 to 1852", found
    assert found.get("When did Ada Byrne travel to the Coral Islands?") == "1854 to 1862", found
    # The second phrase has no words before its period: it shares the first one's ("in the navy").
    found = candidate_texts(
        "Ada Byrne served in the navy from May 2, 1940 to June 1, 1943, as a member of the Coast Patrol"
        " and from July 31, 1950 to July 3, 1951, as a member of the Harbor Guard."
    )
    assert found.get("When did Ada Byrne serve in the navy as a member of the Harbor Guard?") == "July 31, 1950 to July 3, 1951", found
    # A verb of its own in the second phrase: two acts, not one act in two phrases.
    found = candidate_texts("Ada Byrne traveled to Peru from 1848 to 1852 and later taught in Lima from 1854 to 1862.")
    assert "1854 to 1862" in found.values() and not [q for q in found if q.startswith("When did Ada Byrne travel") and "Lima" in q], found


def test_an_ing_phrase_the_parser_took_for_a_clause_is_the_subject_of_the_verb_after_it() -> None:
    found = candidate_texts("Papers by Ross and Lane presenting the new method were read together in 1858 before the Royal Society in London.")
    assert found.get("In what year were papers by Ross and Lane presenting the new method read together before the Royal Society in London?") == "1858", found
