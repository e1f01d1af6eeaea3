"""What kind of thing an answer is: its type (for distractors) and the wh-phrase that asks for it.

Types: person, organization, country, state, city, place, year, day, month, weekday, duration,
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
    party peninsula plan plant policy port program programme project province railway reactor republic revolution
    river school sea senate service society square stadium station straits strait summit telescope temple times
    tower treaty tribunal union university valley war""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
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
DURATION = re.compile(r"^(?:\d[\d,.]*|[a-z]+)[- ](?:years?|months?|weeks?|days?|decades?|centuries|century|hours?)$", re.IGNORECASE)
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozen hundred hundreds thousand thousands million millions billion".split()
)


def answer_type(text: str, label: str) -> str | None:
    """The answer's type, or None when the text makes a poor answer (relative dates, adjectives)."""
    folded = " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())
    if label == "PERSON":
        return "person"
    if label == "GPE":
        if folded in COUNTRIES:
            return "country"
        return "state" if folded in STATES else "city"
    if label in ("ORG", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"):
        return "organization" if label == "ORG" else "place" if label in ("LOC", "FAC") else "thing"
    if label == "DATE":
        return date_type(text, folded)
    if label in ("CARDINAL", "QUANTITY"):
        vague = re.search(r"\b(?:hundreds|thousands|millions|billions|dozens|tens)\b", folded)
        return "number" if not vague and (re.search(r"\d", text) or folded.split()[0] in NUMBER_WORDS) else None
    if label in ("MONEY", "PERCENT"):
        return label.lower()
    return None


def date_type(text: str, folded: str) -> str | None:
    if YEAR.match(text):
        return "year"
    if folded in WEEKDAYS:
        return "weekday"
    if RELATIVE_TIME.search(text):
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


def which(kind: str, text: str) -> str:
    """The wh-phrase for a named answer: "Who", "Which country", "Which airport"."""
    if kind == "person":
        return "Who"
    if noun := category(text):
        return f"Which {noun}"
    return {
        "country": "Which country", "state": "Which state", "city": "Which city",
        "organization": "Which organization", "place": "Where",
    }.get(kind, "What")
