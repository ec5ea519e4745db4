"""fast_layers' inference forwards give thinc's floats bit for bit; training keeps thinc's forward."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import LayerNorm, Maxout, NumpyOps

from sitrep.pipeline.fast_layers import layernorm_forward, maxout_forward, use_fast_forwards


def _same_bits(a: numpy.ndarray, b: numpy.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and bool((a.view(numpy.uint32) == b.view(numpy.uint32)).all())


@pytest.fixture
def inputs() -> numpy.ndarray:
    rng = numpy.random.default_rng(7)
    X = rng.standard_normal((257, 40)).astype(numpy.float32)
    X[3] = 0.0  # a row of zeros: its variance is 0
    X[5, :] = X[5, 0]  # equal pieces tie
    return X


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_maxout_forward_same_floats(inputs: numpy.ndarray, pieces: int) -> None:
    stock = Maxout(nO=24, nI=40, nP=pieces)
    stock.ops = NumpyOps(use_blis=False)
    stock.initialize(X=inputs)
    stock.set_param("b", numpy.random.default_rng(1).standard_normal(stock.get_param("b").shape).astype("f"))
    want = stock.predict(inputs)
    got, _ = maxout_forward(stock, inputs, is_train=False)
    assert _same_bits(got, want)


def test_layernorm_forward_same_floats(inputs: numpy.ndarray) -> None:
    stock = LayerNorm(nI=40)
    stock.initialize(X=inputs)
    rng = numpy.random.default_rng(2)
    stock.set_param("G", rng.standard_normal(40).astype("f"))
    stock.set_param("b", rng.standard_normal(40).astype("f"))
    want = stock.predict(inputs * 1000.0 + 3.0)
    got, _ = layernorm_forward(stock, inputs * 1000.0 + 3.0, is_train=False)
    assert _same_bits(got, want)


def test_training_runs_thincs_forward(inputs: numpy.ndarray) -> None:
    model = Maxout(nO=8, nI=40, nP=3, normalize=True)
    model.initialize(X=inputs)
    assert use_fast_forwards(model) == 2
    _, backprop = model.begin_update(inputs)
    assert backprop(numpy.ones((len(inputs), 8), dtype="f")).shape == inputs.shape
    assert model.predict(inputs).shape == (len(inputs), 8)


def test_the_loaded_models_use_them(nlp) -> None:  # type: ignore[no-untyped-def]
    funcs = {layer._func for _, pipe in nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
             for layer in pipe.model.walk()}
    assert maxout_forward in funcs and layernorm_forward in funcs
