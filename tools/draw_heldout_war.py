"""Draw the held-out war-stream evaluation sample.

Posts of ../shared/corpus/stream.jsonl whose text matches war vocabulary,
leaving out every id already in evaluation/war-stream/ and
../shared/gold-stream/, ordered by sha1("heldout-2:" + id); the first N
(70) are printed, one id a line.  Deterministic: the same corpus gives the
same list.

    python tools/draw_heldout_war.py --shared ../shared [-n 70]
"""
import argparse
import hashlib
import json
import pathlib
import re

WAR = re.compile(
    r"\b(?:беспилотн|бпла|дрон|ракет|пво\b|обстрел|удар|всу\b|минобороны|генштаб|"
    r"фронт|направлени|штурм|сбит|прил[её]т|взрыв)",
    re.IGNORECASE,
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("-n", type=int, default=70)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    root = pathlib.Path(__file__).resolve().parent.parent
    seen = {p.stem for p in (root / "evaluation" / "war-stream").glob("*.json")}
    seen |= {p.stem for p in (shared / "gold-stream").glob("*.json")}
    picked = []
    with open(shared / "corpus" / "stream.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in seen or not WAR.search(doc.get("text") or ""):
                continue
            key = hashlib.sha1(("heldout-2:" + doc["id"]).encode("utf-8")).hexdigest()
            picked.append((key, doc["id"]))
    picked.sort()
    for _, doc_id in picked[: args.n]:
        print(doc_id)


if __name__ == "__main__":
    main()
