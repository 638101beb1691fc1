"""A bilingual site of N generated pages per language, every page signed off:
``python bench/sitegen.py DIR N`` writes it into DIR and prints its mkdocs.yml.

The generator lives in ``oncopress.cli.benchsite``, installed with the project by
``./tasks setup``; this file is its entry point.
"""

import sys
from pathlib import Path

from oncopress.cli.benchsite import generate

if __name__ == "__main__":
    print(generate(Path(sys.argv[1]), int(sys.argv[2])))
