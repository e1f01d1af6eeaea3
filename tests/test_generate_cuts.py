"""Cards a strict reader rejects for what shortening a long sentence left out (quiz/generate/
clozecut.py, shorten.py): a defining relative clause, one half of a "from … to …" pair, a word
set off next to a name. Sentences written for these tests, each with the good card of the same
text as its positive control."""

from __future__ import annotations

from generate_cards import offered


def texts(text: str) -> dict[str, str]:
    """Every cloze and question of the text that passes the filters: text -> answer."""
    return {c.text: c.answer for c in offered(text) if c.kind != "truefalse"}


APPS = (
    "Using church grants, two free apps from Leeds College in Yorkshire and Durham University in Hexham are now helping "
    "teachers, school nurses, sports clubs, and others to send volunteers to schools that need their support."
)


def test_a_defining_relative_clause_is_not_cut_alone() -> None:
    found = texts(APPS)
    assert not any(text.endswith("volunteers to schools.") for text in found), found  # "schools" alone: any school


def test_a_to_phrase_of_the_verb_can_go_whole() -> None:
    # The "to schools …" after "send" goes whole with its relative clause.
    found = texts(APPS)
    assert any(text.endswith("and others to send volunteers.") and "{{Leeds College}}" in text for text in found), found


def test_a_that_clause_is_not_left_without_its_verb() -> None:
    found = texts(
        "Ruth Vance and Paul Hale argued that shops with loyal regular buyers who help them best ride out long winters in "
        "poor towns will stay open and earn more money than the shops with buyers that are less willing to return. "
        "Ruth Vance was born in Leeds in 1902."
    )
    assert not any(text.endswith("with loyal regular buyers.") for text in found), found
    assert any("{{1902}}" in text or answer == "1902" for text, answer in found.items()), found  # positive control


def test_a_from_phrase_paired_with_a_to_phrase_is_not_cut_alone() -> None:
    found = texts(
        "A sound land registry requires the quick transfer of deeds from the Harbor Office to the County Court to the "
        "Tamar Land Board, with vital help from the Devon Archive, and later the Truro Tax Office and the Bodmin Mint."
    )
    assert not any("deeds to the County Court to" in text for text in found), found  # "to … to …"
    assert any(text.startswith("A sound land registry requires the quick transfer of deeds from the Harbor Office to the County Court") and "{{Devon Archive}}" in text for text in found), found


def test_a_to_phrase_hung_on_its_from_phrase_is_not_cut_alone() -> None:
    found = texts(
        "The Tamar Museum’s new galleries will show every stage of Cornish mining over the past 400 years — from the "
        "first tin streams of the moors to the great copper works in the valleys of the far west."
    )
    assert not any(text.endswith("from the first tin streams of the moors.") for text in found), found
    assert "The Tamar Museum’s new galleries will show every stage of Cornish mining over the past {{400 years}}." in found, found


def test_the_second_half_of_between_is_not_cut() -> None:
    found = texts(
        "The four chief aims of the new reform—lower fees for the farmers and the millers, fair courts, and open roads—were "
        "meant to draw a sharp line between the Old Shire and the corrupt rule of the York Barons."
    )
    assert not any(text.endswith("a sharp line between the Old Shire.") for text in found), found
    assert any(text.endswith("a sharp line between the {{Old Shire}} and the corrupt rule of the York Barons.") for text in found), found


def test_a_question_on_the_start_of_a_span_whose_end_hangs_apart_is_not_asked() -> None:
    found = texts(
        "In her long career at the harbour, Ada Byrne worked as the first map keeper for the Tamar Harbor Archive in "
        "the busy port of Truro from 1966 until her retirement to a farm in Devon."
    )
    # "When did Ada Byrne work …?" with 1966: she worked from 1966 on, not in 1966.
    assert not any(answer == "1966" and text.endswith("?") for text, answer in found.items()), found
    assert any(text.endswith("from {{1966}} until her retirement to a farm in Devon.") for text in found), found  # the cloze keeps both ends


def test_a_phrase_whose_examples_follow_is_not_cut() -> None:
    found = texts(
        "In return, the Miners’ Union promised to shun meddling in the domestic matters of the valley, such as the long "
        "Welsh campaign for freedom from the Norman Crown, and not to tax the old Irish farms already in Wales."
    )
    assert not any("meddling, such as" in text for text in found), found  # a meddling such as a campaign
    assert any(text.endswith("such as the long Welsh campaign for freedom from the {{Norman Crown}}.") for text in found), found


def test_a_status_cut_after_a_name_leaves_the_comma_that_closes_the_name() -> None:
    found = texts(
        "On May 3, 2019, President Ada Byrne of the Harbor League will award the Tamar Medal to Colonel Tom Akers, Jr., "
        "Royal Navy, Retired, for great courage during the Cornish storm."
    )
    assert not any("Royal Navy}} for" in text or "Royal Navy for" in text for text in found), found
    # The service after a rank is no gap (loose.py); cut with its status, it leaves the name's closing comma.
    assert any("to Colonel {{Tom Akers}}, Jr., for great courage" in text for text in found), found


def test_asides_cut_together_after_a_name_take_their_commas() -> None:
    # No comma before them stays: "Captain Ann Lee for …", not "Captain Ann Lee, for …".
    found = texts(
        "On May 3, 2019, the governor of Devon will award the Tamar Medal to Captain Ann Lee, Retired, Royal Navy, "
        "for great courage during the Cornish storm of 1953."
    )
    assert any(text.endswith("to Captain {{Ann Lee}} for great courage during the Cornish storm of 1953.") for text in found), found


def test_a_noun_the_tagger_took_for_a_verb_is_no_clause_to_cut_to() -> None:
    # "astronauts" tagged as a verb: the cut kept it as the clause's verb and dropped the real one.
    found = texts(
        "Harbor League astronauts Ann Lee, Tom Akers, Eva Stone, and Jon Hale, as well as Devon cosmonauts Rita Moss, "
        "Paul Kerr, and Ada Byrne make up Crew 12 and will stay on the moon base until this spring.\n\n"
        "Tamar astronauts Ann Lee, Tom Akers, Eva Stone, and Jon Hale, as well as Cornish cosmonauts Rita Moss, Paul Kerr, "
        "and Ada Byrne make up Crew 12 and will live on the circling base until this spring."
    )
    assert not any(text.endswith(("Rita Moss, Paul Kerr.", "{{Paul Kerr}}.")) for text in found), found
    assert any(text.endswith("Paul Kerr, and Ada Byrne make up {{Crew 12}}.") for text in found), found  # positive control


def test_leaving_out_a_relative_time_keeps_the_subject_hung_on_it() -> None:
    # The parser hangs "Byrne's book" on "year" as an apposition: the time goes, the subject stays.
    found = texts("The following year Byrne’s book, On the Tides of Truro, was published.")
    assert not any(text.startswith("On the") for text in found), found
    assert "Byrne’s book, On the {{Tides of Truro}}, was published." in found, found


def test_a_long_cloze_loses_a_bracketed_aside_first() -> None:
    found = texts(
        "The freshly formed Union of Mercia at once chose Paul Hale-Vance (a Welsh potter who had taken part in the "
        "earlier York wool strike of the weaving guilds) as Chief Keeper of the Royal Seal and Warden of the Marches."
    )
    assert "The freshly formed Union of Mercia at once chose {{Paul Hale-Vance}} as Chief Keeper of the Royal Seal and Warden of the Marches." in found, found


def test_brackets_parallel_to_a_bracketed_gap_stay() -> None:
    found = texts(
        "The council set up a row of small working groups: the York Road Group (March 1861), the Leeds Water Panel "
        "(May 1861), the Hull Dock Board (August 1862), the Ripon School Fund (October 1862), and the Whitby Lamp Trust. "
        "The Whitby Lamp Trust lit its first street lamp in Whitby in 1864."
    )
    dated = [text for text, answer in found.items() if answer in ("March 1861", "May 1861", "August 1862", "October 1862")]
    assert all("(March 1861)" in text or "{{March 1861}}" in text for text in dated), dated  # the other dates stay
    assert any("{{1864}}" in text or answer == "1864" for text, answer in found.items()), found  # positive control


def test_the_last_of_two_joined_nouns_is_not_cut() -> None:
    found = texts(
        "In response, the Harbor League, worried about keeping the small fishing port of Truro free from the old and hated "
        "Tamar river tolls as well as the risk that the Devon guilds would close the river, pressured Cornwall and Wessex "
        "to accept a truce on November 6."
    )
    assert not any(text.endswith("pressured Cornwall.") for text in found), found  # it pressured both
    # Positive control: the cut card keeps both (a place of the pair is no gap of its own: conjuncts.py).
    assert "The {{Harbor League}} pressured Cornwall and Wessex to accept a truce on November 6." in found, found


def test_the_as_phrase_of_a_noun_is_not_cut() -> None:
    # "a naming as a Friend of Music": the role is what the noun means; cut, "a naming" says nothing.
    found = texts(
        "Further prizes grew to include a naming as a Friend of Music by the Leeds Trust for Rural Song, election as a "
        "2011 Honoured Alumnus of the York Choir School, and a 2015 winner of the Welsh Singers’ Harp Prize."
    )
    assert not any("election," in text or "a naming by" in text for text in found), found
    assert any(text.startswith("Further prizes grew to include a naming as a Friend of Music") and "{{2015}}" in text for text in found), found


CHOIRS = (
    "To illustrate, a choir with 30 equally well trained young singers is louder than a choir that has 30 young singers "
    "wherein only one of those singers gives 70 percent of the sound rather than them being evenly matched. "
    "The York choir was first formed in 1874."
)


def test_a_clause_the_parser_joined_to_the_wrong_verb_is_not_cut_out() -> None:
    # "wherein one of those singers gives …" read as a second clause of "is": alone it says nothing of which choir.
    found = texts(CHOIRS)
    assert not any(text.startswith("Only one of the singers") for text in found), found
    assert any("{{1874}}" in text or answer == "1874" for text, answer in found.items()), found  # positive control


def test_a_closing_rather_than_goes_before_what_a_comparison_compares() -> None:
    found = texts(CHOIRS)
    assert (
        "A choir with 30 equally well trained young singers is louder than a choir that has 30 young singers wherein only one "
        "of the singers gives {{70 percent}} of the sound."
    ) in found, found
    assert not any(text.startswith("A choir is louder") for text in found), found  # "with 30 … singers" is what is compared


def test_a_clause_hung_on_the_noun_after_it_is_not_cut() -> None:
    # The parser hangs "while serving as the Commander" on the unit after it: cut, the unit runs into "duty".
    found = texts(
        "Then-First Lieutenant Tom Akers, Jr. distinguished himself by acts of gallantry and intrepidity above and beyond "
        "the call of duty, while serving as the Commander, 4th U.K. Navy Rescue Company during the period of November 25, "
        "and 26, 1950, in Cornwall."
    )
    assert not any("call of duty 4th" in text or "call of duty {{4th" in text for text in found), found
    assert any(text.endswith("while serving as the Commander, {{4th U.K. Navy Rescue Company}}.") for text in found), found


def test_the_and_the_parser_hung_on_dropped_examples_stays() -> None:
    found = texts(
        "In turn, the Farmers’ Guild promised to avoid entanglement in the tribal feuds of the east, such as the long Gothic "
        "campaign for freedom from the Roman Empire, and not to trade in the old Greek ports already in Crete."
    )
    assert not any("of the east not to trade" in text for text in found), found
    assert found.get(
        "Who promised to avoid entanglement in the tribal feuds of the east and not to trade in the old Greek ports already in Crete?"
    ) == "Farmers’ Guild", found


CURATOR = (
    "Byrne served as the director of the Harbor Map Program from 1951 to 1966, before leaving to become the first map "
    "curator for the Admiralty’s National Sea and Harbor Museum from 1966 until her retirement in 1979."
)


def test_what_a_rank_is_among_is_not_cut() -> None:
    found = texts(CURATOR)
    assert not any("the first map curator from 1966" in text for text in found), found  # the first curator of what?
    assert any(text.endswith("the first map curator for the Admiralty’s {{National Sea and Harbor Museum}}.") for text in found), found



def test_a_date_phrase_of_a_verb_can_go_inside_a_long_cloze() -> None:
    found = texts(
        "Hale ran the Leeds Seed Project from 1931 to 1947, before moving on to become the first head gardener for the "
        "Duke’s Royal Rose and Herb Garden from 1947 until his death in 1960."
    )
    assert (
        "Hale ran the Leeds Seed Project, before moving on to become the first head gardener for the "
        "Duke’s Royal Rose and Herb Garden from 1947 until his death in {{1960}}."
    ) in found, found


def test_a_date_phrase_with_a_parallel_joined_by_and_stays() -> None:
    found = texts(
        "Matron Hale worked abroad from March 3, 1915 to June 9, 1916, as a nurse of the 2nd Field Hospital during the Somme "
        "battles and from May 1, 1941 to May 8, 1942, as the head of the 7th Base Hospital during the desert campaign."
    )
    assert not any("worked abroad, as a nurse" in text for text in found), found  # the second span read as the first's
    assert "Matron Hale worked abroad from {{March 3, 1915 to June 9, 1916}}." in found, found  # positive control


def test_an_even_cut_from_the_clause_it_contrasts_with_is_no_card() -> None:
    found = texts(
        "Through patient grafting, growers in Kent have raised apples, pears, and plums, but even this range is facing "
        "decline because of cheap imports and rising costs in Welsh farming and shipping. The Kent pear was first grown in 1790."
    )
    assert not any(text.startswith("Even the range") for text in found), found  # even as against what?
    assert any("{{1790}}" in text or answer == "1790" for text, answer in found.items()), found  # positive control


def test_what_someone_was_selected_for_is_not_cut() -> None:
    found = texts(
        "The Rail Trust, on orders of the Northern Roads Agency (NRA), has chosen Vale Works (once called Hale & Moss Engine "
        "Company) of Leeds, Yorkshire, to build a train to haul coal and carry news about the state of the tracks in the "
        "hills for the Agency’s Safe Track Long Watch (STLW) scheme."
    )
    assert not any(text.endswith(("of Leeds.", "of {{Leeds}}.", "of Leeds?")) for text in found), found  # chosen for what?
    assert "The Rail Trust has chosen Vale Works of {{Leeds}} to build a train to haul coal and carry news about the state of the tracks in the hills." in found, found


AKERS = (
    "In response, the Akers administration, concerned about dissociating the Cornish Republic from Danish colonialism—especially "
    "in light of its strident condemnation of the Danish intervention in Norway the same week—as well as the possibility that "
    "the Danes would intervene to assist Olaf, pressured Devon and Dorset to accept a Harbor League ceasefire on November 6."
)


def test_an_aside_that_runs_on_past_a_dash_is_not_cut() -> None:
    found = texts(
        "In reply, the Vance cabinet, eager about separating the Welsh Crown from Irish piracy—above all in view of its "
        "fierce censure of the Irish raid on Cornwall that same month—as well as the fear that the Irish would sail to "
        "aid Brian, urged Kent and Essex to sign a Shire Council truce on March 9."
    )
    assert not any("cabinet as well as" in text for text in found), found  # its dash part left hanging
    assert any(text.startswith("The Vance cabinet, eager about separating the {{Welsh Crown}}") for text in found), found


def test_what_a_noun_says_may_happen_is_not_cut_out_as_a_fact() -> None:
    found = texts(AKERS)
    assert "The Danes would intervene to assist {{Olaf}}." not in found, found  # a possibility, not a fact
    assert any(text.endswith("the possibility that the Danes would intervene to assist {{Olaf}}, pressured Devon and Dorset.") for text in found), found


def test_a_name_that_disagrees_with_its_verb_is_no_subject() -> None:
    # "…, Paul Kerr, and Ada Byrne make up Boat 7", the list misparsed: "Ada Byrne" alone is no subject of "make".
    found = texts(
        "Leeds Rowing Club oarsmen Ann Lee, Tom Akers, Eva Stone, and Jon Hale, as well as York coxswains Rita Moss, "
        "Paul Kerr, and Ada Byrne make up Boat 7 and will train at the river camp until next June.\n\n"
        "The river camp was opened by the Leeds Rowing Club in 1998."
    )
    assert not any(text.startswith("{{Ada Byrne}} make") or (answer == "Ada Byrne" and text.endswith("?")) for text, answer in found.items()), found
    assert "What did Ada Byrne make up?" not in found, found
    assert any("{{1998}}" in text or answer == "1998" for text, answer in found.items()), found  # positive control
