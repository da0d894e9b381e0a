"""Find a Kiez (Planungsraum) by its 8-digit id or by name; ambiguous or unknown → German list."""

from __future__ import annotations

import difflib

import pandas as pd

from pathways.errors import UserError

MAX_CANDIDATES = 12


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ß", "ss").split())


def _candidates(rows: pd.DataFrame) -> str:
    lines = [f"  {r.plr_id}  {r.plr_name} (Bezirk {r.bez_name}, {r.bzr_name})"
             for r in rows.sort_values("plr_id").head(MAX_CANDIDATES).itertuples()]
    more = len(rows) - MAX_CANDIDATES
    if more > 0:
        lines.append(f"  … und {more} weitere")
    return "\n".join(lines)


def resolve_kiez(kieze: pd.DataFrame, query: str) -> str:
    """The plr_id meant by `query`: an id, an exact name, or a name part matching one Kiez."""
    text = (query or "").strip()
    if not text:
        raise UserError("Bitte einen Kiez angeben (--kiez): 8-stellige Planungsraum-ID oder Name.")
    if text.isdigit():
        if text in set(kieze["plr_id"]):
            return text
        raise UserError(f"Unbekannter Kiez „{text}“: Es gibt keinen Planungsraum mit dieser ID "
                        "(8 Ziffern, z. B. 01100101).")
    folded = kieze["plr_name"].map(_fold)
    wanted = _fold(text)
    for matches in (kieze[folded == wanted], kieze[folded.str.contains(wanted, regex=False)]):
        if len(matches) == 1:
            return str(matches["plr_id"].iloc[0])
        if len(matches) > 1:
            raise UserError(f"Der Kiez-Name „{text}“ ist mehrdeutig. Bitte die ID angeben:\n"
                            f"{_candidates(matches)}")
    close = difflib.get_close_matches(wanted, list(folded), n=5, cutoff=0.7)
    hint = ""
    if close:
        hint = "\nMeinten Sie:\n" + _candidates(kieze[folded.isin(close)])
    raise UserError(f"Unbekannter Kiez „{text}“: Kein Planungsraum heißt so.{hint}")
