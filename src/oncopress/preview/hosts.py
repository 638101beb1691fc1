"""Which ``Host`` headers the editors' preview (``tools/serve.py``) answers.

A web page the editor visits can point a name of its own at 127.0.0.1 (DNS
rebinding) and then read the preview, the editors' report under ``/_editor/``
included, as if it were its own site. The browser sends that name in the ``Host``
header, so the preview answers only the names that mean this computer (``localhost``),
IP addresses (a name can be rebound, an address cannot), and the host the preview
was started on (``-a HOST:PORT`` or ``dev_addr`` in mkdocs.yml), as the Vite and
webpack development servers do. Every other name gets ``421 Misdirected Request``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MISDIRECTED = "421 Misdirected Request"


def preview_url(host: str, port: int, mount_path: str) -> str:
    """The preview's address, as ``mkdocs serve`` makes it: ``http://HOST:PORT/PATH/``
    (the mount path with one slash at each end; the host as given)."""
    return f"http://{host}:{port}{('/' + mount_path.lstrip('/')).rstrip('/')}/"


def allowed_hosts(bound: str) -> tuple[str, ...]:
    """The host names the preview answers when bound to ``bound`` (without port)."""
    name = _bracketed(bound.strip().lower())
    return tuple(dict.fromkeys((*LOOPBACK_NAMES, name))) if name else LOOPBACK_NAMES


def is_allowed_host(header: str | None, allowed: Sequence[str]) -> bool:
    """True when a request's ``Host`` header (``name`` or ``name:port``) names one of
    ``allowed`` or an IP address. A missing header is refused."""
    name = host_name(header or "")
    if not name:
        return False
    return name in allowed or _is_address(name)


def host_name(header: str) -> str:
    """The name of a ``Host`` header, lower case and without its port (``[::1]`` keeps
    its brackets); empty when the port is not a number."""
    header = header.strip().lower()
    if header.startswith("["):
        name, bracket, rest = header.partition("]")
        name += bracket
    else:
        name, _, port = header.partition(":")
        rest = f":{port}" if port or header.endswith(":") else ""
    if rest and not (rest.startswith(":") and rest[1:].isdigit()):
        return ""
    return name


def refusal(header: str | None, allowed: Sequence[str], port: int) -> str:
    """The plain-text body of a refused request."""
    shown = host_name(header or "") or (header or "").strip()
    return (
        f"Blocked request: this preview answers only to {', '.join(allowed)} and IP "
        f"addresses, not to the host '{shown}' (a web page may be trying to read the "
        f"preview). Open http://127.0.0.1:{port}/ instead, or start the preview on another "
        "name with -a HOST:PORT.\n"
    )


def _bracketed(name: str) -> str:
    """An IPv6 address as a ``Host`` header writes it: ``::1`` -> ``[::1]``."""
    if ":" in name and not name.startswith("["):
        return f"[{name}]"
    return name


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") else name)
    except ValueError:
        return False
    return True
