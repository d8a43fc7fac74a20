"""Reviewer accounts on the server: roles, API tokens (only their hashes are stored), authentication."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlalchemy import select as sa_select

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError
from claimreview.ids import now_iso
from claimreview.server.db import TABLES
from claimreview.server.names import canonical_name, look_alike


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str

    def may_record(self, kind: str) -> bool:
        return rules.may_record(self.role, kind)

    @property
    def can_adjudicate(self) -> bool:
        return self.role in rules.ADJUDICATING_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == rules.ADMIN


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def add_reviewer(engine: Engine, name: str, role: str | None = None) -> str:
    """Create the reviewer (or keep the existing one) and issue a new token; returns the token."""
    name = canonical_name(name)
    if role is not None and role not in rules.ROLES:
        raise ClaimreviewError(f"unknown role '{role}'; use one of: {', '.join(rules.ROLES)}")
    token = "crv_" + secrets.token_urlsafe(32)
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    with engine.execution_options(claimreview_write=True).begin() as conn:
        existing = conn.execute(sa_select(reviewers.c.role).where(reviewers.c.name == name)).first()
        if existing is None:
            taken = [str(r[0]) for r in conn.execute(sa_select(reviewers.c.name))]
            twin = look_alike(name, taken)
            if twin is not None:
                raise ClaimreviewError(
                    f"reviewer name {name!r} looks like the existing reviewer {twin!r}; pick a name that "
                    f"reads differently, or give {twin!r} a new token"
                )
            conn.execute(
                reviewers.insert().values(name=name, role=role or rules.REVIEWER, created_at=now_iso())
            )
        elif role is not None and role != existing[0]:
            conn.execute(reviewers.update().where(reviewers.c.name == name).values(role=role))
        conn.execute(
            tokens.insert().values(reviewer=name, token_hash=hash_token(token), created_at=now_iso())
        )
    return token


def revoke(engine: Engine, name: str) -> int:
    """Revoke every live token of ``name``; returns how many."""
    tokens = TABLES["token"]
    with engine.execution_options(claimreview_write=True).begin() as conn:
        res = conn.execute(
            tokens.update()
            .where(tokens.c.reviewer == name, tokens.c.revoked_at.is_(None))
            .values(revoked_at=now_iso())
        )
        return max(res.rowcount, 0)


def list_reviewers(engine: Engine) -> list[tuple[str, str, int, str]]:
    """(name, role, live tokens, created_at) for every reviewer."""
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    live = func.count(tokens.c.id).filter(tokens.c.revoked_at.is_(None))
    query = (
        sa_select(reviewers.c.name, reviewers.c.role, live, reviewers.c.created_at)
        .join(tokens, tokens.c.reviewer == reviewers.c.name, isouter=True)
        .group_by(reviewers.c.name, reviewers.c.role, reviewers.c.created_at)
        .order_by(reviewers.c.name)
    )
    with engine.connect() as conn:
        return [(str(n), str(r), int(c), str(t)) for n, r, c, t in conn.execute(query)]


def authenticate(engine: Engine, token: str) -> Account | None:
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    query = (
        sa_select(reviewers.c.name, reviewers.c.role)
        .join(tokens, tokens.c.reviewer == reviewers.c.name)
        .where(tokens.c.token_hash == hash_token(token), tokens.c.revoked_at.is_(None))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Account(str(row[0]), str(row[1])) if row else None
