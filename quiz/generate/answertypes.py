"""What kind of thing an answer is: its type (for distractors) and the wh-phrase that asks for it.

Types: person, organization, country, state, city, place, year, day, month, duration,
date, number, money, percent, thing. The word lists are general English and geography, never
names taken from any particular article.
"""

from __future__ import annotations

import re

COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi
    cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech denmark
    djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
    germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia
    lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma
    namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
    thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe britain england scotland wales""".split()
) | frozenset(
    ("united states", "us", "u s", "usa", "america", "united kingdom", "uk", "u k", "soviet union", "ussr",
     "south africa", "south korea", "north korea", "new zealand", "saudi arabia", "sri lanka", "costa rica",
     "el salvador", "dominican republic", "puerto rico", "ivory coast", "sierra leone", "east timor",
     "trinidad and tobago", "papua new guinea", "united arab emirates", "czech republic", "vatican city",
     "central african republic", "equatorial guinea", "burkina faso", "cape verde", "san marino",
     "east germany", "west germany")
)
STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin
    wyoming ontario quebec alberta bavaria""".split()
) | frozenset(("new hampshire", "new jersey", "new mexico", "new york state", "north carolina", "north dakota",
               "rhode island", "south carolina", "south dakota", "west virginia", "british columbia"))
# Category nouns that name what a named thing is: "Miami International Airport" -> "airport".
CATEGORY_NOUNS = frozenset(
    """academy accord accords act administration agency agreement airline airport alliance army assembly
    association bank bay bridge bureau canal cathedral center centre channel church city coast college commission
    committee company conference congress constitution convention corporation council court declaration
    department desert doctrine embassy empire exchange federation festival forest foundation front fund gulf
    hospital house institute island islands journal lake laboratory law league library magazine ministry mission
    monument mountain mountains museum navy network ocean office organization organisation palace park parliament
    party peninsula plan plant policy port program railroad programme project province railway reactor republic revolution
    river school sea senate service society square stadium station straits strait summit telescope temple times
    tower treaty tribunal union university valley war""".split()
)
# Forms of address, not offices: "Dr. Thomas Yates" has no role to ask with ("Which dr.").
HONORIFICS = frozenset("dr mr mrs ms miss prof sir dame mx".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
NUMBER_WORD_LIST = "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred".split()
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
RELATIVE_TIME = re.compile(
    r"\b(?:last|next|this|recent|ago|today|tonight|yesterday|tomorrow|earlier|later|now|current|past|coming|"
    r"previous|same|each|every|daily|weekly|monthly|annually|annual|year-old|years? old|a year|one day|a day|"
    r"the day|a week|the week|the year|the month|a month)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(?:1[0-9]|20)\d{2}$")
DAY = re.compile(rf"^(?:(?:{'|'.join(MONTH_NAMES)})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{'|'.join(MONTH_NAMES)})(?:\s+\d{{4}})?)$", re.IGNORECASE)
MONTH = re.compile(rf"^(?:{'|'.join(MONTH_NAMES)})(?:\s+(?:of\s+)?\d{{4}})?$", re.IGNORECASE)
DURATION = re.compile(rf"^(?:\d[\d,.]*|{'|'.join(NUMBER_WORD_LIST)})[- ](?:years?|months?|weeks?|days?|decades?|centuries|century|hours?)$", re.IGNORECASE)
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozen hundred hundreds thousand thousands million millions billion".split()
)


def answer_type(text: str, label: str) -> str | None:
    """The answer's type, or None when the text makes a poor answer: relative dates ("last year")
    and weekdays, which only mean something next to the article's date."""
    folded = " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())
    if label == "PERSON" and re.search(r"\d", text):
        return "thing"  # "Aurora X2": a product, not a person
    if label == "PERSON":
        last = folded.split()[-1] if folded.split() else ""
        return "organization" if name_kind(last) and last not in SURNAME_LIKE else "person"
    if label == "GPE":
        if folded in COUNTRIES:
            return "country"
        return "state" if folded in STATES else "city"
    if label == "ORG" and generic(folded):
        return None
    if label in ("ORG", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"):
        return "organization" if label == "ORG" else "place" if label in ("LOC", "FAC") else "thing"
    if label == "DATE":
        return date_type(text, folded)
    if label in ("CARDINAL", "QUANTITY"):
        if re.search(r"\d-[^\W\d]", text):
            return None  # "a 5,000-metre champion": a measure made an adjective names a kind, not a count
        vague = re.search(r"\b(?:hundreds|thousands|millions|billions|dozens|tens)\b", folded)
        return "number" if not vague and (re.search(r"\d", text) or folded.split()[0] in NUMBER_WORDS) else None
    if label in ("MONEY", "PERCENT"):
        return label.lower()
    return None


def generic(folded: str) -> bool:
    """A capitalised description rather than a name: "the Island Government" is made only of
    category words, where "Commerce Department" has a word of its own."""
    words = folded.split()
    vocabulary = CATEGORY_NOUNS | {w for _, group in NAME_KINDS for w in group.split()}
    return len(words) >= 2 and all(w in vocabulary or w in ("of", "and", "the") for w in words)


def date_type(text: str, folded: str) -> str | None:
    if YEAR.match(text):
        return "year"
    if folded in WEEKDAYS or RELATIVE_TIME.search(text):
        return None
    if DAY.match(text):
        return "day"
    if MONTH.match(text):
        return "month"
    if DURATION.match(text):
        return "duration"
    if re.fullmatch(r"\d{4} and \d{4}|(?:the )?(?:early |late |mid-)?(?:1[0-9]|20)\d0s", folded):
        return "years"
    return "date" if re.search(r"\d{4}", text) else None


# Kinds of organisations and things, so distractors are of the same kind: a news outlet against
# news outlets, a government agency against agencies, a treaty against laws and treaties. The
# first group whose words appear in a name (or its spelled-out alias) decides.
NAME_KINDS = (
    ("outlet", "news newspaper herald times post journal tribune gazette telegraph press chronicle magazine radio television broadcasting wire"),
    ("international", "nations international world global league alliance union organization organisation"),
    ("academic", "university college institute academy school laboratory survey observatory museum society"),
    ("government", "department ministry agency bureau administration commission customs treasury police army navy"
     " congress senate parliament court government office service house cabinet"),
    ("company", "inc corp corporation company co ltd llc plc group holdings airlines airline motors technologies"
     " semiconductor semiconductors bank systems industries pharmaceuticals"),
    ("party", "party democrats republicans"),
    ("law", "act acts law treaty protocol accord accords agreement convention amendment bill declaration constitution charter"),
    ("award", "prize award medal"),
    ("event", "war revolution summit olympics games conference crisis election expedition battle trials trial contest"
     " race championship championships tournament cup exhibition fair festival"),
    ("water", "ocean sea gulf bay river lake strait straits channel canal"),
    ("land", "mountain mountains desert valley peninsula island islands coast forest plain plains"),
)


# Category nouns too vague to ask with ("Which house said…"), and wh-phrases by kind instead.
VAGUE_CATEGORIES = frozenset("house times post office front mission union network service port plant square exchange fund journal".split())
KIND_WH = {
    "government": "Which government body", "international": "Which international organization",
    "academic": "Which institution", "company": "Which company", "party": "Which party", "event": "Which event",
}
NEWSPAPER_WORDS = frozenset("herald times post tribune gazette journal chronicle daily telegraph".split())
# Kind words that are also surnames: a person called "Post" or "House" stays a person.
SURNAME_LIKE = frozenset("post house bank press court law bill wire service party union group".split())


def name_kind(*forms: str) -> str:
    """The kind of an organisation or thing ("government", "outlet", "law"…), "" when unknown."""
    words = [set(re.findall(r"[a-z]+", form.casefold())) for form in forms]
    for kind, vocabulary in NAME_KINDS:
        if any(found & set(vocabulary.split()) for found in words):
            return kind
    return ""


def category(text: str) -> str | None:
    """The category noun a name carries ("Treasury Department" -> "department"), if any."""
    words = [w.casefold() for w in re.findall(r"[\w’'-]+", text)]
    if "of" in words[1:]:  # "Gulf of Mexico", "Secretary of State": the head comes first
        head = words[: words.index("of", 1)][-1]
        if head in CATEGORY_NOUNS:
            return head
    if words and words[-1] in CATEGORY_NOUNS:
        return words[-1]
    return None


def which(kind: str, text: str, name: str = "") -> str:
    """The wh-phrase for a named answer: "Who", "Which country", "Which airport", "Which newspaper".
    `text` may carry a category noun the answer lacks ("the Treasury department"); `name` is the
    answer's kind from `name_kind` or "outlet"."""
    if kind == "person":
        return "Who"
    if (noun := category(text)) and noun not in VAGUE_CATEGORIES:
        return f"Which {noun}"
    if name == "outlet":
        words = set(re.findall(r"[a-z]+", text.casefold()))
        return "Which newspaper" if words & NEWSPAPER_WORDS else "Which news organization"
    if name in KIND_WH and kind == "organization":
        return KIND_WH[name]
    return {
        "country": "Which country", "state": "Which state", "city": "Which city",
        "organization": "Which organization", "place": "Where",
    }.get(kind, "What")
