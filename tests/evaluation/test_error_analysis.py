"""Each unmatched event gets the one matching condition it fails."""
from svodka.evaluation.error_analysis import cause_table, classify_errors


def event(event_type, sub, place, lat, lon, day, modality="actual"):
    return {
        "event_type": event_type, "sub_event_type": sub, "modality": modality, "date": day,
        "location": {"name": place, "country": "KZ", "lat": lat, "lon": lon, "precision": "city"},
    }


ALMATY = ("Алматы", 43.25, 76.91)
AKTAU = ("Актау", 43.65, 51.16)
RALLY = ("Protests", "Peaceful protest")
RIOT = ("Riots", "Violent demonstration")


def test_every_error_is_classed_by_the_condition_it_fails():
    gold = {
        "place": {"published": "2022-01-06", "events": [event(*RALLY, *ALMATY, "2022-01-06")]},
        "type": {"published": "2022-01-06", "events": [event(*RALLY, *ALMATY, "2022-01-06")]},
        "split": {"published": "2022-01-06", "events": [event(*RIOT, *ALMATY, "2022-01-06")]},
        "quiet": {"published": "2022-01-06", "events": []},
        "missed": {"published": "2022-01-06", "events": [event(*RIOT, *AKTAU, "2022-01-06")]},
        "denied": {"published": "2022-01-06", "events": [event(*RIOT, *AKTAU, "2022-01-06")]},
    }
    predictions = {
        "place": {"events": [event(*RALLY, *AKTAU, "2022-01-06")]},
        "type": {"events": [event(*RIOT, *ALMATY, "2022-01-06")]},
        "split": {"events": [event(*RIOT, *ALMATY, "2022-01-06"), event(*RIOT, *ALMATY, "2022-01-05")]},
        "quiet": {"events": [event(*RIOT, *ALMATY, "2022-01-06")]},
        "missed": {"events": []},
        "denied": {"events": [event(*RIOT, *AKTAU, "2022-01-06", modality="denied")]},
    }
    causes = {(c.doc_id, c.kind): c.cause for c in classify_errors(gold, predictions)}
    assert causes == {
        ("place", "fp"): "wrong place",
        ("place", "fn"): "wrong place",
        ("type", "fp"): "wrong type",
        ("type", "fn"): "wrong type",
        ("split", "fp"): "merge/split",
        ("quiet", "fp"): "non-conflict text",
        ("missed", "fn"): "trigger missed",
        ("denied", "fn"): "modality",
    }
    assert cause_table(classify_errors(gold, predictions))[("fn", "wrong place")] == 1
