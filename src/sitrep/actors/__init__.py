"""Pipeline stage package: actors."""
