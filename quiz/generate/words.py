"""Word lists the generator shares: geography, category nouns, months, numbers, scales and time words.

General English and geography only, never names taken from any particular article. Each list
lives here once; the modules that test words against them import them.
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
# Continents, oceans and the world regions spoken of like them: the backdrop of a story, too broad to be
# the fact a card asks for ("the firm sold its mills in {{Asia}}", "Where did the ferry line open routes?").
REGIONS = frozenset(
    ("africa", "antarctica", "asia", "europe", "oceania", "eurasia", "americas", "north america", "south america",
     "central america", "latin america", "middle east", "near east", "far east", "caribbean", "arctic",
     "southeast asia", "east asia", "south asia", "central asia", "western europe", "eastern europe",
     "sub saharan africa", "north africa", "west africa", "east africa", "southern africa", "central africa",
     "western hemisphere", "eastern hemisphere", "northern hemisphere", "southern hemisphere", "new world", "old world",
     "atlantic", "pacific", "indian ocean", "atlantic ocean", "pacific ocean", "arctic ocean", "southern ocean")
)
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
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words of office titles, lower case in a wh-phrase even where the tagger took them for a name.
TITLE_WORDS = frozenset(
    """minister secretary president vice deputy chief prime foreign trade finance defence defense interior health
    education justice commerce economy labour labor energy agriculture transport state general senator governor
    mayor ambassador chancellor commissioner director chairman judge justice""".split()
)
# Offices written before a person's name: "Deputy Administrator Lena Voss", "Colonel Tom Akers".
OFFICE_WORDS = frozenset(
    """minister secretary president vice deputy chief premier senator governor mayor ambassador chancellor
    commissioner director chair chairman chairwoman judge administrator curator professor commander captain lieutenant
    colonel general admiral sergeant major representative rep sen gov king queen prince princess emperor pope
    bishop""".split()
)
# Forms of address, not offices: "Dr. Thomas Yates" has no role to ask with ("Which dr.").
HONORIFICS = frozenset("dr mr mrs ms miss prof sir dame mx".split())

# Numbers written in words. SMALL_NUMBERS[n] is n; NUMBER_PHRASE_WORDS start a spelled-out count
# ("two and a half"); COUNT_WORDS make a number entity a count ("two million").
SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
NUMBER_PHRASE_WORDS = "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred".split()
COUNT_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
    nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen hundred hundreds thousand thousands million
    millions billion""".split()
)
# Ordinals worth a gap: "the 27th country", "its seventh director"; "first" and "second" are too easy to guess.
ORDINAL_WORDS = frozenset("third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())
# Units a count of time is told in: "72 hours", "12 billion years", "every 2.5 seconds".
TIME_UNITS = "seconds? minutes? hours? days? weeks? months? years? decades? centuries century millennia millennium light-years?".split()
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Words that hedge or bound a number ("about 20,000", "more than 600"), and how a question says them.
NUMBER_MODIFIERS = frozenset("about approximately some around roughly nearly almost up to at least more than over under fewer less just only".split())
APPROXIMATORS = {"about": "About", "estimated": "About", "est": "About", "approximately": "About", "some": "About", "around": "About", "roughly": "About",
                 "nearly": "Nearly", "almost": "Nearly", "least": "At least", "more": "More than", "over": "More than"}

# Time told relative to another moment: a date answer holding it means nothing out of context
# (RELATIVE_DATE); a question holding it only on the article's date (RELATIVE_TIME_IN_TEXT);
# and the words timeref.py cuts from questions and gaps.
RELATIVE_DATE = re.compile(
    r"\b(?:last|next|this|recent|ago|today|tonight|yesterday|tomorrow|earlier|later|now|current|past|coming|"
    r"previous|same|each|every|daily|weekly|monthly|annually|annual|year-old|years? old|a year|one day|a day|"
    r"the day|a week|the week|the year|the month|a month)\b",
    re.IGNORECASE,
)
RELATIVE_TIME_IN_TEXT = re.compile(
    r"\b(?:(?:last|next|this|past|coming) (?:year|month|week|summer|winter|spring|autumn|fall|decade)|yesterday|today|tomorrow|"
    r"tonight|ago|recently|in recent (?:days|weeks|months|years))\b",
    re.IGNORECASE,
)
RELATIVE_ADVERBS = frozenset("later earlier afterwards afterward then subsequently thereafter previously".split())
# Adverbs linking a sentence to the one before ("By 1957, however, …", "X also found …"): read
# alone, a card keeps the link but not what it links to.
LINKING_ADVERBS = frozenset(
    "however also moreover furthermore nevertheless nonetheless therefore thus consequently meanwhile additionally likewise similarly hence separately concurrently ultimately overall thereby accordingly".split()
)
TIME_NOUNS = frozenset("day days week weeks month months year years morning afternoon evening night season summer winter spring autumn fall decade".split())
RELATIVE_DETERMINERS = frozenset("that this next last previous following same".split())
RELATIVE_MODIFIERS = frozenset("before after later earlier".split())
