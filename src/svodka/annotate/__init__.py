"""Annotate: paragraphs and sentences, tokens with lemmas and grammemes, named entities."""
