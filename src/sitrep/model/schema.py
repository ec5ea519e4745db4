"""The JSON Schema of the event record, generated from the pydantic model.

``schema/event.schema.json`` in the repo is this output (`make schema`); a test
keeps the two equal and validates real output against it.
"""

from __future__ import annotations

from typing import Any

from sitrep.model.records import Event

SCHEMA_ID = "https://github.com/sitrep/sitrep/schema/event.schema.json"


def event_schema() -> dict[str, Any]:
    schema = Event.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
