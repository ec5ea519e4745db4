"""Pipeline stage package: events."""
