"""Settings for a published build: the same site, with the public URL."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("BILDUNGSWEGE_SITEURL", "")
RELATIVE_URLS = False
