"""Entry point for ``python -m generator``."""

import os
import sys

from generator.cli import main

if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # A build holds jieba's dictionary in several large tables; freeing them one object at a time
    # costs a noticeable part of a build, and the process is ending anyway.
    os._exit(status)
