"""Evaluation harness: datasets, scorers and the `sitrep eval` runner.

``sitrep eval DATASET PATH --json`` prints one JSON object. Its keys are a contract read by
outside scripts: add keys, never rename them. All rates are 0-1.

- ``case2021`` (JSONL id/text/label; PATH a file or a folder with dev.jsonl):
  ``all`` and ``subtask1`` (gold label among the 25 ACLED codes), each with ``n``,
  ``micro_f1``, ``macro_f1``, ``weighted_f1``; ``per_label``: {label: {p, r, f1, support}}.
- ``isaf`` (JSONL id/text/gold): ``n``, ``accuracy``: {event_type, province, start_date,
  target_group, min_killed, min_captured}; set fields score |pred ∩ gold| / |gold|.
- ``geo`` (a JSONL file, or a folder: one object per file keyed by its stem): ``n_toponyms``,
  ``recall``, ``precision``, ``acc_161km``, ``median_km``, ``auc`` (lower is better).
- ``polnear`` (a folder with text/ and attributions/, or its parent: dev/ is used):
  ``source``, ``cue``, ``content``, each with ``p``, ``r``, ``f1`` (exact) and ``f1_overlap``.
- ``acled`` (an ACLED export, CSV or JSONL): ``n``, ``event_type_acc``, ``sub_event_type_acc``,
  ``actor1_acc``, ``fatalities_exact``, ``date_exact``, ``acc_161km``.
- ``incidents`` (a folder with articles.jsonl and incidents.jsonl, like ../shared/data/clusters):
  ``articles``, ``events_per_article``, ``articles_without_event``, ``main``: {``n``, ``date_exact``,
  ``city``, ``state``, ``killed_exact``, ``injured_exact``, ``all_fields``} (sitrep.evaluation.incidents).
- ``wikievents`` (WikiEvents JSONL; PATH a file or a folder with dev.jsonl): ``documents``, ``events``,
  ``sentences``: {``p``, ``r``, ``f1``, ``tp``, ``fp``, ``fn``} (sitrep.evaluation.wikievents).
- ``all`` (a folder laid out like ../shared/data): one object keyed by the data sets found.

Every data set object also has ``failed``: articles the pipeline could not process (they
score as wrong). The definitions of each figure are in the data set's module docstring;
``--details FILE`` writes one JSON line per item (gold and prediction) for error analysis.
"""
