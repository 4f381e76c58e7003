"""Benchmarks: ``make bench`` (or ``python -m benchmarks [NAME...]``) runs each and prints figures."""
