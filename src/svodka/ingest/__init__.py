"""Ingest: the user's input (text, JSON Lines, HTML, feeds, WARC, folders) as Documents."""
