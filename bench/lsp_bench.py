"""How long ``argmap lsp`` takes to publish diagnostics after a change, as an editor sees it.

A pygls client starts ``argmap lsp`` over stdio (as an editor does), opens a map, then makes
an edit and times each change from the moment it is sent to the moment the diagnostics of
that version arrive (the server's wait after a change included). Edits alternate between two
texts, so that every change is a real one:

- *reference*: a reason of a claim misspelt, then fixed (an AM103 comes and goes);
- *text*: a word of a claim's text changed (clean both ways);
- *quote*: a quote misspelt, then fixed (an AM110 comes and goes; checking looks for the
  closest passage of the source, the slowest check there is).

For the seed map and a generated map of 1,000 claims (``bench/generate.py``). Also times the
work alone, in this process: :func:`argmap.lsp.diagnostics.diagnostics` of a fresh document
(the check, the outline and the conversion of places). Targets (issue 15): under 100 ms for the
seed map, under 500 ms for 1,000 claims.

    python bench/lsp_bench.py              # 21 changes of each kind per map
    python bench/lsp_bench.py --runs 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import generate  # bench/generate.py, beside this script
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document

ROOT = Path(__file__).resolve().parent.parent


def edits(text: str) -> dict[str, tuple[str, str]]:
    """For each kind of edit, the two texts it alternates between (the first is ``text``)."""
    reason = re.search(r"^      - ([a-z0-9-]+)$", text, re.M)
    words = re.search(r'^    text: "?([A-Z][a-z]+)', text, re.M)
    quote = re.search(r'^      - "([A-Za-z]+)', text, re.M)
    assert reason and words and quote, "the map has no plain reason, text or quote to edit"
    return {
        "reference": (text, text[: reason.end(1)] + "x" + text[reason.end(1) :]),
        "text": (text, text[: words.start(1)] + "Another" + text[words.end(1) :]),
        "quote": (text, text[: quote.start(1)] + "Xq" + text[quote.start(1) :]),
    }


def change(old: str, new: str) -> types.TextDocumentContentChangePartial:
    """The one incremental change from ``old`` to ``new`` (a replaced stretch)."""
    # os.path.commonprefix compares character by character, which is what is wanted here.
    start = len(os.path.commonprefix([old, new]))  # noqa: RUF071
    tail = len(os.path.commonprefix([old[start:][::-1], new[start:][::-1]]))  # noqa: RUF071
    end_old, end_new = len(old) - tail, len(new) - tail
    lines = Document("file:///x", old).lines
    where = types.Range(lines.position(start), lines.position(end_old))
    return types.TextDocumentContentChangePartial(range=where, text=new[start:end_new])


async def latencies(path: Path, runs: int) -> dict[str, list[float]]:
    """Seconds from each change sent to its diagnostics received, by kind of edit."""
    client = LanguageClient("argmap-bench", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            if params.version in waiting:
                waiting.pop(params.version).set_result(None)

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    version = 1
    loop = asyncio.get_running_loop()

    async def send(old: str, new: str) -> float:
        nonlocal version
        version += 1
        waiting[version] = loop.create_future()
        params = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change(old, new)]
        )
        sent = time.perf_counter()
        client.text_document_did_change(params)
        await asyncio.wait_for(waiting[version], 60)
        return arrived[version] - sent

    waiting[1] = loop.create_future()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    )
    await asyncio.wait_for(waiting[1], 60)
    found: dict[str, list[float]] = {}
    for kind, (clean, edited) in edits(text).items():
        found[kind] = []
        for run in range(runs + 1):  # the first pair warms up
            first = await send(clean, edited)
            await asyncio.sleep(0.05)
            second = await send(edited, clean)
            await asyncio.sleep(0.05)
            if run:
                found[kind] += [first, second]
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return found


def work(path: Path, runs: int) -> float:
    """Median seconds of diagnostics() on a fresh document of the map, in this process."""
    text = path.read_text(encoding="utf-8")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        diagnostics(Document(path.as_uri(), text))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="pairs of changes per kind")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        maps = {
            "seed map (29 claims)": ROOT / "maps" / "europe-central-asia.yaml",
            "generated, 1,000 claims": generate(1000, Path(folder)),
        }
        print(f"{'map':<26}{'edit':<11}{'median':>9}{'p90':>9}{'max':>9}   work alone")
        for name, path in maps.items():
            alone = work(path, 11)
            for kind, times in asyncio.run(latencies(path, options.runs)).items():
                times.sort()
                p90 = times[int(0.9 * (len(times) - 1))]
                print(
                    f"{name:<26}{kind:<11}{statistics.median(times) * 1e3:>7.0f}ms"
                    f"{p90 * 1e3:>7.0f}ms{times[-1] * 1e3:>7.0f}ms   {alone * 1e3:.0f} ms"
                )
                name = ""


if __name__ == "__main__":
    main()
