"""``./tasks check``: the editorial gates, without MkDocs and without writing a site.

The command lives in ``oncopress.cli.check``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.check import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
