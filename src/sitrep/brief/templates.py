"""Sentence templates of the brief: every sentence an analyst reads is one of these, filled in.

Kept apart from the selection logic so the wording can be reviewed (and translated) in one place.
"""

from __future__ import annotations

OVERVIEW = "Between {date_from} and {date_to}, {events} {were} reported in {area} ({by_type})."
BY_AREA = "By area: {by_area}."
CHANGE_UP = "That is {delta} more than the {previous} of the previous {days} days ({prev_from} to {prev_to})."
CHANGE_DOWN = "That is {delta} fewer than the {previous} of the previous {days} days ({prev_from} to {prev_to})."
CHANGE_SAME = "That is as many as in the previous {days} days ({prev_from} to {prev_to})."
CHANGE_NEW = "No events were recorded there in the previous {days} days ({prev_from} to {prev_to})."
INCIDENT = "On {date}, {what} in {place}{actors}{toll}, reported by {sources}."
FATALITIES_TOTAL = "Reported fatalities in the period range from {low} to {high} (best estimate {best}) over {events}."
FATALITIES_TYPE = "{event_type}: {range} killed in {events}."
FATALITIES_NONE = "No deaths were reported in the {events} of the period."
CONTESTED_DENIAL = "{claimant} says {claim}; {denier} denies {denial}."
CONTESTED_SAYS = "{claimant} says {claim}"
CONTESTED_FIGURES = "On the {what} of {date} in {place}, {statements}."
CONTESTED_REASON = "Claims about the {what} of {date} conflict: {reason}."
NEW_ACTOR = "{actor}{kind} was not reported in the area in the previous period; it appears on {date} ({what}{place})."
MORE = " (citing {shown} of {total})"
EMPTY = "No events matching the filters were recorded in {area} between {date_from} and {date_to}."

SECTION_TITLES = {
    "overview": "Overview",
    "incidents": "Main incidents",
    "fatalities": "Fatalities",
    "contested": "Contested claims",
    "actors": "Actors new to the area",
}
