"""Pipeline stage package: dates."""
