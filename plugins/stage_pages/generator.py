"""StagePageGenerator: stages of the editors' YAML with their transitions and offers by Bezirk."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from datapages_base import (
    STAGES_INDEX_URL,
    DataPage,
    DataPageGenerator,
    offers,
    redaktion,
    repo_path,
    stage_graph,
    stage_url,
)

from pathways.collation import german_key
from pathways.load import load_bezirke
from pathways.redaktion import CounsellingService, Stage, Transition

STAGES_FOLDER = "datapackages/redaktion/stufen/"


@dataclass(frozen=True)
class TransitionView:
    """A transition as one stage page shows it: the stage at the other end and the details."""

    other: Stage
    transition: Transition
    services: tuple[CounsellingService, ...]
    edit_path: str


@dataclass(frozen=True)
class BezirkCount:
    bez_id: str
    bez_name: str
    count: int


class StagePageGenerator(DataPageGenerator):
    family = "stufen"
    templates_dir = Path(__file__).parent / "templates"

    def pages(self) -> Iterator[DataPage]:
        red = redaktion()
        graph = stage_graph()
        counts = offers_per_stage_and_bezirk()
        bezirke = dict(load_bezirke()[["bez_id", "bez_name"]].itertuples(index=False))
        stages = sorted(red.stages.values(),
                        key=lambda s: (s.alter.von, s.alter.bis, german_key(s.name)))
        yield DataPage(
            key="",
            url=STAGES_INDEX_URL,
            title=self.gettext("Bildungsstationen"),
            template="stage_pages/stages",
            breadcrumbs=self.crumbs((self.gettext("Bildungsstationen"), None)),
            edit_path=STAGES_FOLDER,
            context={"stages": stages},
        )
        for stage in stages:
            incoming = [self._view(t, red.stages[t.von]) for _, _, t in
                        graph.in_edges(stage.id, data="transition")]
            outgoing = [self._view(t, red.stages[t.nach]) for _, _, t in
                        graph.out_edges(stage.id, data="transition")]
            by_bezirk = [BezirkCount(bez_id, bezirke.get(bez_id, bez_id), n)
                         for (sid, bez_id), n in sorted(counts.items()) if sid == stage.id]
            yield DataPage(
                key=stage.id,
                url=stage_url(stage.id),
                title=stage.name,
                template="stage_pages/stage",
                breadcrumbs=self.crumbs((self.gettext("Bildungsstationen"), STAGES_INDEX_URL),
                                       (stage.name, None)),
                edit_path=repo_path(stage.file),
                context={
                    "stage": stage,
                    "offer_types": [red.offer_types[a] for a in stage.angebotsarten
                                    if a in red.offer_types],
                    "incoming": sorted(incoming, key=_order),
                    "outgoing": sorted(outgoing, key=_order),
                    "offers_by_bezirk": by_bezirk,
                    "offers_total": sum(c.count for c in by_bezirk),
                },
            )

    @staticmethod
    def _view(transition: Transition, other: Stage) -> TransitionView:
        services = redaktion().services
        return TransitionView(
            other=other,
            transition=transition,
            services=tuple(services[s] for s in transition.beratung if s in services),
            edit_path=repo_path(transition.file),
        )


def _order(view: TransitionView) -> tuple:
    return (view.other.alter.von, german_key(view.other.name), view.transition.id)


def offers_per_stage_and_bezirk() -> Counter:
    """(stage id, bez_id) -> number of offers realising that stage there (offers' `stufen`)."""
    rows = offers()[["stufen", "bez_id"]].explode("stufen").dropna()
    return Counter(zip(rows["stufen"], rows["bez_id"], strict=True))
