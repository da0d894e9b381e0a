"""The URLs of the data pages (one place: page families, search and templates all use these)."""

from __future__ import annotations

OFFER_PREFIX = "/angebote/"
STAGE_PREFIX = "/stufen/"
BEZIRK_PREFIX = "/bezirk/"
KIEZ_PREFIX = "/kiez/"
SERVICE_PREFIX = "/beratung/"

HOME_URL = "/"
STAGES_INDEX_URL = STAGE_PREFIX
BEZIRKE_INDEX_URL = BEZIRK_PREFIX
SERVICES_INDEX_URL = SERVICE_PREFIX


def offer_url(offer_id: str) -> str:
    return f"{OFFER_PREFIX}{offer_id}/"


def stage_url(stage_id: str) -> str:
    return f"{STAGE_PREFIX}{stage_id}/"


def bezirk_url(bez_id: str) -> str:
    return f"{BEZIRK_PREFIX}{bez_id}/"


def kiez_url(plr_id: str) -> str:
    return f"{KIEZ_PREFIX}{plr_id}/"


def service_url(service_id: str) -> str:
    return f"{SERVICE_PREFIX}{service_id}/"


def save_as(url: str) -> str:
    """Output file of a page URL: "/angebote/x/" -> "angebote/x/index.html"."""
    path = url.strip("/")
    return f"{path}/index.html" if path else "index.html"


URL_FUNCTIONS = {
    "offer_url": offer_url,
    "stage_url": stage_url,
    "bezirk_url": bezirk_url,
    "kiez_url": kiez_url,
    "service_url": service_url,
}
