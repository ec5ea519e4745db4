"""Cheaper inference forwards for two thinc layers of the spaCy models: the same floats, bit for bit.

spaCy's ``en_core_web_sm`` runs two token encoders (the shared tok2vec and the NER's own), each five
maxout layers (three pieces) and five layer norms over every token of a batch. Profiled on the bench
(docs/scale.md, 2026-12-08):

- thinc's maxout picks each unit's best piece with a scalar C loop that also records which piece won
  (only training reads it): ~10% of the spaCy pass. Here the weights' rows are reordered once so that
  each piece's outputs form a contiguous block of columns, and numpy's ``maximum`` takes the best over
  the blocks (~7x faster). The values cannot differ: a maximum is the same whichever equal piece wins,
  the models' weights and inputs are finite, and each output float is the same dot product.
- thinc's layer norm takes the mean twice (``X.mean`` and again inside ``X.var``) and subtracts it
  twice; here once each, with the same numpy reductions in the same order (so the same floats).

Training (``is_train``) still runs thinc's own forward, so backprop is untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
import numpy.typing as npt
from thinc.api import Model
from thinc.layers import layernorm, maxout
from thinc.types import Floats2d

Forward = Callable[..., Any]
Floats = npt.NDArray[numpy.float32]


def _no_backprop(_: Any) -> Any:
    raise RuntimeError("inference-only forward: this layer was run with is_train=False")


def _piece_major(model: Model) -> tuple[Floats, Floats]:
    """The layer's weights and bias with its pieces as blocks of rows (piece p's units at rows
    [p * nO, (p + 1) * nO)), so that each piece's outputs are a contiguous block of columns. The same dot
    products in another order: every output float is unchanged (tested on the models' outputs)."""
    W: Floats = numpy.asarray(model.get_param("W"))  # thinc's own array (asarray copies nothing)
    b: Floats = numpy.asarray(model.get_param("b"))
    cached = _PIECE_MAJOR.get(id(model))
    if cached is None or cached[0] is not W or cached[1] is not b:
        n_out, n_pieces, n_in = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
        blocks = numpy.ascontiguousarray(W.reshape(n_out, n_pieces, n_in).transpose(1, 0, 2)).reshape(-1, n_in)
        bias = numpy.ascontiguousarray(b.reshape(n_out, n_pieces).T).reshape(-1)
        cached = _PIECE_MAJOR[id(model)] = (W, b, blocks, bias)
    return cached[2], cached[3]


_PIECE_MAJOR: dict[int, tuple[Floats, Floats, Floats, Floats]] = {}


def maxout_forward(model: Model, X: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
    """thinc's ``maxout.forward`` (the same products and bias), the best piece taken with numpy over
    contiguous blocks."""
    if is_train:
        return maxout.forward(model, X, is_train)
    n_out, n_pieces = model.get_dim("nO"), model.get_dim("nP")
    W, b = _piece_major(model)
    Y: Floats = numpy.asarray(model.ops.gemm(X, cast(Floats2d, W), trans2=True))
    Y += b
    best = Y[:, (n_pieces - 1) * n_out:].copy()
    for piece in range(n_pieces - 2, -1, -1):
        numpy.maximum(Y[:, piece * n_out:(piece + 1) * n_out], best, out=best)
    return best, _no_backprop


def layernorm_forward(model: Model, X: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
    """thinc's ``layernorm.forward``: numpy's ``var`` is ``mean((X - X.mean())**2)``, computed here from
    the one centred copy that the normalisation also divides."""
    if is_train:
        return layernorm.forward(model, X, is_train)
    mu = X.mean(axis=1, keepdims=True)
    centred = X - mu
    squares = numpy.multiply(centred, centred)
    var = numpy.true_divide(squares.sum(axis=1, keepdims=True), X.shape[1]) + 1e-08
    Y = centred * var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _no_backprop


FAST_FORWARDS: dict[Forward, Forward] = {maxout.forward: maxout_forward, layernorm.forward: layernorm_forward}


def use_fast_forwards(model: Model) -> int:
    """Give every maxout and layer-norm layer under ``model`` its inference forward; how many were swapped."""
    swapped = 0
    for layer in model.walk():
        fast = FAST_FORWARDS.get(layer._func)
        if fast is not None:
            layer._func = fast
            swapped += 1
    return swapped
