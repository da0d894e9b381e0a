"""Library for the data page families (offer, stage, Bezirk, Kiez pages …); registers nothing.

Family plugins import it (`from datapages_base import DataPageGenerator, DataPage, …`).
"""

from pathways.collation import german_key

from .data import offers, redaktion, stage_graph
from .generator import HOME_CRUMB, DataPage, DataPageGenerator, crumbs, repo_path
from .labels import (
    ACCESSIBILITY,
    COSTS,
    QUALIFICATIONS,
    SECTORS,
    TRANSITION_KINDS,
    language_name,
)
from .text import (
    KEINE_ANGABE,
    Record,
    age_range,
    is_missing,
    mailto_url,
    markdown_html,
    or_keine_angabe,
    plain_record,
    records,
    safe_url,
    tel_url,
)
from .urls import (
    BEZIRKE_INDEX_URL,
    HOME_URL,
    SERVICES_INDEX_URL,
    STAGES_INDEX_URL,
    bezirk_url,
    kiez_url,
    offer_url,
    save_as,
    service_url,
    stage_url,
)

__all__ = [
    "ACCESSIBILITY",
    "COSTS",
    "QUALIFICATIONS",
    "SECTORS",
    "TRANSITION_KINDS",
    "language_name",
    "BEZIRKE_INDEX_URL",
    "HOME_CRUMB",
    "HOME_URL",
    "KEINE_ANGABE",
    "SERVICES_INDEX_URL",
    "STAGES_INDEX_URL",
    "DataPage",
    "Record",
    "DataPageGenerator",
    "age_range",
    "bezirk_url",
    "crumbs",
    "german_key",
    "is_missing",
    "kiez_url",
    "mailto_url",
    "markdown_html",
    "offer_url",
    "offers",
    "or_keine_angabe",
    "plain_record",
    "records",
    "redaktion",
    "repo_path",
    "safe_url",
    "save_as",
    "service_url",
    "stage_graph",
    "stage_url",
    "tel_url",
]
