"""Human-readable evaluation reports (the JSON objects are the contract; this is for people)."""

from __future__ import annotations

from typing import Any

PER_LABEL_KEY = "per_label"


def flatten(scores: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every scalar under a dotted key ('all.micro_f1'), per-label tables left out."""
    flat: dict[str, Any] = {}
    for key, value in scores.items():
        if key == PER_LABEL_KEY:
            continue
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def format_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"
    return str(value)


def per_label_table(per_label: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"  {'label':<32} {'p':>6} {'r':>6} {'f1':>6} {'support':>8}"]
    for label, score in sorted(per_label.items(), key=lambda item: -int(item[1].get("support", 0))):
        lines.append(f"  {label:<32} {score['p']:>6.3f} {score['r']:>6.3f} {score['f1']:>6.3f} "
                     f"{score['support']:>8}")
    return lines


def format_report(name: str, scores: dict[str, Any], per_label: bool = True) -> str:
    """One data set's scores: one ``key  value`` line per figure, then the per-label table."""
    lines = [f"== {name}"]
    lines += [f"  {key:<36} {format_value(value)}" for key, value in flatten(scores).items()]
    if scores.get("seen_in_training"):
        lines.append("  NOTE: the model was trained on this file; these figures measure fit, not accuracy "
                     "on unseen text. Quote `make train` cross-validated figures instead.")
    if per_label and PER_LABEL_KEY in scores:
        lines += ["  per label:", *per_label_table(scores[PER_LABEL_KEY])]
    return "\n".join(lines)


def format_all(results: dict[str, dict[str, Any]]) -> str:
    """The `sitrep eval all` table: one row per figure of every data set, per-label tables left out."""
    lines = [f"{'dataset':<10} {'metric':<36} {'value':>9}", "-" * 57]
    for name, scores in results.items():
        lines += [f"{name:<10} {key:<36} {format_value(value):>9}" for key, value in flatten(scores).items()]
    return "\n".join(lines)
