"""tools/folds.py: a stable split of the gold, and per-fold scores that add up to the whole."""
import json

from tests.helpers import SHARED, needs_shared
from tools.folds import fold_of, fold_table, load_scorer, select_documents


def test_a_documents_fold_depends_only_on_its_id():
    assert fold_of("doc-1", 3) == fold_of("doc-1", 3)
    assert {fold_of(f"doc-{n}", 3) for n in range(60)} == {0, 1, 2}


def test_select_documents_keeps_the_lines_of_the_ids_asked(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": "т"}) + "\n" for i in "abc"), encoding="utf-8")
    select_documents(corpus, {"a", "c"}, tmp_path / "out.jsonl")
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == ["a", "c"]


@needs_shared()
def test_the_folds_together_hold_every_gold_document(tmp_path):
    scorer = load_scorer(SHARED)
    pred = tmp_path / "empty.jsonl"
    pred.write_text("", encoding="utf-8")
    table = fold_table(scorer, SHARED / "gold", pred, 3)
    assert sum(table[f"fold{k}"]["docs"] for k in range(3)) == table["all"]["docs"] == len(list((SHARED / "gold").glob("*.json")))
    assert sum(table[f"fold{k}"]["fn"] for k in range(3)) == table["all"]["fn"] > 0
