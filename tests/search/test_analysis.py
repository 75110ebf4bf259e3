from search import analysis
from search.engines import sqlite as fts5_syntax


def test_dutch_stemming_joins_word_forms():
    assert analysis.stem("scheidingen") == analysis.stem("scheiding")
    assert analysis.stem("omgangsregelingen") == analysis.stem("omgangsregeling")
    assert analysis.stem("ouderschapsplannen") == analysis.stem("ouderschapsplan")
    assert analysis.stem("kindgesprekken") == analysis.stem("kindgesprek")


def test_parse_keeps_phrases_and_drops_stop_words():
    parsed = analysis.parse('hoe werkt "begeleide omgang" bij een vechtscheiding')
    assert [(c.words, c.phrase) for c in parsed.clauses] == [
        (("begeleide", "omgang"), True),
        (("werkt",), False),
        (("vechtscheiding",), False),
    ]
    assert fts5_syntax.match(parsed) == '"beleide omgang" AND "werk" AND "vechtscheid"'
    assert not analysis.parse('  ""  ')


def test_tsquery_for_postgresql():
    from search.engines import postgres

    parsed = analysis.parse('hoe werkt "begeleide omgang" bij een vechtscheiding')
    assert postgres.tsquery(parsed) == "(('beleide' <-> 'omgang') & ('werk') & ('vechtscheid'))"
    expression = postgres.tsquery(analysis.parse("omgang:* | !a & b' <-> c"))
    assert ":" not in expression and "!" not in expression and "''" not in expression


def test_query_of_only_stop_words_still_searches():
    assert analysis.parse("de en het").terms == ["de", "en", "het"]


def test_fts5_expression_cannot_be_injected():
    expression = fts5_syntax.match(analysis.parse('omgang* OR NEAR(a b) title:x "unbalanced'))
    assert "*" not in expression and "NEAR(" not in expression and ":" not in expression


def test_highlight_marks_word_forms_and_escapes_html():
    html = analysis.highlight("<b>Scheidingen</b> & de scheiding van ouders", analysis.parse("scheiding").stems)
    assert html == "&lt;b&gt;<mark>Scheidingen</mark>&lt;/b&gt; &amp; de <mark>scheiding</mark> van ouders"


def test_highlight_picks_the_window_with_the_matches():
    text = " ".join(["woord"] * 100) + " het ouderschapsplan is klaar " + " ".join(["tekst"] * 100)
    html = analysis.highlight(text, analysis.parse("ouderschapsplannen").stems, max_words=10)
    assert "<mark>ouderschapsplan</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
