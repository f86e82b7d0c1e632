"""Fixtures of the store tests: a store holding the news fixtures' records."""
import pytest

from svodka.dataset.store import Store
from tests.news_fixtures import records


@pytest.fixture
def filled(tmp_path):
    path = str(tmp_path / "svodka.db")
    with Store.open(path) as store:
        for record in records():
            store.add_record(record)
    return path
