"""Benchmarks of Hailuo Desktop against the limits issue 5 sets (not part of the test suite).

    python -m benchmarks            # every benchmark; prints the table, writes benchmarks/RESULTS.md
    python -m benchmarks --only polling,download --no-save

Each figure is measured against a reference taken in the same run and reported as a
ratio. Nothing here asserts on time: tests/test_benchmarks_smoke.py runs the same code on
tiny sizes for correctness only. Qt parts run in child processes (offscreen), so one Qt
application per measurement and a fresh RSS for each.
"""
