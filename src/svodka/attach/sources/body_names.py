"""One name for a body named many ways (data/attach/body_names.tsv): "МО РФ" is Минобороны России."""
from __future__ import annotations

import re


from ...lexicon import data_rows, fold_yo
from ...resources import shared_resources
from .attribution import Attribution, dedupe


def name_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", fold_yo(name.lower())))


def body_names() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    return shared_resources().body_names


def load_body_names() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    """data/body_names.tsv: a form's one name; a bare form's candidate names; a bare form's default."""
    named: dict[str, str] = {}
    bare: dict[str, tuple[str, ...]] = {}
    default: dict[str, str] = {}
    for row in data_rows("attach/body_names.tsv", strip=True):
        name, forms = row[0], [f.strip() for f in (row[1] if len(row) > 1 else "").split("|") if f.strip()]
        for form in [name] + forms:
            named[name_key(form)] = name
        for form in (f.strip() for f in (row[2] if len(row) > 2 else "").split("|") if f.strip()):
            bare[name_key(form)] = bare.get(name_key(form), ()) + (name,)
            if len(row) > 3 and row[3] == "yes":
                default[name_key(form)] = name
    return named, bare, default


def name_bodies(attributions: list[Attribution]) -> None:
    """Give the bodies named many ways their one name ("МО РФ", "российское военное ведомство" are
    Минобороны России); a bare "Минобороны" is the ministry named last before it, else the default."""
    named, bare, default = body_names()
    seen: list[tuple[str, str]] = []  # (the key of the name as the text gave it, the name kept)
    for a in attributions:
        for k, name in enumerate(a.chain):
            key = name_key(name)
            one = named.get(key)
            if one is None and key in bare:
                # "Министерство обороны Израиля … в министерстве обороны": the one named before, of any country
                one = next(
                    (kept for said, kept in reversed(seen) if kept in bare[key] or said.startswith(key + " ")),
                    default.get(key),
                )
            seen.append((key, one or name))
            if one is None:
                continue
            a.unnamed = [u for u in a.unnamed if u != name]  # a body of the table is named: "талибы" are Талибан
            a.chain[k] = one
        a.chain = dedupe(a.chain)
