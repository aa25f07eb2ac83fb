"""The quality gate's Data Docs open offline (warehouse.data_docs): a real gate run on the small
warehouse of test_quality, its folder zipped and unpacked elsewhere (as a snapshot is copied),
then read as files and opened from file:// in headless Chromium with the network cut off."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Route, sync_playwright
from test_quality import build_warehouse

from warehouse.data_docs import SITE_FILES, VENDOR_DIR, VENDORED, make_self_contained, site_file
from warehouse.quality import DATA_DOCS_DIR, QualityReport, run_quality_gate

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, QualityReport]:
    """The quality folder of a gate run, moved through a zip file to another place (the original
    deleted), and the run's report."""
    built = tmp_path_factory.mktemp("built")
    report = run_quality_gate(build_warehouse(built / "vrs.duckdb"), built / "quality")
    archive = shutil.make_archive(str(built / "quality"), "zip", built, "quality")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.unpack_archive(archive, elsewhere)
    shutil.rmtree(built)
    return elsewhere / "quality", report


@pytest.fixture(scope="module")
def site(gate: tuple[Path, QualityReport]) -> Path:
    return gate[0] / DATA_DOCS_DIR


# --------------------------------------------------------------------------------------------
# What the pages load, read as a browser would (an HTML parser, not the module's regexes).

_FETCHING: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "input": ("src",),
}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+?)['\"]?\s*\)")
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []  # src/href of the tags that fetch something
        self.links: list[str] = []  # <a href>: what a reader clicks
        self.css: list[str] = []  # style elements and attributes
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _FETCHING.get(tag, ()):
                self.loads += (
                    [v.split()[0] for v in value.split(",")] if name == "srcset" else [value]
                )
            if tag == "a" and name == "href":
                self.links.append(value)
            if name == "style":
                self.css.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)


def _read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def _css_loads(css: str) -> list[str]:
    return [
        u for u in _CSS_URL.findall(css) + _CSS_IMPORT.findall(css) if not u.startswith("data:")
    ]


def _is_remote(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme in {"http", "https"}


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 25, pages  # the index, 12 suites and 12 validation results
    return pages


# --------------------------------------------------------------------------------------------
# The published files.


def test_no_page_or_stylesheet_loads_anything_remote(gate: tuple[Path, QualityReport]) -> None:
    folder, _ = gate
    remote: list[tuple[str, str]] = []
    for page in _pages(folder / DATA_DOCS_DIR):
        parsed = _read(page)
        loads = parsed.loads + [u for css in parsed.css for u in _css_loads(css)]
        remote += [(page.name, u) for u in loads if _is_remote(u)]
    stylesheets = sorted(folder.rglob("*.css"))
    assert stylesheets  # the vendored ones
    for stylesheet in stylesheets:
        loads = _css_loads(stylesheet.read_text(encoding="utf-8"))
        remote += [(stylesheet.name, u) for u in loads if _is_remote(u)]
    assert remote == []


def test_what_the_pages_load_is_in_the_folder(gate: tuple[Path, QualityReport]) -> None:
    """Relative references only, each to a file of the moved folder: nothing points back to
    where the gate ran (GX's validation pages even miscount their depth for the favicon)."""
    folder, _ = gate
    missing: list[tuple[str, str]] = []
    for page in _pages(folder / DATA_DOCS_DIR):
        parsed = _read(page)
        for ref in parsed.loads + parsed.links:
            if ref.startswith(("#", "javascript:", "data:")) or _is_remote(ref):
                continue
            target = (page.parent / urlsplit(ref).path).resolve()
            if not (target.is_file() and target.is_relative_to(folder)):
                missing.append((page.name, ref))
    assert missing == []


def test_the_folder_carries_only_what_its_pages_use(site: Path) -> None:
    """GX copies 4 MB of images and fonts that no page shows into every site: they are gone."""
    named = "\n".join(page.read_text(encoding="utf-8") for page in _pages(site))
    unused = [
        path.relative_to(site).as_posix()
        for path in (site / "static").rglob("*")
        if path.is_file()
        and not path.is_relative_to(site / VENDOR_DIR)
        and path.relative_to(site).as_posix() not in named
    ]
    assert unused == []
    assert sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) < 2_500_000


def test_no_link_to_the_website_of_great_expectations(site: Path) -> None:
    links = [
        (page.name, link)
        for page in _pages(site)
        for link in _read(page).links
        if "greatexpectations.io" in (urlsplit(link).hostname or "")
    ]
    assert links == []
    assert "newsletter" not in (site / "index.html").read_text(encoding="utf-8")


def test_rewriting_again_changes_nothing_and_costs_well_under_a_second(
    site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    started = time.process_time()
    make_self_contained(copy)
    assert time.process_time() - started < 1.0
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before


# --------------------------------------------------------------------------------------------
# The vendored files: what GX's templates ask for, nothing more, unmodified.


def _gx_view() -> Path:
    import great_expectations

    return Path(great_expectations.__file__).parent / "render" / "view"


def test_every_remote_file_of_the_gx_templates_is_vendored_or_dropped() -> None:
    """Fails after a GX upgrade that names a new file: vendor it (static/data_docs/README.md)."""
    view = _gx_view()
    sources = [*(view / "templates").glob("*.j2"), *(view / "static" / "styles").glob("*.css")]
    urls = {u for s in sources for u in re.findall(r"https?://[^\"'\s)<>]+", s.read_text())}
    files = {
        u
        for u in urls
        # Hyperlinks to GX's website are no files; a URL ending in / is the folder the navbar
        # template appends its logo's name to.
        if not (urlsplit(u).hostname or "").endswith("greatexpectations.io") and not u.endswith("/")
    }
    assert len(files) >= 15
    unknown = []
    for url in files:
        try:
            site_file(url)
        except KeyError:
            unknown.append(url)
    assert unknown == []


def test_the_vendored_scripts_are_the_files_gx_pins_by_hash() -> None:
    template = (_gx_view() / "templates" / "js_script_imports.j2").read_text()
    pinned = re.findall(r"src=\"([^\"]+)\" integrity=\"(sha\d+)-([^\"]+)\"", template)
    assert len(pinned) == 2  # popper.js and bootstrap.js
    for url, algorithm, digest in pinned:
        local = site_file(url)
        assert local is not None
        data = (VENDORED / local.removeprefix(VENDOR_DIR + "/")).read_bytes()
        assert base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == digest, url


def test_the_vendored_set_is_what_the_pages_load_and_matches_its_checksums() -> None:
    loaded = {
        Path(target).relative_to(VENDOR_DIR)
        for target in SITE_FILES.values()
        if target is not None and target.startswith(VENDOR_DIR + "/")
    }
    # ... and what the vendored stylesheets load in turn, when vendored (Font Awesome's .ttf
    # fallbacks and unused faces are not: a browser fetches only the woff2 of the faces shown).
    for stylesheet in [p for p in loaded if p.suffix == ".css"]:
        for ref in _css_loads((VENDORED / stylesheet).read_text(encoding="utf-8")):
            target = Path(VENDORED / stylesheet).parent / urlsplit(ref).path
            if target.exists():
                loaded.add(target.resolve().relative_to(VENDORED.resolve()))
    files = {
        p.relative_to(VENDORED)
        for p in VENDORED.rglob("*")
        if p.is_file() and p.name != "README.md" and not p.name.startswith("LICENSE")
    }
    assert files == loaded
    assert all((VENDORED / p.parts[0]).glob("LICENSE*") for p in files)
    readme = (VENDORED / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", readme, re.M))
    actual = {p.as_posix(): hashlib.sha256((VENDORED / p).read_bytes()).hexdigest() for p in files}
    assert recorded == actual


# --------------------------------------------------------------------------------------------
# In a browser, from file://, with the network cut off.


@pytest.fixture(scope="module")
def browser_context() -> Iterator[BrowserContext]:
    assert CHROMIUM.exists(), "Debian's chromium is installed by `make browser`"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context
        context.close()
        browser.close()


@pytest.mark.slow
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("which", ["index", "validation"])
def test_the_pages_open_styled_offline(
    gate: tuple[Path, QualityReport],
    browser_context: BrowserContext,
    which: str,
    tmp_path: Path,
) -> None:
    folder, report = gate
    if which == "index":
        path = folder / DATA_DOCS_DIR / "index.html"
    else:
        (relative,) = [m.data_docs_page for m in report.marts if m.mart == "fct_incidents"]
        assert relative is not None
        path = folder / relative
    tab = browser_context.new_page()
    aborted: list[str] = []
    errors: list[str] = []
    failed: list[str] = []

    def offline(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    tab.route("**/*", offline)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    tab.goto(path.as_uri(), wait_until="load")
    tab.evaluate("document.fonts.ready.then(() => true)")
    styles = tab.evaluate(
        """() => ({
            body: getComputedStyle(document.body).fontFamily,
            navbar: getComputedStyle(document.querySelector('nav.navbar')).paddingLeft,
            icons: document.querySelectorAll('i.fas.fa-check-circle').length,
            iconFont: [...document.fonts].filter(f => f.family === 'Font Awesome 6 Free'
                && f.weight === '900' && f.status === 'loaded').length,
            tables: document.querySelectorAll('.bootstrap-table').length,
            runs: [...document.querySelectorAll(
                '.ge-index-page-validation-results-table tbody tr')].map(r => r.dataset.href),
            logo: document.querySelector('.navbar-brand img').naturalWidth,
        })"""
    )
    tab.screenshot(path=str(tmp_path / f"{which}.png"))
    tab.close()
    assert aborted == [] and failed == [] and errors == []
    # bootstrap's reboot: the system font stack instead of the browser's serif default; its
    # navbar padding instead of none.
    assert "Segoe UI" in styles["body"] and styles["navbar"] == "16px"
    assert styles["icons"] > 0 and styles["iconFont"] == 1
    assert styles["tables"] > 0  # bootstrap-table (jQuery) ran
    if which == "index":  # its table is drawn by script: the first page of 10 of the 12 results
        assert len(styles["runs"]) == 10
        assert all(href.startswith("validations/") for href in styles["runs"])
    assert styles["logo"] > 0
