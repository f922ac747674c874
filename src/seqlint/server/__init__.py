"""``seqlint server``: a Language Server over stdio (pygls, lsprotocol), the optional extra
``pip install "seqlint[server]"``. Importing this package imports neither."""

from __future__ import annotations

import sys

INSTALL_HINT = (
    'seqlint: error: `seqlint server` needs the server extra: pip install "seqlint[server]"'
)


def run() -> int:
    """Serve until the client exits; 2 (after one line on stderr) without pygls 2."""
    try:
        from seqlint.server.app import serve
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    serve()
    return 0
