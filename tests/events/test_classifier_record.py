"""The bundled event classifier is the one `make train` builds from the files in the repo.

Its sidecar (event_classifier.trained_on.json) records the SHA-256 of the hand-written training files and of the
files that define its features (the cue lexicon). Editing one of them without retraining leaves a model that
computes features the pipeline no longer makes, or that misses examples the repo says it learnt: this failed
silently once (cues.tsv changed three hours after the model was trained).
"""

from __future__ import annotations

import hashlib
import json

from sitrep.events.classifier import MODEL_FILE, training_record_path
from sitrep.resources import data_path

BUNDLED_FILES = ("training.tsv", "training_notes.tsv", "cues.tsv")  # the CASE dev split lives outside the repo


def test_bundled_model_is_trained_on_the_files_in_the_repo() -> None:
    record = json.loads(training_record_path(data_path(MODEL_FILE)).read_text(encoding="utf-8"))
    recorded = {e["name"]: e["sha256"] for e in record["trained_on"] + record["features_from"]}
    for name in BUNDLED_FILES:
        current = hashlib.sha256(data_path(f"events/{name}").read_bytes()).hexdigest()
        assert recorded.get(name) == current, (
            f"data/events/{name} changed after the bundled classifier was trained: run `make train`")
