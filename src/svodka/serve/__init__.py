"""Serve: the read-only web map, event pages and JSON API over a store."""
