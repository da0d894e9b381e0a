"""Deterministic import of the raw Berlin data into Frictionless v2 packages (datapackages/)."""
