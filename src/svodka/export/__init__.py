"""Export: linked events out of the store as ACLED CSV, GeoJSON, JSON Lines, Parquet."""
