"""``python -m jarjestoyhteistyo`` runs the command line."""

import sys

from jarjestoyhteistyo.cli import main

if __name__ == "__main__":
    sys.exit(main())
