"""Which OpenStreetMap places are no learning places and stay out of the offers."""

from __future__ import annotations

# Applied only to category `gemeinschaftszentrum` (plain amenity=community_centre): the other
# categories were chosen by a learning purpose or a target group (library, music school, youth,
# family, senior ...) and are kept.
RULE_CATEGORY = "gemeinschaftszentrum"

REASONS = {
    "vereinsheim": "Vereinsheim (community_centre=club_home: Sport-, Kleingarten- und andere "
                   "Vereinshäuser)",
    "religioese-nutzung": "Räume für religiöse Nutzung (community_centre:for=religious)",
    "veranstaltungsort": "reiner Veranstaltungsort (community_centre=events_venue als einziger "
                         "Zweck)",
}


def _subtags(osm_subtyp: str) -> dict[str, set[str]]:
    """`community_centre=a;b; community_centre:for=c` → {'community_centre': {a, b}, ...}."""
    out: dict[str, set[str]] = {}
    for part in osm_subtyp.split("; "):
        key, sep, values = part.partition("=")
        if sep:
            out.setdefault(key.strip(), set()).update(
                v.strip() for v in values.replace(",", ";").split(";") if v.strip())
    return out


def exclusion_reason(category: str, osm_subtyp: str) -> str | None:
    """The REASONS key that leaves this OSM row out, or None to keep it."""
    if category != RULE_CATEGORY:
        return None
    tags = _subtags(osm_subtyp)
    purpose = tags.get("community_centre", set())
    if "club_home" in purpose:
        return "vereinsheim"
    if "religious" in tags.get("community_centre:for", set()):
        return "religioese-nutzung"
    if purpose == {"events_venue"}:
        return "veranstaltungsort"
    return None
