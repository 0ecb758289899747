"""Benchmarks of the answer path (figures, not tests). Run: python -m benchmarks"""
