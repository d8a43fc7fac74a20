"""read_article: every format, its metadata, and a one-line InputError for every bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.errors import InputError
from claimreview.extract import SUPPORTED_SUFFIXES, extract_claims, read_article

SAMPLES = Path(__file__).resolve().parents[2] / "db" / "samples"


def read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_article(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    return info.value


# --- bad input ----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in str(read_error(tmp_path / "gone.txt"))


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    assert "directory" in str(read_error(folder))


@pytest.mark.parametrize("name", ["report.pdf", "notes", "page.xml"])
def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("The army said 40 people died.\n")
    message = str(read_error(path))
    assert "unsupported" in message
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_only(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in str(read_error(path))


def test_binary_file_names_the_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "photo.md"
    path.write_bytes(b"line one\nline two\x00\x01\x02")
    err = read_error(path)
    assert "binary" in str(err) and "offset 17" in str(err)
    assert err.line == 2


def test_non_utf8_names_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nCafé prices rose 3 percent.\n".encode("latin-1"))
    err = read_error(path)
    assert "UTF-8" in str(err) and "byte offset 10" in str(err) and "0xe9" in str(err)
    assert err.line == 3
    assert str(err).startswith(f"{path}:3: ")


def test_non_utf8_after_bom_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    assert "byte offset 5" in str(read_error(path))


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(5 * 1024 * 1024 + 1)
    assert "too large" in str(read_error(path))


def test_just_under_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b"The ministry said 40 people were hurt in the city on Monday.\n\n"
    path.write_bytes(line * (5 * 1024 * 1024 // len(line)))
    assert read_article(path).text.startswith("The ministry said")


def test_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: Never closed\n\nThe army said 40 people died.\n")
    err = read_error(path)
    assert "never closed" in str(err) and err.line == 1


def test_bad_front_matter_date_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "dated.md"
    path.write_text("---\ntitle: T\ndate: 14 March 2025\n---\nThe army said 40 people died.\n")
    err = read_error(path)
    assert err.line == 3 and err.field == "date"
    assert f"{path}:3: field 'date':" in str(err)


def test_impossible_front_matter_date(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("---\ndate: 2025-02-30\n---\nThe army said 40 people died.\n")
    assert read_error(path).field == "date"


def test_front_matter_line_without_colon(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: T\njust words\n---\nBody text here.\n")
    assert read_error(path).line == 3


def test_front_matter_ignores_unknown_keys_and_yaml_lists(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text(
        "---\ntitle: 'Quoted title'\ntags:\n  - floods\n  - europe\nauthor: X\n"
        "date: 2025-03-14T09:30:00Z\n---\n# Heading\n\nBody with 3 numbers.\n"
    )
    article = read_article(path)
    assert (article.title, article.published) == ("Quoted title", "2025-03-14")
    assert article.text == "Heading\n\nBody with 3 numbers."


def test_front_matter_only_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: T\n---\n\n")
    assert "no article text" in str(read_error(path))


def test_html_without_body_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>T</title></head><body><script>var x = 1;</script></body></html>")
    assert "no article text" in str(read_error(path))


# --- good input ---------------------------------------------------------------------------------


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbfFlood toll rises\r\n\r\nThe army said 40 people died.\r\nOld Mac line\r")
    article = read_article(path)
    assert article.text == "Flood toll rises\n\nThe army said 40 people died.\nOld Mac line"
    assert article.title == "Flood toll rises"
    assert article.uri == str(path)


def test_terminal_escapes_removed(tmp_path: Path) -> None:
    path = tmp_path / "ansi.txt"
    path.write_bytes(b"Title\n\n\x1b[31mThe army said 40 people died.\x1b[0m\x07\n")
    article = read_article(path)
    assert article.text == "Title\n\nThe army said 40 people died."
    [claim] = extract_claims(article.text)
    assert claim.speaker == "army"


def test_html_entities_for_control_characters_removed(tmp_path: Path) -> None:
    # &#27; decodes to ESC only in the parser, after the raw file was cleaned.
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Ti&#x1b;[31mtle</title></head>"
        "<body><p>The army said 40 &#27;[2Jdrones were shot down&#7; overnight.</p></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.title == "Title"
    assert article.text == "The army said 40 drones were shot down overnight."


def test_uppercase_suffix(tmp_path: Path) -> None:
    path = tmp_path / "SHOUT.TXT"
    path.write_text("Headline\n\nBody sentence with 4 numbers.\n")
    assert read_article(path).title == "Headline"


def test_txt_sample_metadata() -> None:
    article = read_article(SAMPLES / "mine-collapse.txt")
    assert article.title == "Rescuers reach 9 of 14 trapped miners in Kessel"
    assert article.publisher == "Northwind Wire"
    assert article.published == "2025-01-22"
    assert article.url == "https://northwind.example/news/kessel-mine"
    assert not article.text.startswith("---")
    assert "publisher:" not in article.text


def test_txt_without_front_matter_takes_first_line_as_title() -> None:
    article = read_article(SAMPLES / "river-flood.txt")
    assert article.title == "Floods force 12,000 from homes along the Varna river"
    assert (article.publisher, article.published, article.url) == (None, None, None)


def test_markdown_is_converted_to_plain_text() -> None:
    article = read_article(SAMPLES / "harbour-strike.md")
    assert article.title == "Dockworkers extend strike at Port Halvard as talks stall"
    assert article.published == "2025-03-14"
    text = article.text
    for syntax in ("**", "](", "![", "# ", "https://img.example", "---"):
        assert syntax not in text, syntax
    assert "The operator, Halvard Terminals Ltd, said it had offered a 4 percent" in text
    # the bold dateline is a line of its own, not glued to the first sentence
    assert "\n\nPORT HALVARD, March 14 –\n\nDockworkers" in text
    # soft-wrapped source lines become one line; paragraphs stay apart
    assert "extended their strike into a ninth day on Friday" in text
    assert "\n\nBy Jane Doe\n\n" in text


def test_markdown_title_from_heading_without_front_matter() -> None:
    article = read_article(SAMPLES / "budget-vote.md")
    assert article.title == "Parliament passes 2026 budget after all-night session"
    assert article.text.startswith(
        "Parliament passes 2026 budget after all-night session\n\nBy Lena Ortiz\n\n"
    )
    assert "Health spending: up 6 percent\n\nPublic sector wages" in article.text
    assert "in our live blog." in article.text


def test_markdown_inline_rules(tmp_path: Path) -> None:
    path = tmp_path / "inline.markdown"
    path.write_text(
        "Intro para\n\n"
        "> Quoted **bold** and _em_ and `code` and ~~gone~~ text, snake_case_name kept.\n"
        "Escaped \\*stars\\* and [a link](https://x.example/a_(b)) and ![img](i.png) "
        "and <https://auto.example>.\n\n"
        "```\ncode block never shows\n```\n"
        "<!-- a comment -->\n"
        "* item one\n* item two\n\n"
        "Setext heading\n==============\n"
        "[ref]: https://ref.example\n"
    )
    assert read_article(path).text == (
        "Intro para\n\n"
        "Quoted bold and em and code and gone text, snake_case_name kept. "
        "Escaped *stars* and a link and and https://auto.example.\n\n"
        "item one\n\nitem two\n\nSetext heading"
    )


def test_markdown_hard_break_kept(tmp_path: Path) -> None:
    path = tmp_path / "breaks.md"
    path.write_text("Caption of the photo, taken on May 2.  \nPhoto: Reuters\n")
    assert read_article(path).text == "Caption of the photo, taken on May 2.\nPhoto: Reuters"


def test_markdown_link_text_kept() -> None:
    path_text = read_article(SAMPLES / "budget-vote.md").text
    assert "live blog" in path_text and "example.com/live" not in path_text


def test_html_metadata_and_furniture() -> None:
    article = read_article(SAMPLES / "vaccine-rollout.html")
    assert article.title == "Clinics report 2.3 million flu shots in first month"  # og:title
    assert article.publisher == "Harbor Health News"
    assert article.published == "2024-11-05"
    assert article.url == "https://harborhealth.example/2024/11/flu-shots"
    for furniture in (
        "trackPageView",
        "dataLayer",
        "color: #666",
        "World",
        "Sign up",
        "Related",
        "analytics",
    ):
        assert furniture not in article.text, furniture
    # entities decoded, paragraphs one per block element, whitespace collapsed
    assert "“We are ahead of last year" in article.text
    assert "61 percent" in article.text and "&nbsp;" not in article.text
    assert "Nurses' union" in article.text
    assert (
        "\n\nPeople queue for flu shots outside a pharmacy in Eastport on October 12, 2024.\n\n"
        in article.text
    )


def test_html_title_from_title_tag_without_site_suffix() -> None:
    article = read_article(SAMPLES / "transit-fares.html")
    assert article.title == "Metro fares to rise 8% in April"
    assert article.publisher == "City Desk"
    assert article.published == "2025-02-27"
    assert article.url == "https://citydesk.example/metro-fares"
    assert "Hanna Voss said.\nAFP" in article.text  # <br> is a line break inside the paragraph
    assert "By Priya Nair & Tom Berg" in article.text


def test_html_falls_back_to_body_and_ignores_bad_dates(tmp_path: Path) -> None:
    path = tmp_path / "plain.htm"
    path.write_text(
        "<html><head><title>  Plain   page </title>"
        '<meta property="article:published_time" content="yesterday">'
        '<link rel="canonical" href="/relative/only"></head>'
        "<body><nav>Home | News</nav><div>First <b>bold</b>\n   line.</div><div hidden>secret</div>"
        "<ul><li>One item.</li><li>Two &amp; three.</li></ul><!-- note --></body></html>"
    )
    article = read_article(path)
    assert article.title == "Plain page"
    assert article.published is None and article.url is None and article.publisher is None
    assert article.text == "First bold line.\n\nOne item.\n\nTwo & three."


def test_html_deeply_nested(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<span>" * 5000 + "The army said 40 died." + "</span>" * 5000)
    assert "The army said 40 died." in read_article(path).text


def test_every_sample_reads() -> None:
    for path in sorted(p for p in SAMPLES.iterdir() if p.is_file()):
        article = read_article(path)
        assert article.title and article.text.strip() == article.text


# --- pages saved from the web (team-written, tests/unit/webpages) --------------------------------

WEBPAGES = Path(__file__).resolve().parent / "webpages"


def test_web_page_furniture_left_out_and_json_ld_metadata() -> None:
    article = read_article(WEBPAGES / "ferry-fares.html")
    # headline from <title> minus the site; date and publisher only in JSON-LD
    assert article.title == "Island ferry fares frozen until 2027"
    assert article.publisher == "The Coastline Post"
    assert article.published == "2025-07-09"
    assert article.url == "https://coastlinepost.example/2025/07/ferry-fares-frozen"
    for furniture in (
        "Skip to content",
        "Sport",
        "Islands",
        "Related stories",
        "Ferry timetable cut",
        "Share on Facebook",
        "Comments (3)",
        "About time",
        "never for roads",
        "All rights",
    ):
        assert furniture not in article.text, furniture
    claims = extract_claims(article.text)
    texts = [c.text for c in claims]
    assert any(t.startswith("Ferry fares to the northern isles") for t in texts)
    assert any(t.startswith("The operator said it would add a second vessel") for t in texts)
    assert not [t for t in texts if "Stromvik harbour in June" in t]  # the caption
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text


def test_web_page_caption_with_credit_line_and_comment_thread() -> None:
    article = read_article(WEBPAGES / "hospital-beds.html")
    assert article.title == "Region short of 340 hospital beds, audit finds"  # og:title
    assert (article.publisher, article.published) == ("Midland Daily", "2025-10-21")
    assert article.url == "https://midlanddaily.example/health/beds-audit"
    for furniture in ("Log in", "Nurses vote on strike", "Join the discussion", "19 hours", "Most read"):
        assert furniture not in article.text, furniture
    texts = [c.text for c in extract_claims(article.text)]
    # the caption stays in the stored text (offsets), but a caption over "(AP Photo/...)" is no claim
    assert "A corridor at Westgate General Hospital" in article.text
    assert not [t for t in texts if "Westgate General" in t or "AP Photo" in t]
    assert any(t.startswith("The audit office said 1 in 5 patients") for t in texts)


def test_json_ld_never_overrides_meta_tags_and_bad_json_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "ld.html"
    path.write_text(
        '<html><head><meta property="og:site_name" content="Site A">'
        '<script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">[{"@type": "WebPage"}, {"@type": ["NewsArticle"],'
        ' "headline": "From LD", "publisher": "Site B", "datePublished": "2024-02-30",'
        ' "url": "javascript:alert(1)"}]</script></head>'
        "<body><p>The army said 40 drones were shot down.</p></body></html>"
    )
    article = read_article(path)
    assert article.publisher == "Site A"
    assert article.title == "From LD"
    assert article.published is None  # impossible date
    assert article.url is None  # not http(s)


def test_html_article_card_inside_furniture_is_not_the_body(tmp_path: Path) -> None:
    # "Related" cards are often <article> elements inside <aside>; the story is the next <article>.
    path = tmp_path / "cards.html"
    path.write_text(
        "<html><body><aside><article><p>Ferry timetable cut.</p></article></aside>"
        "<article class='story'><p>The army said 40 drones were shot down.</p></article></body></html>"
    )
    assert read_article(path).text == "The army said 40 drones were shot down."


def test_html_empty_article_element_falls_back_to_the_page(tmp_path: Path) -> None:
    path = tmp_path / "empty-article.html"
    path.write_text("<html><body><article></article><div><p>The army said 40 died.</p></div></body></html>")
    assert read_article(path).text == "The army said 40 died."
