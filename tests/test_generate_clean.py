"""Text cleaning for quiz generate: no spaCy needed."""

from __future__ import annotations

from datetime import date

from quiz.generate.clean import clean_article, extract_html, looks_english


def test_joins_hard_wrapped_lines_and_keeps_headline_as_title() -> None:
    raw = (
        "Storm Closes Harbour\n\nThe harbour was closed on Monday after a storm damaged the main pier and two\n"
        "cranes, port officials said.\n"
    )
    article = clean_article("storm.txt", raw)
    assert article.title == "Storm Closes Harbour"
    assert [p.text for p in article.paragraphs] == [
        "The harbour was closed on Monday after a storm damaged the main pier and two cranes, port officials said."
    ]


def test_drops_bylines_navigation_comments_and_bios() -> None:
    raw = "\n\n".join([
        "Skip to main content",
        "By Ann Writer | Staff Writer | 01 June 2009",
        "The council approved the budget in 2009 after a long debate.",
        "Filed under: Politics",
        "soundoff (2 Responses)",
        "Bob\n\nThis is all wrong, the council never listens to anyone.",
    ])
    article = clean_article("council.txt", raw)
    assert [p.text for p in article.paragraphs] == ["The council approved the budget in 2009 after a long debate."]
    assert article.published == date(2009, 6, 1)

    bio = "The museum opened in 1901 in the old town hall.\n\nAnn Writer is a reporter for The Daily Example. Follow her on X."
    assert [p.text for p in clean_article("m.txt", bio).paragraphs] == ["The museum opened in 1901 in the old town hall."]


def test_splits_datelines_but_keeps_them_for_quotes() -> None:
    article = clean_article("x.txt", "Washington (CNN) - U.S. and Cuban officials met in Washington on Friday to talk.")
    paragraph = article.paragraphs[0]
    assert paragraph.lead == "Washington (CNN) - "
    assert paragraph.text.startswith("U.S. and Cuban officials")


def test_photo_caption_after_credit_is_dropped() -> None:
    raw = "Close-up of a monitor (AP Images)\n\nFlights are listed on a monitor at the airport.\n\nThe airline added four routes in 2012 to meet demand."
    assert [p.text for p in clean_article("x.txt", raw).paragraphs] == ["The airline added four routes in 2012 to meet demand."]


def test_repeated_standfirst_is_kept_once() -> None:
    raw = "The mayor said the bridge will reopen in May.\n\nNow the mayor said the bridge will reopen in May, officials confirmed on Tuesday."
    texts = [p.text for p in clean_article("x.txt", raw).paragraphs]
    assert texts == ["Now the mayor said the bridge will reopen in May, officials confirmed on Tuesday."]


def test_html_body_only() -> None:
    html = (
        "<html><head><title>T</title><script>var a = 'The script said this in 1999.';</script></head><body>"
        "<nav>Home | News</nav><article><h1>Penicillin at ninety</h1><p>Alexander Fleming discovered "
        "penicillin in 1928.</p><figure><figcaption>Fleming at work.</figcaption></figure></article>"
        "<footer>All rights reserved.</footer></body></html>"
    )
    headings, text = extract_html(html)
    assert headings[-1] == "Penicillin at ninety"
    assert "Alexander Fleming discovered penicillin in 1928." in text
    assert "script" not in text and "Home" not in text and "Fleming at work" not in text and "rights" not in text
    article = clean_article("p.html", html)
    assert article.title == "Penicillin at ninety"


def test_markdown_links_and_headings() -> None:
    article = clean_article("a.md", "# The Canal\n\nThe [canal](http://x) opened in **1869** after ten years of work.")
    assert article.title == "The Canal"
    assert article.paragraphs[0].text == "The canal opened in 1869 after ten years of work."


def test_english_detection() -> None:
    assert looks_english("The council approved the budget in 2009 after a long debate.")
    assert not looks_english("Der Hund ist sehr gross und die Katze ist klein und sie spielen im Garten.")


def test_prose_starting_with_by_or_from_is_no_byline() -> None:
    raw = "\n\n".join([
        "Railways in Britain",
        "By Ann Writer | Staff Writer",
        "By 1850, Britain had more than 6,000 miles of track.",
        "By the end of the decade the network reached every large town.",
        "From Paris, the line ran south to Lyon and Marseille.",
    ])
    assert [p.text for p in clean_article("r.txt", raw).paragraphs] == [
        "By 1850, Britain had more than 6,000 miles of track.",
        "By the end of the decade the network reached every large town.",
        "From Paris, the line ran south to Lyon and Marseille.",
    ]


def test_a_sentence_without_its_final_period_is_kept_and_run_on_credits_go() -> None:
    raw = "\n\n".join([
        "NASA Remembers Former Johnson Director George W. S. Abbey",
        "The council approved the budget in 1998 after a vote in Geneva. By Ann Writer | Staff",
        "The treaty was signed in Lima by the ministers of both countries after years of talks about the border",
        "The bridge opened in 1932. Photo (AP Images)",
    ])
    article = clean_article("x.txt", raw)
    assert article.title == "NASA Remembers Former Johnson Director George W. S. Abbey"
    assert [p.text for p in article.paragraphs] == [
        "The council approved the budget in 1998 after a vote in Geneva.",
        "The treaty was signed in Lima by the ministers of both countries after years of talks about the border",
        "The bridge opened in 1932.",
    ]
