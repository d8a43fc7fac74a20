"""The wire module is shared: the sync client works without the server package, and the wire's label,
kind and role types are the core rules' values."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

import pytest
from pydantic import ValidationError

from claimreview import consensus as rules
from claimreview import wire


def test_the_sync_client_never_imports_the_server_package() -> None:
    # A fresh interpreter: this test process has long imported everything.
    code = (
        "import sys\n"
        "import claimreview.sync.run, claimreview.sync.adjudication, claimreview.cli.sync\n"
        "import claimreview.sync.client, claimreview.store.sync_state, claimreview.sync.credentials\n"
        "print(sorted(m for m in sys.modules if m.startswith(('claimreview.server', 'fastapi'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_wire_types_are_the_core_values() -> None:
    assert get_args(wire.Label) == rules.EVENT_LABELS
    assert get_args(wire.Kind) == rules.EVENT_KINDS
    assert get_args(wire.Role) == rules.ROLES
    assert rules.ADJUDICATING_ROLES.issubset(rules.ROLES)


@pytest.mark.parametrize("role", rules.ROLES)
def test_every_core_role_is_accepted_on_the_wire(role: str) -> None:
    assert wire.Me.model_validate({"name": "ann", "role": role}).role == role


def test_a_role_the_core_does_not_know_is_refused() -> None:
    with pytest.raises(ValidationError):
        wire.Me.model_validate({"name": "ann", "role": "owner"})


def test_wire_shapes_carry_the_model_families_fields() -> None:
    # Adding a field to a claim or a document means the Base, a migration, and the places that show it:
    # what clients send must carry the same fields as what the server sends back.
    from claimreview.models import CLAIM_FIELDS, DOCUMENT_FIELDS

    assert set(wire.ClaimIn.model_fields) == set(CLAIM_FIELDS)
    assert set(wire.DocumentIn.model_fields) - {"claims"} == set(DOCUMENT_FIELDS)
    assert set(CLAIM_FIELDS) <= set(wire.ClaimOut.model_fields)
    assert set(DOCUMENT_FIELDS) <= set(wire.DocumentOut.model_fields)
