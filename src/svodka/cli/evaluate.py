"""`svodka eval`: extracted events scored against gold files."""
from __future__ import annotations

import json
import sys

import typer
from rich.console import Console

from ..errors import SvodkaError
from .app import (
    PIPE_WIDTH,
    app,
    check_confidence,
    fail,
    say,
)
from .options import MinConfidence


@app.command("eval")
def eval_command(
    gold: list[str] = typer.Option(..., "--gold", help="A gold file or a folder of them (CONTRACT.md); may be repeated."),
    pred: str = typer.Option(None, "--pred", help="Predictions: what `svodka extract --format json|jsonl` printed."),
    input_path: str = typer.Option(None, "--input", help="Documents to run the extractor on instead of reading --pred."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also list gold, predicted, tp, fp and fn per document."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    calibration: bool = typer.Option(False, "--calibration", help="Also show how often events of each confidence match the gold."),
    errors: bool = typer.Option(False, "--errors", help="Also class every false positive and false negative by its cause."),
    min_confidence: MinConfidence = None,  # with --input only
) -> None:
    """Score extracted events against gold annotations: precision, recall, F1 and the accuracy of each field."""
    from ..evaluation.error_analysis import classify_errors
    from ..evaluation.report import (
        causes_table,
        errors_table,
        render_report,
        report_json,
    )
    from ..evaluation.scoring import (
        evaluate,
        extracted_predictions,
        load_gold,
        load_predictions,
    )

    if (pred is None) == (input_path is None):
        fail("give exactly one of --pred and --input")
    if min_confidence is not None and input_path is None:
        fail("--min-confidence needs --input")
    check_confidence(min_confidence)
    skipped = []

    def report(message: str) -> None:
        skipped.append(message)
        say(f"skipped: {message}")

    try:
        gold_docs = load_gold(gold)
        predictions = load_predictions(pred) if pred is not None else extracted_predictions(input_path, report, min_confidence)
    except SvodkaError as error:
        fail(str(error))
    result = evaluate(gold_docs, predictions)
    if as_json:
        print(json.dumps(report_json(result, per_doc, calibration), ensure_ascii=False, indent=2))
    else:
        console = Console(width=None if sys.stdout.isatty() else PIPE_WIDTH)
        render_report(result, console, per_doc, calibration)
        if errors:
            cases = classify_errors(gold_docs, predictions)
            console.print(causes_table(cases))
            console.print(errors_table(cases))
    if skipped:
        fail(f"{len(skipped)} input record(s) skipped", code=1)
