"""Markers for the fast loop: `pytest -m "not slow"` leaves out what takes long, `-m "not browser"`
and `-m "not cluster"` what needs chromium or a Dask cluster; `make test` runs everything."""


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (stores, subprocesses, whole corpora)")
    config.addinivalue_line("markers", "browser: drives headless chromium")
    config.addinivalue_line("markers", "cluster: starts a Dask cluster")
