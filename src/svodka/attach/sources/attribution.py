"""What an attribution is: a chain of speakers, a verification mark, a speaker, a resolved phrase."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Span


@dataclass
class Attribution:
    chain: list[str]
    evidence: Span
    sentences: list[int]
    unnamed: list[str] = field(default_factory=list)  # the links of the chain that name no one: "источник"


@dataclass
class VerificationMark:
    kind: str  # unconfirmed | disputed
    evidence: Span
    sentence: int


@dataclass
class Speaker:
    name: str
    span: Span
    person: bool = False
    unnamed: bool = False


@dataclass
class Resolved:
    chain: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    person: bool = False
    has_relay_object: bool = False  # an outlet, correspondent, pronoun or speech noun


def dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out
