"""Evaluation harness: datasets, scorers and the `sitrep eval` runner."""
