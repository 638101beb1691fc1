"""``./tasks serve``: the editors' live-reloading preview, with the build's problems in the
browser.

The command lives in ``oncopress.cli.livepreview``, installed with the project by ``./tasks
setup``; this file is its entry point.
"""

import sys

from oncopress.cli.livepreview import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
