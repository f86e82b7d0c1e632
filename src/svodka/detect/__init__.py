"""Detect: event triggers by lemma, with their modality and non-event contexts."""
