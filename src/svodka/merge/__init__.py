"""Merge: one event per type, place and day, with counts as intervals and a calibrated confidence."""
