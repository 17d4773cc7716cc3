"""Time what a researcher importing a big corpus waits for: ``argmap import aif`` of one AIF
graph of 50,000 I-nodes, and ``argmap check`` of the map it writes, as whole processes, with
wall time, CPU time, peak memory and the lines they print on stderr.

The graphs are made in a scratch folder (nothing of the corpus is copied into the
repository):

- *corpus*: AraucariaDB's graphs one after another, node and edge ids renumbered, until they
  hold 30,000 I-nodes, and 20,000 I-nodes of no argument after them (the "connected to
  nothing" warnings of a corpus joined with loose claims): 50,000 I-nodes;
- *hub*: one thesis with 49,999 reasons, an RA-node each (a corpus joined around one claim);
- *cycles*: I-nodes each supporting the next and the next it, a two-claim support cycle
  each, which the import breaks (searching again after each break took the square of their
  number: 20 s for 4,000).

Run from the repository's root; ``--argmap`` times another build (the code of another commit
installed elsewhere), ``--runs`` takes the median of several::

    python bench/big_bench.py [--corpus DIR] [--argmap PATH] [--runs N] [--size N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "araucaria-aif"
WORDS = ("energy", "policy", "market", "trade", "security", "growth", "reform", "the", "a", "of",
         "should", "must", "not")  # fmt: skip


def corpus_graph(folder: Path, size: int, loose: int) -> dict:
    """AraucariaDB's graphs joined, renumbered, up to ``size - loose`` I-nodes, then ``loose``
    I-nodes alone."""
    nodes: list[dict] = []
    edges: list[dict] = []
    inodes = 0
    files = sorted(folder.glob("*.json"))
    if not files:
        sys.exit(f"no AIF files in {folder}")
    while inodes < size - loose:
        for path in files:
            doc = json.loads(path.read_text(encoding="utf-8"))
            renamed = {}
            for node in doc["nodes"]:
                renamed[node["nodeID"]] = str(len(nodes) + 1)
                nodes.append({**node, "nodeID": renamed[node["nodeID"]]})
                inodes += node["type"] == "I"
            for edge in doc["edges"]:
                ends = {"fromID": renamed[edge["fromID"]], "toID": renamed[edge["toID"]]}
                edges.append({**edge, "edgeID": str(len(edges) + 1), **ends})
            if inodes >= size - loose:
                break
    rng = random.Random(1)
    for _ in range(loose):
        text = " ".join(rng.choice(WORDS) for _ in range(12))
        nodes.append({"nodeID": str(len(nodes) + 1), "text": text, "type": "I",
                      "timestamp": "2012-04-12 18:18:26"})  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def hub_graph(size: int) -> dict:
    """One thesis and ``size - 1`` premises, each its own reason for it."""
    nodes = [{"nodeID": "0", "text": "The thesis of them all.", "type": "I"}]
    edges = []
    for i in range(1, size):
        nodes += [{"nodeID": str(i), "text": f"Premise number {i} of the hub.", "type": "I"},
                  {"nodeID": f"r{i}", "text": "Default Inference", "type": "RA"}]  # fmt: skip
        edges += [{"edgeID": f"a{i}", "fromID": str(i), "toID": f"r{i}"},
                  {"edgeID": f"b{i}", "fromID": f"r{i}", "toID": "0"}]  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def cycles_graph(size: int) -> dict:
    """I-nodes 0..size-1, each supporting the next and the next it: size - 1 support cycles."""
    nodes = [{"nodeID": str(i), "text": f"Claim number {i}.", "type": "I"} for i in range(size)]
    edges = []
    for i in range(size - 1):
        for k, (a, b) in enumerate(((i, i + 1), (i + 1, i))):
            ra = f"r{2 * i + k}"
            nodes.append({"nodeID": ra, "text": "Default Inference", "type": "RA"})
            edges += [{"edgeID": f"a{ra}", "fromID": str(a), "toID": ra},
                      {"edgeID": f"b{ra}", "fromID": ra, "toID": str(b)}]  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def timed(command: list[str], cwd: Path) -> tuple[float, float, float, int, int]:
    """Wall and CPU seconds, peak memory (MB), exit status and stderr lines of a process
    (its own rusage, by ``wait4``)."""
    env = {**os.environ, "ARGMAP_READ_LIMIT": "256M"}  # the graphs are above 16 MiB
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                   env=env)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{said[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, process.returncode, len(said.splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--argmap", default=None, help="the argmap to run (default: this tree's)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=50_000, help="I-nodes a graph")
    args = parser.parse_args()
    argmap = [args.argmap] if args.argmap else [sys.executable, "-m", "argmap"]
    env_path = str(ROOT) if not args.argmap else None
    if env_path:
        os.environ["PYTHONPATH"] = env_path + os.pathsep + os.environ.get("PYTHONPATH", "")
    scratch = Path(tempfile.mkdtemp(prefix="argmap-big-"))
    try:
        graphs = {
            "corpus": corpus_graph(args.corpus, args.size, loose=min(20_000, args.size // 2)),
            "hub": hub_graph(args.size),
            "cycles": cycles_graph(min(args.size, 4_000)),
        }
        print(f"argmap: {' '.join(argmap)}; {args.runs} run(s) each, median")
        print("| input | command | wall | CPU | peak memory | exit | stderr lines |")
        print("|---|---|--:|--:|--:|--:|--:|")
        for name, graph in graphs.items():
            (scratch / f"{name}.json").write_text(json.dumps(graph), encoding="utf-8")
            inodes = sum(node["type"] == "I" for node in graph["nodes"])
            steps = [
                ["import", "aif", f"{name}.json", "-o", f"{name}.yaml", "--force"],
                ["check", f"{name}.yaml"],
            ]
            for step in steps:
                runs = [timed([*argmap, *step], scratch) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                shown = " ".join(step[:2] if step[0] == "import" else step[:1])
                peak = max(r[2] for r in runs)
                print(f"| {name} ({inodes:,} I-nodes) | `{shown}` | {wall:.1f} s | {cpu:.1f} s "
                      f"| {peak:.0f} MB | {runs[0][3]} | {runs[0][4]:,} |")  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
