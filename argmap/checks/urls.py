"""Checks of links: the source's and the claims' urls must be http or https."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from argmap.checks.registry import Context, Finding, check
from argmap.model import Claim, Source


def problem(url: str) -> str | None:
    """What is wrong with a link, or None for a good http(s) one.

    >>> problem("https://example.org/a"), problem("javascript:alert(1)")
    (None, "URL 'javascript:alert(1)' has 'javascript:'; only http: and https: links are allowed")
    """
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"'{url}' is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return f"URL '{url}' has {scheme}; only http: and https: links are allowed"
    if not parts.netloc or any(c.isspace() for c in url):
        return f"'{url}' is not a valid web address"
    return None


@check("AM108")
def web_links(context: Context) -> Iterator[Finding]:
    """A url of the source or of a claim that is not an http or https link.

    Fails::

        premises:
          - id: a
            text: A.
            url: javascript:alert(1)

    Passes::

        premises:
          - id: a
            text: A.
            url: https://example.org/a
    """
    amap = context.map
    places: list[Source | Claim] = [amap.source] if amap.source is not None else []
    places.extend(claim for claim in amap.claims if claim.url is not None)
    for place in places:
        found = problem(place.url) if place.url is not None else None
        if found:
            yield Finding("AM108", place.where("url"), found)
