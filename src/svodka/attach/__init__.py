"""Attach: turn triggers into events and give each its place, date, counts, sources and actors."""
