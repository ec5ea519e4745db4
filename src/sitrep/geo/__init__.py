"""Pipeline stage package: geo."""
