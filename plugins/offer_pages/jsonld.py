"""schema.org JSON-LD of an offer (a data block for search engines; not executed, CSP-safe)."""

from __future__ import annotations

import json

from datapages_base import is_missing, mailto_url, safe_url
from markupsafe import Markup

# Offer type (`art`) -> schema.org type. School, ElementarySchool, HighSchool and Preschool are
# both organisations and places; EducationalOrganization alone is not a place.
SCHEMA_TYPES = {
    "grundschule": "ElementarySchool",
    "iss": "HighSchool",
    "gymnasium": "HighSchool",
    "gemeinschaftsschule": "School",
    "foerderzentrum": "School",
    "waldorfschule": "School",
    "allgemeinbildende-schule": "School",
    "willkommensschule": "School",
    "oberstufenzentrum": "School",
    "berufsschule": "School",
    "berufsfachschule": "School",
    "fachschule": "School",
    "fachoberschule": "School",
    "kolleg": "School",
    "vhs-kolleg": "School",
    "volkshochschule": "EducationalOrganization",
    "musikschule": "EducationalOrganization",
    "tanzschule": "EducationalOrganization",
    "kita": "Preschool",
    "kita-heilpaedagogisch": "Preschool",
    "kita-sprachfoerderung": "Preschool",
    "bibliothek": "Library",
    "abenteuerspielplatz-kinderbauernhof": "Playground",
    "jugendfreizeiteinrichtung": "CivicStructure",
    "kinder-jugendzentrum": "CivicStructure",
    "familienzentrum": "CivicStructure",
    "nachbarschaftszentrum": "CivicStructure",
    "seniorentreff": "CivicStructure",
    "kunst-kulturzentrum": "CivicStructure",
    "beratungsstelle": "CivicStructure",
}
NOT_A_PLACE = {"EducationalOrganization"}
FALLBACK_TYPE = "Place"


def schema_type(art: str) -> str:
    return SCHEMA_TYPES.get(art, FALLBACK_TYPE)


def offer_jsonld(offer: dict, page_url: str) -> dict:
    """The JSON-LD object of one offer row (only facts the row holds)."""
    kind = schema_type(offer["art"])
    data: dict = {"@context": "https://schema.org", "@type": kind, "name": offer["name"],
                  "url": page_url}
    address = {"@type": "PostalAddress", "addressCountry": "DE", "addressRegion": "Berlin"}
    for key, field in (("streetAddress", "strasse"), ("postalCode", "plz"),
                       ("addressLocality", "ort")):
        if not is_missing(offer.get(field)):
            address[key] = offer[field]
    data["address"] = address
    geo = {"@type": "GeoCoordinates", "latitude": offer["lat"], "longitude": offer["lon"]}
    if kind in NOT_A_PLACE:
        data["location"] = {"@type": "Place", "geo": geo}
    else:
        data["geo"] = geo
    if not is_missing(offer.get("telefon")):
        data["telephone"] = str(offer["telefon"])
    email = mailto_url(offer.get("email"))
    if email:
        data["email"] = email.removeprefix("mailto:")
    website = safe_url(offer.get("website"))
    if website:
        data["sameAs"] = website
    if offer.get("kosten") == "kostenfrei":
        data["isAccessibleForFree"] = True
    return data


def jsonld_script_body(data: dict) -> Markup:
    """JSON text safe inside <script>: "<", ">" and "&" escaped so no "</script>" can occur."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
