"""Tools that measure and fit: evaluation sets and the confidence model's calibration."""
