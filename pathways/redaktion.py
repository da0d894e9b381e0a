"""The editors' YAML (stages, transitions, counselling, curated offers, offer types) as records.

Loaded once by `load_redaktion()` and used everywhere (planner, import, site, check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from pathways.check.schema import schema_validator, validate_document, well_formed_part
from pathways.errors import Problem
from pathways.paths import REDAKTION
from pathways.yamlload import LoadedYaml, load_yaml_file

# Qualifications: a school ladder (higher includes lower) plus completed vocational training.
SCHOOL_LADDER = ("keiner", "BBR", "eBBR", "MSA", "FHR", "AHR")
VOCATIONAL = "BERUF"
QUALIFICATIONS = (*SCHOOL_LADDER, VOCATIONAL)


def school_rank(qualification: str) -> int:
    """Position on the school ladder (keiner = 0 … AHR = 5); ValueError for BERUF or unknown."""
    return SCHOOL_LADDER.index(qualification)


def satisfies(held: Iterable[str], required: str | None) -> bool:
    """Does a person holding `held` (e.g. {"MSA", "BERUF"}) meet the requirement `required`?"""
    if required is None or required == "keiner":
        return True
    held = set(held)
    if required == VOCATIONAL:
        return VOCATIONAL in held
    needed = school_rank(required)
    return any(q in SCHOOL_LADDER and school_rank(q) >= needed for q in held)


def highest_school_qualification(held: Iterable[str]) -> str:
    """The highest school qualification in `held` ("keiner" when there is none)."""
    ranks = [school_rank(q) for q in held if q in SCHOOL_LADDER]
    return SCHOOL_LADDER[max(ranks, default=0)]


@dataclass(frozen=True)
class AgeRange:
    von: int
    bis: int

    def contains(self, age: float) -> bool:
        return self.von <= age <= self.bis

    def overlaps(self, other: AgeRange) -> bool:
        return self.von <= other.bis and other.von <= self.bis


@dataclass(frozen=True)
class Source:
    titel: str
    url: str


@dataclass(frozen=True)
class OfferType:
    id: str
    name: str
    sektor: str
    alter: AgeRange
    beschreibung: str
    file: str


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    sektor: str
    alter: AgeRange
    beschreibung: str
    quellen: tuple[Source, ...]
    file: str
    name_en: str | None = None
    dauer_jahre: float | None = None
    angebotsarten: tuple[str, ...] = ()
    abschluesse: tuple[str, ...] = ()
    endstufe: bool = False
    sprachniveau_erreicht: str | None = None  # CEFR level one typically reaches here
    bedarf: str | None = None                 # a special need this stage is meant for


@dataclass(frozen=True)
class Requirements:
    abschluss: str | None = None
    sprachniveau: str | None = None
    alter_min: int | None = None
    alter_max: int | None = None
    sonstiges: str | None = None


@dataclass(frozen=True)
class Transition:
    id: str
    von: str
    nach: str
    art: str
    alter: AgeRange
    beschreibung: str
    quellen: tuple[Source, ...]
    file: str
    voraussetzungen: Requirements = Requirements()
    beratung: tuple[str, ...] = ()
    standardweg: bool = False  # part of the editorial default life course


@dataclass(frozen=True)
class Contact:
    website: str | None = None
    telefon: str | None = None
    email: str | None = None
    adresse: str | None = None


@dataclass(frozen=True)
class CounsellingService:
    id: str
    name: str
    gebiet: str
    quellen: tuple[Source, ...]
    last_verified: str | None  # None: not yet verified at the source (never a guessed date)
    file: str
    bez_id: str | None = None
    themen: tuple[str, ...] = ()
    zielgruppe: str | None = None
    beschreibung: str | None = None
    sprachen: tuple[str, ...] = ()
    barrierefrei: str = "unbekannt"
    kontakt: Contact = Contact()


@dataclass(frozen=True)
class CuratedOffer:
    id: str
    name: str
    art: str
    lat: float
    lon: float
    plr_id: str
    quellen: tuple[Source, ...]
    stand: str | None  # None: no date known (keine Angabe)
    file: str
    lage_von: str | None = None  # id of the packaged offer whose position was taken
    sektor: str | None = None
    beschreibung: str | None = None
    alter_von: int | None = None
    alter_bis: int | None = None
    strasse: str | None = None
    plz: str | None = None
    ort: str | None = None
    traeger: str | None = None
    traeger_art: str | None = None
    telefon: str | None = None
    email: str | None = None
    website: str | None = None
    barrierefrei: str = "unbekannt"
    sprachen: tuple[str, ...] = ()
    kosten: str | None = None
    plaetze: int | None = None

    @property
    def offer_id(self) -> str:
        """The id of this offer in the `angebote` package."""
        return f"redaktion-{self.id}"


@dataclass(frozen=True)
class Kind:
    """One kind of editor file: where it lives and which schema it follows."""

    folder: str
    schema: str


STAGE_KIND = Kind("stufen", "stufe.schema.json")
TRANSITION_KIND = Kind("uebergaenge", "uebergang.schema.json")
SERVICE_KIND = Kind("beratung", "beratung.schema.json")
OFFER_KIND = Kind("angebote", "angebot.schema.json")
ENTITY_KINDS = (STAGE_KIND, TRANSITION_KIND, SERVICE_KIND, OFFER_KIND)
VOCABULARY_FILE = "vokabular/angebotsarten.yaml"
VOCABULARY_SCHEMA = "angebotsarten.schema.json"


@dataclass
class Redaktion:
    """Everything the editors maintain, plus every problem found while loading it."""

    root: Path
    project_root: Path
    stages: dict[str, Stage] = field(default_factory=dict)
    transitions: list[Transition] = field(default_factory=list)
    services: dict[str, CounsellingService] = field(default_factory=dict)
    offer_types: dict[str, OfferType] = field(default_factory=dict)
    curated_offers: list[CuratedOffer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # display path -> loaded file, to locate later problems (references, graph) at their line.
    documents: dict[str, LoadedYaml] = field(default_factory=dict)
    # folder -> ids (and file stems) of files that could not be used; references to them are not
    # reported again as "unknown".
    unusable: dict[str, set[str]] = field(default_factory=dict)
    # folder -> partial records of the files that fail their schema or cannot be read: their
    # well-formed fields, None (or the default) for the rest, the file stem as id when the id is
    # unusable. Only `check` sees them (`including_broken()`); the planner and the site never do.
    partial: dict[str, list[Any]] = field(default_factory=dict)
    # file of a partial record -> its fields whose value is not known (present but malformed, or
    # the placeholder id); None when the file could not be read at all (nothing is known).
    unknown_fields: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def including_broken(self) -> Redaktion:
        """A copy whose collections also hold the partial records of broken files, for `check`:
        rules run on their well-formed fields, and other files see them exist (no follow-ups)."""
        view = replace(self, stages=dict(self.stages), transitions=list(self.transitions),
                       services=dict(self.services), curated_offers=list(self.curated_offers))
        for stage in self.partial.get(STAGE_KIND.folder, ()):
            view.stages.setdefault(stage.id, stage)
        for service in self.partial.get(SERVICE_KIND.folder, ()):
            view.services.setdefault(service.id, service)
        view.transitions += self.partial.get(TRANSITION_KIND.folder, ())
        view.curated_offers += self.partial.get(OFFER_KIND.folder, ())
        return view

    def is_partial(self, record: Any) -> bool:
        """Does `record` come from a file that fails its schema (see `partial`)?"""
        return record.file in self.unknown_fields

    def field_unknown(self, record: Any, name: str) -> bool:
        """Is field `name` of `record` unknown: malformed, or the whole file unreadable? (A field
        that is simply absent from a readable file is known to be absent.)"""
        if record.file not in self.unknown_fields:
            return False
        unknown = self.unknown_fields[record.file]
        return unknown is None or name in unknown

    def known_ids(self, folder: str) -> set[str]:
        """Ids of one kind that exist, usable or not (for reference checks)."""
        usable = {STAGE_KIND.folder: self.stages, SERVICE_KIND.folder: self.services}[folder]
        return set(usable) | self.unusable.get(folder, set())

    def stages_for_art(self, art: str) -> list[str]:
        """Derived stages of an offer of type `art` (the one rule; sorted by stage id)."""
        return sorted(s.id for s in self.stages.values() if art in s.angebotsarten)

    def problem(self, file: str, pointer: str, code: str, message: str, **kw: Any) -> Problem:
        """A Problem located at `pointer` inside the already loaded `file`."""
        doc = self.documents.get(file)
        if doc is None:
            return Problem(file, None, None, code, message, **kw)
        return doc.problem(pointer, code, message, **kw)


def display_path(path: Path, project_root: Path) -> str:
    """Path as shown to people: relative to the project root when inside it."""
    try:
        # Resolve the folder only: a symlinked file is shown under its own name.
        shown = path.parent.resolve() / path.name
        return shown.relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_redaktion(root: Path = REDAKTION, project_root: Path | None = None) -> Redaktion:
    """Load, schema-check and type every editor file under `root`; problems are collected."""
    project_root = project_root or root.resolve().parent.parent
    red = Redaktion(root=root, project_root=project_root)
    schema_dir = root / "schemas"
    vocabulary = root / VOCABULARY_FILE
    if vocabulary.exists():
        _guarded_file(vocabulary, red, lambda: _load_vocabulary(vocabulary, schema_dir, red))
    else:
        red.problems.append(Problem(display_path(vocabulary, project_root), None, None,
                                    "missing-file", "Das Vokabular der Angebotsarten fehlt.",
                                    hint="Legen Sie `vokabular/angebotsarten.yaml` wieder an."))
    for kind in ENTITY_KINDS:
        for path in entity_files(root, kind):
            _guarded_file(path, red, lambda p=path, k=kind: _load_entity(p, k, schema_dir, red))
    return red


def _load_vocabulary(path: Path, schema_dir: Path, red: Redaktion) -> None:
    doc = _load_valid(path, VOCABULARY_SCHEMA, schema_dir, red.project_root, red)
    if doc is not None:
        _add_offer_types(doc, red)


def _load_entity(path: Path, kind: Kind, schema_dir: Path, red: Redaktion) -> None:
    doc = _load_valid(path, kind.schema, schema_dir, red.project_root, red)
    if doc is not None:
        _BUILDERS[kind.folder](doc, red)
    else:
        red.unusable.setdefault(kind.folder, set()).update(_ids_in(path, red))
        _add_partial(red.documents[display_path(path, red.project_root)], kind,
                     schema_validator(schema_dir, kind.schema), red)


def _add_partial(doc: LoadedYaml, kind: Kind, validator: Draft202012Validator,
                 red: Redaktion) -> None:
    """Keep the well-formed part of a broken file as a partial record (see `Redaktion.partial`)."""
    kept, malformed = well_formed_part(doc.data, validator.schema, validator)
    if "id" not in kept:
        kept["id"] = Path(doc.file).stem
        malformed.add("id")
    red.partial.setdefault(kind.folder, []).append(_RECORDS[kind.folder](kept, doc.file))
    red.unknown_fields[doc.file] = frozenset(malformed) if isinstance(doc.data, dict) else None


def _guarded_file(path: Path, red: Redaktion, step) -> None:
    """One odd file must not hide the others: an unexpected error becomes its Problem."""
    try:
        step()
    except Exception as err:  # noqa: BLE001
        red.problems.append(Problem(
            display_path(path, red.project_root), None, None, "internal-error",
            f"Die Datei konnte nicht verarbeitet werden ({type(err).__name__}: {err}).",
            hint="Bitte melden; die übrigen Dateien wurden geprüft."))


def entity_files(root: Path, kind: Kind) -> list[Path]:
    """The `*.yaml` files of one kind, sorted by name (the order every consumer sees)."""
    folder = root / kind.folder
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def _load_valid(path: Path, schema: str, schema_dir: Path, project_root: Path,
                red: Redaktion) -> LoadedYaml | None:
    doc = load_yaml_file(path, display_path(path, project_root))
    red.documents[doc.file] = doc
    red.problems.extend(doc.problems)
    if doc.data is None:
        return None
    schema_problems = validate_document(doc, schema_validator(schema_dir, schema))
    red.problems.extend(schema_problems)
    if schema_problems or doc.problems:
        return None
    return doc


def _ids_in(path: Path, red: Redaktion) -> set[str]:
    doc = red.documents[display_path(path, red.project_root)]
    found = doc.data.get("id") if isinstance(doc.data, dict) else None
    return {path.stem} | ({found} if isinstance(found, str) else set())


def _sources(items: list[dict]) -> tuple[Source, ...]:
    return tuple(Source(q["titel"], q["url"]) for q in items)


def _age(value: dict | None) -> AgeRange | None:
    return None if value is None else AgeRange(value["von"], value["bis"])


def _duplicate(red: Redaktion, doc: LoadedYaml, what: str, first_file: str) -> None:
    red.problems.append(doc.problem(
        "/id", "duplicate-id", f"Die Kennung `{doc.data['id']}` ist schon vergeben ({what} in "
        f"{first_file}).", field="id", hint="Jede Kennung darf es nur einmal geben; wählen Sie "
        "eine andere oder löschen Sie die doppelte Datei."))


def _add_offer_types(doc: LoadedYaml, red: Redaktion) -> None:
    for index, item in enumerate(doc.data["angebotsarten"]):
        if item["id"] in red.offer_types:
            red.problems.append(doc.problem(
                f"/angebotsarten/{index}/id", "duplicate-id",
                f"Die Angebotsart `{item['id']}` ist doppelt.", field="id",
                hint="Jede Angebotsart darf es nur einmal geben."))
            continue
        red.offer_types[item["id"]] = OfferType(
            item["id"], item["name"], item["sektor"], _age(item["alter"]), item["beschreibung"],
            doc.file)


def _add_stage(doc: LoadedYaml, red: Redaktion) -> None:
    d = doc.data
    if d["id"] in red.stages:
        _duplicate(red, doc, "Station", red.stages[d["id"]].file)
        return
    red.stages[d["id"]] = _stage(d, doc.file)


def _add_transition(doc: LoadedYaml, red: Redaktion) -> None:
    d = doc.data
    first = next((t for t in red.transitions if t.id == d["id"]), None)
    if first is not None:
        _duplicate(red, doc, "Übergang", first.file)
        return
    red.transitions.append(_transition(d, doc.file))


def _add_service(doc: LoadedYaml, red: Redaktion) -> None:
    d = doc.data
    if d["id"] in red.services:
        _duplicate(red, doc, "Beratung", red.services[d["id"]].file)
        return
    red.services[d["id"]] = _service(d, doc.file)


def _add_offer(doc: LoadedYaml, red: Redaktion) -> None:
    d = doc.data
    first = next((o for o in red.curated_offers if o.id == d["id"]), None)
    if first is not None:
        _duplicate(red, doc, "Angebot", first.file)
        return
    red.curated_offers.append(_offer(d, doc.file))


# Records from the data of one file. A valid file has every required field; a partial one
# (`Redaktion.partial`) gets None for each field it lacks.

def _stage(d: dict, file: str) -> Stage:
    return Stage(
        id=d["id"], name=d.get("name"), sektor=d.get("sektor"), alter=_age(d.get("alter")),
        beschreibung=d.get("beschreibung"), quellen=_sources(d.get("quellen", ())), file=file,
        name_en=d.get("name_en"), dauer_jahre=d.get("dauer_jahre"),
        angebotsarten=tuple(d.get("angebotsarten", ())),
        abschluesse=tuple(d.get("abschluesse", ())), endstufe=d.get("endstufe", False),
        sprachniveau_erreicht=d.get("sprachniveau_erreicht"), bedarf=d.get("bedarf"))


def _transition(d: dict, file: str) -> Transition:
    return Transition(
        id=d["id"], von=d.get("von"), nach=d.get("nach"), art=d.get("art"),
        alter=_age(d.get("alter")), beschreibung=d.get("beschreibung"),
        quellen=_sources(d.get("quellen", ())), file=file,
        voraussetzungen=Requirements(**d.get("voraussetzungen", {})),
        beratung=tuple(d.get("beratung", ())), standardweg=d.get("standardweg", False))


def _service(d: dict, file: str) -> CounsellingService:
    d = dict(d, quellen=_sources(d.get("quellen", ())), kontakt=Contact(**d.get("kontakt", {})))
    for key in ("themen", "sprachen"):
        d[key] = tuple(d.get(key, ()))
    return _with_required(CounsellingService, d, file)


def _offer(d: dict, file: str) -> CuratedOffer:
    d = dict(d, quellen=_sources(d.get("quellen", ())), sprachen=tuple(d.get("sprachen", ())))
    return _with_required(CuratedOffer, d, file)


def _with_required(cls: type, d: dict, file: str) -> Any:
    """`cls(**d)` with None for each required field that `d` lacks (partial records)."""
    required = {f.name: None for f in fields(cls)
                if f.default is MISSING and f.default_factory is MISSING}
    return cls(**{**required, **d, "file": file})


_RECORDS = {
    STAGE_KIND.folder: _stage,
    TRANSITION_KIND.folder: _transition,
    SERVICE_KIND.folder: _service,
    OFFER_KIND.folder: _offer,
}

_BUILDERS = {
    STAGE_KIND.folder: _add_stage,
    TRANSITION_KIND.folder: _add_transition,
    SERVICE_KIND.folder: _add_service,
    OFFER_KIND.folder: _add_offer,
}
