"""``./tasks sign-off`` and ``./tasks status``: the editors' commands.

The command lives in ``oncopress.cli.editor``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.editor import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
