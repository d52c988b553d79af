"""The driver's own decisions: which provider a loose file belongs to."""

from __future__ import annotations

import pytest

from pipeline.api import provider_from_letterhead
from pipeline.extract_text import ocr_page_from_text


@pytest.mark.parametrize(
    "text, provider",
    [
        ("RIVERSIDE PRIMARY CARE\n1200 Main Street\nPatient: Maria Gonzalez", "riverside-primary-care"),
        ("Page 1 of 2\nSt. Mary's Regional Hospital\nDischarge Summary", "st-mary-s-regional-hospital"),
        ("FAX 05/06/2024 14:32 P.001\nLakeview Endocrinology\nReferral", "lakeview-endocrinology"),
    ],
)
def test_a_loose_file_takes_its_provider_from_the_letterhead(text: str, provider: str) -> None:
    assert provider_from_letterhead(ocr_page_from_text(text)) == provider


def test_no_letterhead_leaves_the_file_name_to_decide() -> None:
    page = ocr_page_from_text("Patient: Maria Gonzalez  DOB: 04/12/1961\n03/14/2024")
    assert provider_from_letterhead(page) == ""
