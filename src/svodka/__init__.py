"""svodka: Russian news to a verifiable, geocoded event dataset in ACLED's conventions."""
import os

# The NER multiplies small matrices: a BLAS thread per core only makes the threads fight
# (measured: 109 docs/s with one thread, 13 with one per core). Set before NumPy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
