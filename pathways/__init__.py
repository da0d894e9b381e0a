"""Bildungswege Berlin: data model, validation and pathway planning (no Pelican here)."""
