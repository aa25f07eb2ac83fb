"""What a state may send: the template it downloads names every spreadsheet format the portal
reads, and a file name longer than the portal keeps is shortened with its extension kept (the
extension is how the package is read)."""

from __future__ import annotations

import io
import re

import openpyxl
from conftest import DEMO, Portal

from contracts.rules import LANGUAGES
from ingest.inbox import MAX_NAME

AUS_PACKAGE = DEMO / "0013_AUS_ABF_2020-Q1.xlsx"


def test_the_template_names_every_spreadsheet_format_accepted(portal: Portal) -> None:
    with portal.browser("aus-submitter") as page:
        for language in LANGUAGES:
            r = page.get("/template.xlsx", params={"lang": language})
            assert r.status_code == 200
            book = openpyxl.load_workbook(io.BytesIO(r.content))
            text = " ".join(str(v) for row in book.active.iter_rows(values_only=True) for v in row)
            for extension in (r"\.xlsx\b", r"\.xls\b", r"\.ods\b"):
                assert re.search(extension, text), (language, extension)


def test_a_long_file_name_keeps_its_extension_and_is_accepted(portal: Portal) -> None:
    sent = "AUS-" + "quarterly-report-" * 12 + "2020-Q1.xlsx"  # 220 characters
    assert len(sent) > MAX_NAME
    with portal.api("aus-submitter") as client:
        r = client.post("/api/v1/submissions", files={"file": (sent, AUS_PACKAGE.read_bytes())})
        assert r.status_code == 201, r.text
        kept = r.json()["report"]["submission"]["file"]
        assert len(kept) == MAX_NAME and kept.endswith(".xlsx") and sent.startswith(kept[:-5])
        upload = client.get(f"/api/v1/submissions/{r.json()['upload_id']}").json()
        assert upload["file_name"] == kept and upload["verdict"] == "validated"
    waiting = [p.name for p in portal.settings.inbox.iterdir() if not p.name.startswith(".")]
    assert len(waiting) == 1 and waiting[0].endswith(f"__{kept}"), waiting
