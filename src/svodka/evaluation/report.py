"""An evaluation as JSON for programs and as tables for people."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .error_analysis import ErrorCase, cause_table, describe
from .scoring import Evaluation


def report_json(evaluation: Evaluation, per_doc: bool = False, calibration: bool = False) -> dict:
    out: dict = {"summary": evaluation.summary()}
    if per_doc:
        out["documents"] = [
            {"id": d.doc_id, "gold": d.gold, "predicted": d.predicted, "tp": d.tp, "fp": d.fp, "fn": d.fn, "in_predictions": d.in_predictions}
            for d in evaluation.documents
        ]
    if calibration:
        out["calibration"] = [
            {"bin": b.label, "low": b.low, "high": b.high, "events": b.events, "matched": b.matched, "match_rate": b.match_rate}
            for b in evaluation.calibration
        ]
    return out


def shown(value: float | int | None) -> str:
    return "–" if value is None else str(value)


def render_report(evaluation: Evaluation, console: Console, per_doc: bool = False, calibration: bool = False) -> None:
    if per_doc:
        console.print(documents_table(evaluation))
    console.print(summary_table(evaluation))
    if calibration:
        console.print(calibration_table(evaluation))


def summary_table(evaluation: Evaluation) -> Table:
    figures, supports = evaluation.summary(), evaluation.supports()
    tp = figures["tp"]
    basis = {
        "precision": f"{tp} / {tp + figures['fp']}",
        "recall": f"{tp} / {tp + figures['fn']}",
        **{name: f"{ratio.right} / {ratio.total}" for name, ratio in supports.items()},
    }
    table = Table(title=f"{figures['docs']} gold documents ({figures['missing_docs']} without predictions)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("right / of", justify="right")
    for name, value in figures.items():
        if name not in ("docs", "missing_docs"):
            table.add_row(name, shown(value), basis.get(name, ""))
    return table


def documents_table(evaluation: Evaluation) -> Table:
    table = Table(title="Per document (actual events)")
    for column in ("document", "gold", "predicted", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "document" else "right", overflow="fold")
    for d in evaluation.documents:
        name = d.doc_id if d.in_predictions else f"{d.doc_id} [red](no prediction)[/red]"
        table.add_row(name, str(d.gold), str(d.predicted), str(d.tp), highlighted(d.fp), highlighted(d.fn))
    return table


def highlighted(errors: int) -> str:
    return f"[yellow]{errors}[/yellow]" if errors else "0"


def calibration_table(evaluation: Evaluation) -> Table:
    table = Table(title="Confidence of predicted actual events on gold documents")
    for column in ("confidence", "events", "matched", "share matched"):
        table.add_column(column, justify="left" if column == "confidence" else "right")
    for b in evaluation.calibration:
        table.add_row(b.label, str(b.events), str(b.matched), shown(b.match_rate))
    return table


def errors_table(cases: list[ErrorCase]) -> Table:
    table = Table(title="Every false positive and false negative, by cause")
    for column in ("document", "error", "cause", "event"):
        table.add_column(column, overflow="fold")
    for case in sorted(cases, key=lambda c: (c.kind, c.cause, c.doc_id)):
        table.add_row(case.doc_id, case.kind, case.cause, describe(case.event))
    return table


def causes_table(cases: list[ErrorCase]) -> Table:
    table = Table(title="Errors by cause")
    for column in ("error", "cause", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for (kind, cause), count in sorted(cause_table(cases).items(), key=lambda item: (item[0][0], -item[1])):
        table.add_row(kind, cause, str(count))
    return table
