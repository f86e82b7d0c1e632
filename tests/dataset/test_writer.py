"""The ingest loop stores records in transactions of many documents."""
from svodka.dataset import writer
from svodka.dataset.store import Store
from tests.news_fixtures import rally_text


def test_documents_are_committed_in_batches_and_all_are_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "COMMIT_DOCUMENTS", 3)
    monkeypatch.setattr(writer, "COMMIT_SECONDS", 3600.0)
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(7):
        (folder / f"{number}.txt").write_text(rally_text(200 + number), encoding="utf-8")
    seen = []
    with Store.open(str(tmp_path / "s.db")) as store:
        summary = writer.ingest([str(folder)], store, on_error=print,
                                on_progress=lambda s: seen.append((s.stored, store.counts()["documents"])))
        assert store.counts()["documents"] == 7
    assert summary.stored == 7
    assert seen == [(3, 3), (6, 6), (7, 7)]
