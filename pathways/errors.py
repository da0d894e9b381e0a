"""Typed problems and user errors: every message a person sees is built here, never a traceback."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an input file, located as precisely as we can."""

    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    field: str | None = None
    hint: str | None = None

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.field:
            text += f" [Feld: {self.field}]"
        if self.hint:
            text += f" – Hinweis: {self.hint}"
        return text

    def to_dict(self) -> dict:
        return asdict(self)


class UserError(Exception):
    """Input a person gave us is wrong; the CLI prints the message and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class ProblemsFound(UserError):
    """Validation found problems; carries all of them so they are reported at once."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__("\n".join(p.format() for p in self.problems))


def _sort_key(p: Problem):
    return (p.file, p.line or 0, p.column or 0, p.code, p.message)
