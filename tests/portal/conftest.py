"""A real portal on a real socket: uvicorn in a thread of the test process, on a fresh VRS_HOME,
with accounts for two states and the secretariat."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from portal import accounts
from portal.accounts import Role
from portal.app import create_app
from warehouse.settings import Settings

PASSWORD = "correct horse battery staple"


@dataclass
class Portal:
    settings: Settings
    url: str
    tokens: dict[str, str]  # username → API token

    def api(self, username: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[username]}"} if username else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    @contextmanager
    def browser(self, username: str) -> Iterator[httpx.Client]:
        """A logged-in page session (cookie jar), like a browser without JavaScript."""
        with httpx.Client(base_url=self.url, timeout=120) as client:
            r = log_in(client, username, PASSWORD)
            assert r.status_code == 303, r.text
            yield client


def login_token(client: httpx.Client) -> str:
    """Open the login page as a browser does: its cookie lands in ``client``'s jar, and the
    form's CSRF token is returned."""
    page = client.get("/login")
    assert page.status_code == 200, page.text
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def log_in(client: httpx.Client, username: str, password: str) -> httpx.Response:
    """Fill in and send the login form (CSRF token included)."""
    csrf = login_token(client)
    return client.post("/login", data={"username": username, "password": password, "csrf": csrf})


USERS = {
    "aus-submitter": (Role.submitter, "AUS"),
    "aus-analyst": (Role.analyst, "AUS"),
    "mys-submitter": (Role.submitter, "MYS"),
    "secretariat": (Role.secretariat, None),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_users(settings: Settings) -> dict[str, str]:
    tokens = {}
    for name, (role, state) in USERS.items():
        accounts.add_user(settings, name, role, state, PASSWORD)
        tokens[name] = accounts.create_token(settings, name, "tests")
    return tokens


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    home = tmp_path_factory.mktemp("portal") / "home"
    settings = Settings.from_env(home)
    tokens = make_users(settings)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the portal did not start"
        time.sleep(0.05)
    yield Portal(settings, f"http://127.0.0.1:{port}", tokens)
    server.should_exit = True
    thread.join(10)


DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo"
