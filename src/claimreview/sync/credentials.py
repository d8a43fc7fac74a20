"""Where the client finds its server and token: flags, then environment, then what it remembered."""

from __future__ import annotations

import os
from dataclasses import dataclass

from claimreview.config import load_settings, save_settings
from claimreview.errors import ClaimreviewError
from claimreview.paths import token_file


@dataclass(frozen=True, slots=True)
class Credentials:
    server: str
    token: str
    remember_server: bool
    remember_token: bool


def load_token() -> str | None:
    path = token_file()
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ClaimreviewError(f"{path}: cannot read the saved token ({exc.strerror})") from exc
    return token or None


def save_token(token: str) -> None:
    """Write the token readable by the user only (0600), atomically."""
    path = token_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    # Created with 0600 from the first byte: never a moment where others could read it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (token.strip() + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def resolve(server: str | None, token: str | None) -> Credentials:
    """``--server``/``--token`` beat CLAIMREVIEW_SERVER/CLAIMREVIEW_TOKEN beat the saved ones."""
    url = server or load_settings().server
    if not url:
        raise ClaimreviewError(
            "no sync server configured; run: claimreview sync --server URL --token TOKEN (remembered after)"
        )
    if not url.startswith(("http://", "https://")):
        raise ClaimreviewError(f"server URL '{url}' must start with http:// or https://")
    secret = token or os.environ.get("CLAIMREVIEW_TOKEN") or load_token()
    if not secret:
        raise ClaimreviewError(
            "no sync token; ask an admin for one (claimreview server add-reviewer), then run: "
            "claimreview sync --token TOKEN"
        )
    return Credentials(
        server=url.rstrip("/"),
        token=secret.strip(),
        remember_server=server is not None,
        remember_token=token is not None,
    )


def remember(credentials: Credentials) -> None:
    """After a sync the server accepted: keep what was given on the command line for next time."""
    if credentials.remember_server:
        save_settings({"server": credentials.server})
    if credentials.remember_token:
        save_token(credentials.token)
