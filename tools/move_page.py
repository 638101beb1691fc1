"""``./tasks move OLD NEW``: move a page and its translations, keeping links, sign-offs
and addresses.

The command lives in ``oncopress.cli.move``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.move import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
