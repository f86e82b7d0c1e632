"""svodka: Russian news to a verifiable, geocoded event dataset in ACLED's conventions."""

__version__ = "0.1.0"
