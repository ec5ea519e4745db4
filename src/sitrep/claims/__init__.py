"""Pipeline stage package: claims."""
