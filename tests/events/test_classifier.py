"""The bundled classifier artifact: loads, covers every code, stays small, round-trips."""

from __future__ import annotations

import numpy as np

from sitrep.events.classifier import MODEL_FILE, NONE, EventClassifier, get_classifier, make_unit
from sitrep.events.taxonomy import EXTRA_CODES, is_acled, sub_event_types
from sitrep.resources import data_path


def test_artifact_loads_and_covers_all_codes() -> None:
    model = get_classifier()
    assert set(model.classes) == set(sub_event_types()) | set(EXTRA_CODES) | {NONE}
    assert model.full.weights.shape[1] == model.lexical.weights.shape[1] == len(model.classes)
    assert data_path(MODEL_FILE).stat().st_size <= 20_000_000


def test_is_acled() -> None:
    assert is_acled("AIR_STRIKE") and not is_acled("DIPLO") and not is_acled(NONE)


def test_save_load_round_trip(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    model = get_classifier()
    path = tmp_path / "m.npz"
    model.save(path)
    again = EventClassifier.load(path)
    unit = make_unit(list(nlp("Police fired tear gas at the protesters.").sents))
    assert np.allclose(model.lexical_proba([unit]), again.lexical_proba([unit]), atol=1e-5)
