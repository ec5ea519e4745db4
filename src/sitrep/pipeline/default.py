"""The default pipeline: the order of the stages, in one place."""

from __future__ import annotations

from sitrep.actors.recognise import ActorRecogniser
from sitrep.claims.assess import ClaimAssessor
from sitrep.claims.attribution import AttributionFinder
from sitrep.claims.framing import FramingDetector
from sitrep.dates.resolve import DateResolver
from sitrep.events.assemble import EventAssembler
from sitrep.events.detect import EventDetector
from sitrep.events.headline import HeadlineEvent
from sitrep.geo.toponyms import Geocoder
from sitrep.pipeline.nlp import load_nlp
from sitrep.pipeline.parse import Parser
from sitrep.pipeline.pipeline import Pipeline
from sitrep.settings import Settings


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """parse -> events.detect -> actors -> dates -> quantities -> geo -> attribution -> assemble -> headline
    -> claims."""
    from sitrep.quantities.extract import QuantityExtractor

    settings = settings or Settings()
    nlp = load_nlp(settings.spacy_model or None)
    geocoder = Geocoder(path=settings.gazetteer)
    pipeline = Pipeline(Parser(nlp), [
        EventDetector(),
        ActorRecogniser(),
        DateResolver(),
        QuantityExtractor(),
        geocoder,
        AttributionFinder(),
        FramingDetector(),
        EventAssembler(),
        HeadlineEvent(geocoder, nlp),
        ClaimAssessor(),
    ])
    pipeline.validate()
    return pipeline
