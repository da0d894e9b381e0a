"""Pelican plugin: UI language of the templates (gettext, `lang`/`dir`) and /<lang>/ entry pages."""

from .plugin import register

__all__ = ["register"]
