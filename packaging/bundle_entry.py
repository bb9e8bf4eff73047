"""The bundle's entry point: the same `main` as the `hailuo-desktop` console script."""

import sys

from hailuo_desktop.cli import main

sys.exit(main())
