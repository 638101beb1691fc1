"""``./tasks build [DIR]``: a strict build that replaces DIR only when it succeeds.

The command lives in ``oncopress.cli.sitebuild``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.sitebuild import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
