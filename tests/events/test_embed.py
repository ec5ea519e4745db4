"""The numpy MiniLM forward pass behaves like the sentence-transformers model."""

from __future__ import annotations

import numpy as np

from sitrep.events.embed import DIM, get_encoder


def test_shape_and_unit_norm() -> None:
    vectors = get_encoder().encode(["Rebels shelled the town.", "", "A much longer sentence " * 80])
    assert vectors.shape == (3, DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    a, b, c = get_encoder().encode([
        "A suicide bomber blew himself up at a police checkpoint.",
        "An attacker detonated his explosive vest near a police post.",
        "The central bank left interest rates unchanged on Thursday.",
    ])
    assert float(a @ b) > 0.4
    assert float(a @ b) > float(a @ c) + 0.2


def test_order_and_batching_do_not_change_results() -> None:
    texts = ["Troops retook the village.", "Protesters marched to parliament on Monday.", "Floods hit the valley."]
    encoder = get_encoder()
    together = encoder.encode(texts, batch_size=2)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
