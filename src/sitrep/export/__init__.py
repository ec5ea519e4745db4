"""Exports: JSON lines, JSON, ACLED-style CSV, GeoJSON."""
