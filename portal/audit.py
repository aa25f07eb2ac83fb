"""The audit trail: every login, upload, download and refusal, append-only (the database
refuses updates and deletes of its lines, see portal.store)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from portal.accounts import User
from portal.store import connect
from warehouse.settings import Settings


@dataclass(frozen=True)
class Event:
    seq: int
    at: str
    actor: str | None
    actor_state: str | None
    action: str
    outcome: str
    target: str | None
    client: str | None
    detail: dict[str, Any]


def record(
    settings: Settings,
    action: str,
    outcome: str,
    *,
    user: User | None = None,
    actor: str | None = None,
    target: str | None = None,
    client: str | None = None,
    **detail: Any,
) -> None:
    with connect(settings) as con:
        con.execute(
            "insert into audit (at, actor, actor_state, action, outcome, target, client, detail) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                datetime.now(UTC).isoformat(),
                user.username if user else actor,
                user.state if user else None,
                action,
                outcome,
                target,
                client,
                json.dumps(detail, default=str, ensure_ascii=False) if detail else None,
            ],
        )


def events(settings: Settings, *, limit: int = 100, action: str | None = None) -> list[Event]:
    """The newest ``limit`` events, oldest first."""
    query = "select * from audit"
    params: list[Any] = []
    if action:
        query += " where action = ?"
        params.append(action)
    query += " order by seq desc limit ?"
    params.append(limit)
    with connect(settings) as con:
        rows = con.execute(query, params).fetchall()
    return [
        Event(
            r["seq"],
            r["at"],
            r["actor"],
            r["actor_state"],
            r["action"],
            r["outcome"],
            r["target"],
            r["client"],
            json.loads(r["detail"]) if r["detail"] else {},
        )
        for r in reversed(rows)
    ]
