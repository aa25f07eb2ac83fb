"""Great-expectations Data Docs that open offline, from anywhere, with ``file://``.

GX's page templates load bootstrap, jQuery, bootstrap-table, Font Awesome and the rest from
CDNs, and its logo from its own web-assets bucket (with a time stamp and the context's id in the
query). Offline (an analyst's laptop, an air-gapped server, a snapshot copied and zipped) the
pages open unstyled, with broken icons and an empty index. :func:`make_self_contained` rewrites a
built site so that every stylesheet, script, font and image comes from the site itself:

* the files GX asks for, at the versions it asks for, are vendored in ``static/data_docs/`` of
  this package (versions, origins and licences in its README) and copied into the site's
  ``static/vendor/``; each page refers to them by a relative path, so the site can be moved;
* the Subresource Integrity attributes of two script tags go: a browser refuses integrity checks
  on ``file://`` (no CORS), and the vendored files are the very files those hashes name (a test
  checks it);
* the logo is the copy GX's wheel ships in ``static/images/``; the dark-mode logo, which the
  wheel lacks, is left out;
* the links to GX's website (a newsletter footer, a "made with" line) are branding: the footer
  goes, the line stays as plain text;
* GX copies 4 MB of static files (animated GIFs, fonts, style sheets) that no page uses into
  every site; what no page refers to is removed, since every snapshot carries a copy.

A remote reference this module does not know (a new one after a GX upgrade) is left as it is and
logged as a warning; ``tests/unit/warehouse/test_data_docs.py`` fails on it first.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

VENDORED = Path(__file__).parent / "static" / "data_docs"
VENDOR_DIR = "static/vendor"  # inside the site
_FILTER_CONTROL = "extensions/filter-control/bootstrap-table-filter-control"

# The remote files GX's templates refer to (great_expectations 1.24), by the end of their URL (the
# package, its version and the file, whatever CDN GX names), and the file of the site that
# replaces each: a vendored copy (the minified build of the same release where GX names the
# unminified one) or GX's own image. None: the tag goes. Vega draws the charts of a few
# expectations (KL divergence, distinct values) that none of our suites uses; a page that does
# call it keeps its remote tags (and a warning) rather than a broken chart.
SITE_FILES: dict[str, str | None] = {
    "bootstrap/4.3.1/css/bootstrap.min.css": f"{VENDOR_DIR}/bootstrap-4.3.1/css/bootstrap.min.css",
    "bootstrap/4.3.1/js/bootstrap.min.js": f"{VENDOR_DIR}/bootstrap-4.3.1/js/bootstrap.min.js",
    "bootstrap-table@1.19.1/dist/bootstrap-table.min.css": (
        f"{VENDOR_DIR}/bootstrap-table-1.19.1/bootstrap-table.min.css"
    ),
    "bootstrap-table@1.19.1/dist/bootstrap-table.min.js": (
        f"{VENDOR_DIR}/bootstrap-table-1.19.1/bootstrap-table.min.js"
    ),
    f"bootstrap-table@1.19.1/dist/{_FILTER_CONTROL}.min.js": (
        f"{VENDOR_DIR}/bootstrap-table-1.19.1/{_FILTER_CONTROL}.min.js"
    ),
    # The index asks for the minified filter-control CSS, the other pages for the plain one.
    f"bootstrap-table@1.19.0/dist/{_FILTER_CONTROL}.min.css": (
        f"{VENDOR_DIR}/bootstrap-table-1.19.0/{_FILTER_CONTROL}.min.css"
    ),
    f"bootstrap-table@1.19.0/dist/{_FILTER_CONTROL}.css": (
        f"{VENDOR_DIR}/bootstrap-table-1.19.0/{_FILTER_CONTROL}.min.css"
    ),
    "bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": (
        f"{VENDOR_DIR}/bootstrap-datepicker-1.9.0/css/bootstrap-datepicker.min.css"
    ),
    "bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": (
        f"{VENDOR_DIR}/bootstrap-datepicker-1.9.0/js/bootstrap-datepicker.min.js"
    ),
    "@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": (
        f"{VENDOR_DIR}/bootstrap-dark-1.1.0/css/bootstrap-prefers-dark.min.css"
    ),
    "font-awesome/6.6.0/css/all.min.css": f"{VENDOR_DIR}/fontawesome-free-6.6.0/css/all.min.css",
    "jquery-3.7.1.min.js": f"{VENDOR_DIR}/jquery-3.7.1/jquery.min.js",
    "popper.js/1.12.9/umd/popper.min.js": f"{VENDOR_DIR}/popper.js-1.12.9/popper.min.js",
    "logo-long.png": "static/images/logo-long.png",
    "full_logo_dark.png": None,
    "vega@5": None,
    "vega-lite@5": None,
    "vega-embed@6": None,
}

_REMOTE = r"https?://[^\"'()\s]+"
# Where a page loads something: the tags below, and url() in its inline styles.
_ASSET_TAG = re.compile(r"<(?:script|link|img|source)\b[^>]*>", re.IGNORECASE)
_ASSET_ATTRIBUTE = re.compile(rf"(?<![\w-])(src|href)=([\"'])({_REMOTE})\2")
_CSS_URL = re.compile(rf"url\(\s*([\"']?)({_REMOTE})\1\s*\)")
_SCRIPT_ELEMENT = re.compile(rf"<script\s+src=\"({_REMOTE})\"\s*>\s*</script>\s*")
# GX's own static files, as a page names them: its validation pages miscount their depth by one.
_LOCAL_STATIC = re.compile(r"(?<![\w-])(src|href)=([\"'])(?:\.\.?/)*(static/[^\"']*)\2")
_INTEGRITY = re.compile(r"\s+(?:integrity|crossorigin)=\"[^\"]*\"")
_GX_FOOTER = re.compile(r"<footer>(?:(?!</footer>).)*greatexpectations\.io.*?</footer>\s*", re.S)
_GX_LINK = re.compile(r"<a\s+href=\"https?://(?:www\.)?greatexpectations\.io[^\"]*\"\s*>(.*?)</a>")


def site_file(url: str) -> str | None:
    """The file of the site (relative to its root) that replaces the remote ``url``, or None
    when it goes; KeyError when it is not one of :data:`SITE_FILES`."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for tail, replacement in SITE_FILES.items():
        if path.endswith("/" + tail):
            return replacement
    raise KeyError(url)


def make_self_contained(site: Path) -> None:
    """Rewrite the Data Docs site in ``site`` (its ``index.html`` at the top) in place so that it
    loads nothing from the network, and drop GX's static files that no page uses."""
    pages: list[str] = []
    for page in site.rglob("*.html"):
        text = _rewrite(page.read_text(encoding="utf-8"), _to_root(site, page), page)
        page.write_text(text, encoding="utf-8")
        pages.append(text)
    vendor = site / VENDOR_DIR
    # A file is used when a page names its path from static/ (a substring test: a regex over
    # every link of every page costs ten times more).
    for path in sorted((site / "static").rglob("*"), reverse=True):  # files before folders
        name = path.relative_to(site).as_posix()
        if path.is_relative_to(vendor):
            continue  # ours, copied below (already there when a site is rewritten twice)
        if path.is_file() and not any(name in text for text in pages):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    shutil.copytree(VENDORED, vendor, dirs_exist_ok=True)


def _to_root(site: Path, page: Path) -> str:
    """The relative path from ``page`` to the site's root, ending with a slash (or empty)."""
    up = Path(os.path.relpath(site, page.parent)).as_posix()
    return "" if up == "." else up + "/"


def _rewrite(text: str, root: str, page: Path) -> str:
    """``text`` of ``page`` with local files for remote ones; ``root`` leads from the page to the
    site's root."""
    kept: list[str] = []  # remote references left as they are, for the warning

    def replacement(url: str) -> str | None:
        """The local path for ``url``; None when it goes; ``url`` itself when unknown."""
        try:
            local = site_file(url)
        except KeyError:
            kept.append(url)
            return url
        return None if local is None else root + local

    def script(match: re.Match[str]) -> str:
        try:
            goes = site_file(match[1]) is None
        except KeyError:
            goes = False
        return "" if goes and "vegaEmbed(" not in text else match[0]

    def attribute(match: re.Match[str]) -> str:
        new = replacement(match[3])
        if new is None:  # a script the page needs (it draws a chart) and nothing replaces
            kept.append(match[3])
            return match[0]
        return f"{match[1]}={match[2]}{new}{match[2]}"

    def tag(match: re.Match[str]) -> str:
        rewritten = _ASSET_ATTRIBUTE.sub(attribute, match[0])
        rewritten = _LOCAL_STATIC.sub(rf"\1=\2{root}\3\2", rewritten)
        # SRI cannot be checked on file:// (no CORS): keep it only where the file stays remote.
        return rewritten if _ASSET_ATTRIBUTE.search(rewritten) else _INTEGRITY.sub("", rewritten)

    def css_url(match: re.Match[str]) -> str:
        new = replacement(match[2])
        return "none" if new is None else f"url({match[1]}{new}{match[1]})"

    text = _GX_FOOTER.sub("", text)
    text = _GX_LINK.sub(r"\1", text)
    text = _SCRIPT_ELEMENT.sub(script, text)
    text = _ASSET_TAG.sub(tag, text)
    text = _CSS_URL.sub(css_url, text)
    for url in dict.fromkeys(kept):
        log.warning("Data Docs page %s still loads %s: it is not vendored", page, url)
    return text
