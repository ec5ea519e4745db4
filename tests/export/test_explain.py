from __future__ import annotations

import datetime as dt

from sitrep.export.explain import explain, highlight
from sitrep.model import Actor, Article, Count, Event, Quantity
from sitrep.pipeline.document import Document


def test_explain_marks_spans_and_lists_fields() -> None:
    text = "Rebels killed 4 soldiers in Goma on Friday."
    doc = Document(article=Article.from_text(text, title="t"))
    sentence = doc.span(0, len(text))
    doc.sentences = [sentence]
    rebels, four, friday = doc.span(0, 6), doc.span(14, 24), doc.span(36, 42)
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Battles", sub_event_type="Armed clash",
                        date=dt.date(2024, 5, 3), date_precision=1, date_span=friday,
                        actor1=Actor(name="Rebels", spans=[rebels]),
                        fatalities=Count(low=4, best=4, high=4,
                                         reported=[Quantity(kind="killed", value=4, span=four)]),
                        evidence=[sentence])]
    out = explain(doc)
    assert "[Rebels] killed [4 soldiers] in Goma on [Friday]." in out
    assert 'actor1' in out and '"Rebels" @0-6' in out
    assert "fatalities" in out and "best 4" in out
    assert "\x1b[" in highlight(sentence, [rebels], color=True)
