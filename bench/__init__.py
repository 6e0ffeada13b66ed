"""Performance figures for coach: `python -m bench` prints `name: value` lines.

Figures are ratios against a reference measured in the same run where possible,
because these machines are shared and noisy; no test asserts on timings.
"""
