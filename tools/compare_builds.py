"""Save the built output of this working tree, and compare two saves (``save DIR``, ``compare
OLD NEW``).

The command lives in ``oncopress.cli.compare``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.compare import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
