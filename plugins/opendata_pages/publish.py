"""Copy a package byte-identically into the site and pack it as a reproducible zip."""

from __future__ import annotations

import io
import zipfile

from pathways.atomic import write_bytes

from .packages import Package

# Zip entries carry no build time: the earliest date a zip can store, fixed permissions.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_FILE_MODE = 0o100644 << 16
ZIP_LEVEL = 9


def copy_package(package: Package, target) -> None:
    """Write every file of `package` under `target` (a Path), same relative paths, same bytes."""
    for name in package.files:
        write_bytes(target / name, (package.folder / name).read_bytes())


def package_zip(package: Package) -> bytes:
    """The package as a zip with the descriptor at its root (`frictionless validate x.zip`).

    Same input, same bytes: entries sorted, fixed timestamps and modes, fixed compression level.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in package.files:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ZIP_FILE_MODE
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, (package.folder / name).read_bytes(), compresslevel=ZIP_LEVEL)
    return buffer.getvalue()
