"""Pelican plugin: UI language of the templates (gettext catalogues, `lang`/`dir`), /<lang>/ entry pages."""

from .plugin import register

__all__ = ["register"]
