"""Evaluation: scores against gold files as shared/tools/score.py counts them, error causes, reports."""
