"""Page text rebuilt from OCR words: lines, table columns, two-column bodies, word boxes."""

from __future__ import annotations

import pytest

from pipeline.extract_text import build_doc_text, ocr_page_from_text
from pipeline.records import OcrPage, Word


def _is_header(text: str) -> bool:
    return text.lower().rstrip(":") in {"allergies", "immunizations", "medications"}


def test_fabricated_page_has_one_line_per_text_line_and_grid_boxes() -> None:
    page = ocr_page_from_text("Patient: Maria\n\nLisinopril 10 mg", page=3, conf=80.0)
    assert page.page == 3 and page.dpi == 300
    assert [w.text for w in page.words] == ["Patient:", "Maria", "Lisinopril", "10", "mg"]
    assert page.words[0].bbox == (150, 150, 150 + 8 * 25, 186)
    assert page.words[2].bbox[1] == 150 + 2 * 50  # the blank line keeps its place
    assert page.words[0].line_key != page.words[2].line_key
    assert all(w.conf == 80.0 for w in page.words)
    assert page.text == "Patient: Maria\n\nLisinopril 10 mg"


@pytest.mark.parametrize(("dpi", "x1"), [(300, 350), (150, 175)])
def test_fabricated_boxes_scale_with_dpi(dpi: int, x1: int) -> None:
    assert ocr_page_from_text("Patient:", dpi=dpi).words[0].bbox[2] == x1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lisinopril 10 mg daily", "Lisinopril 10 mg daily"),
        ("Lisinopril  10 mg", "Lisinopril 10 mg"),  # two spaces: still one cell
        ("Lisinopril      10 mg      daily", "Lisinopril\t10 mg\tdaily"),
    ],
)
def test_wide_gaps_become_column_separators(line: str, expected: str) -> None:
    assert build_doc_text([ocr_page_from_text(line)]).text == expected + "\n"


def test_pages_are_joined_and_words_map_back_to_their_page() -> None:
    doc = build_doc_text([ocr_page_from_text("one two"), ocr_page_from_text("three")])
    assert doc.text == "one two\n\nthree\n"
    start = doc.text.index("three")
    [(page_index, word)] = doc.words_in(start, start + 5)
    assert page_index == 1 and word.text == "three"
    assert [w.text for _, w in doc.words_in(0, 5)] == ["one", "two"]


def test_two_column_body_is_read_column_by_column() -> None:
    text = (
        "Medications                    Allergies\n"
        "Lisinopril 10 mg daily         Penicillin - hives\n"
        "Metformin 500 mg bid           Sulfa - rash\n"
    )
    lines = build_doc_text([ocr_page_from_text(text)], _is_header).text.splitlines()
    assert lines == [
        "Medications",
        "Lisinopril 10 mg daily",
        "Metformin 500 mg bid",
        "Allergies",
        "Penicillin - hives",
        "Sulfa - rash",
    ]


def test_table_header_row_is_not_split_into_columns() -> None:
    text = "Medications      Dose      Frequency\nLisinopril      10 mg      daily\n"
    lines = build_doc_text([ocr_page_from_text(text)], _is_header).text.splitlines()
    assert lines == ["Medications\tDose\tFrequency", "Lisinopril\t10 mg\tdaily"]


def test_full_width_line_ends_the_two_column_body() -> None:
    text = (
        "Medications                    Allergies\n"
        "Lisinopril 10 mg daily         Penicillin - hives\n"
        "Signed electronically by the attending physician today\n"
    )
    lines = build_doc_text([ocr_page_from_text(text)], _is_header).text.splitlines()
    assert lines[-1].startswith("Signed electronically")
    assert lines.index("Allergies") < lines.index("Penicillin - hives") < len(lines) - 1


def test_table_columns_split_into_blocks_are_joined_back_into_rows() -> None:
    # Tesseract sometimes returns each column of a table as its own block.
    def word(text: str, x: int, y: int, block: int, line: int) -> Word:
        return Word(text, 90.0, (x, y, x + 25 * len(text), y + 36), block, 1, line, 1)

    words = (
        word("Lisinopril", 150, 200, 1, 1),
        word("Metformin", 150, 250, 1, 2),
        word("10mg", 900, 202, 2, 1),
        word("500mg", 900, 251, 2, 2),
    )
    page = OcrPage("p", "p/doc.pdf", 1, 300, 2550, 3300, words, None)
    assert build_doc_text([page]).text == "Lisinopril\t10mg\nMetformin\t500mg\n"


def test_a_wide_gap_after_a_comma_does_not_split_a_name_into_columns() -> None:
    # Monospace pharmacy print: "OKAFOR," is followed by a whole blank character cell.
    page = ocr_page_from_text("PATIENT: OKAFOR,    DANIEL P        DOB: 23-SEP-1958")
    text = build_doc_text([page]).text
    assert "OKAFOR, DANIEL P\tDOB" in text
