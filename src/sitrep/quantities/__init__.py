"""Pipeline stage package: quantities."""
