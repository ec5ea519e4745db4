"""`make bench-api`: a bounded load test of the REST API on 127.0.0.1 over a synthetic store."""
