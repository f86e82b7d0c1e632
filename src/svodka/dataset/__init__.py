"""Dataset: the SQLite store, its write side, and linking one event across documents."""
