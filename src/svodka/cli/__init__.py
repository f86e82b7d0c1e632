"""The `svodka` command line."""
