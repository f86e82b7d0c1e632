"""svodka: Russian news to a verifiable, geocoded event dataset in ACLED's conventions."""
import os

# The NER multiplies small matrices: a BLAS thread per core only makes the threads fight
# (measured: 109 docs/s with one thread, 13 with one per core). Set before NumPy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"

API = ("extract", "extract_many", "ingest_documents", "open_store")  # svodka.ingest is the package of readers


def __getattr__(name: str):
    """The Python API (svodka/api.py), loaded on first use so that the command line starts fast."""
    if name in API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'svodka' has no attribute {name!r}")
