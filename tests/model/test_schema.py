import json

import jsonschema

from sitrep.model.schema import event_schema
from tests.conftest import REPO


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = json.loads((REPO / "schema" / "event.schema.json").read_text())
    assert committed == json.loads(json.dumps(event_schema())), "run `make schema` and commit the result"


def test_real_output_validates_against_the_schema(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.model import Article

    text = ("date 2024-02-10\nGunmen attacked a police post in Kano on Friday, killing two officers, "
            "police said. Protesters later marched to the governor's office.")
    article = Article.from_text(text.split("\n", 1)[1])
    doc = pipeline(article)
    validator = jsonschema.Draft202012Validator(event_schema())
    for event in doc.events:
        validator.validate(json.loads(event.model_dump_json()))
