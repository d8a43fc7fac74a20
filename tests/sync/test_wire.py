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


def test_outbox_events_are_checked_against_the_wire_one_by_one(store) -> None:  # type: ignore[no-untyped-def]
    """The outbox hands typed events over; one the server would refuse is named with its field, and
    the others still go."""
    from claimreview.models import NewClaim, NewDocument
    from claimreview.store import sync_state as local
    from claimreview.sync.run import _event_in

    text = "Fees rose 8% in May."
    claim = NewClaim(text=text, start=0, end=len(text), extractor="t", extractor_version="1")
    store.add_articles([(NewDocument(uri="a.txt", text=text), [claim])])
    cid = store.list_claims()[0].id
    good = store.append_event(cid, "ann", rules.CONFIRMED, note="the statistics office")
    # As a sync or an import from elsewhere could leave it: a time the server does not take.
    bad = {"id": "bad-time", "claim_id": cid, "reviewer": "ann", "kind": rules.REVIEW, "label": rules.DENIED}
    assert store.insert_events([{**bad, "note": "", "sources": [], "created_at": "yesterday"}]) == 1
    batch = local.outbox_batch(store, "ann", 0, 10)
    assert [event.id for _rowid, event in batch] == [good.id, "bad-time"]
    sent = _event_in(batch[0][1])
    assert isinstance(sent, wire.EventIn) and sent.note == "the statistics office"
    refused = _event_in(batch[1][1])
    assert isinstance(refused, str) and refused.startswith("not valid for the server (created_at:")
