"""Time AIF on a whole corpus, and say what the round trip keeps: import, export and import
again of every AIF file of a folder (AraucariaDB's 661 by default), through the Python API;
then ``argmap import aif DIR -o TMP/`` as one process, as a user runs it. It counts what a
researcher counts (nodes by type, edges, RA/CA per map, schemes) in the files and in the maps,
and the nodes and edges the export gives back other than they came. Run from the repository's
root:

    python bench/aif_bench.py [FOLDER]
"""

from __future__ import annotations

import collections
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.formats import aif  # noqa: E402
from argmap.model import Link, relations  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "araucaria-aif"


def graph(doc: dict) -> dict:
    """An AIF document's graph (an xAIF document holds it under "AIF")."""
    return doc["AIF"] if "nodes" not in doc and isinstance(doc.get("AIF"), dict) else doc


def main(folder: Path) -> int:
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"no AIF files in {folder}")
        return 1
    counts: dict[str, collections.Counter] = {
        k: collections.Counter() for k in ("nodes", "links", "schemes", "map schemes")
    }
    per_map: dict[str, list[int]] = {"RA": [], "CA": []}
    changed = {"nodes": 0, "edges": 0, "maps": 0}
    times = {"import": 0.0, "export": 0.0, "import again": 0.0}
    for path in files:
        data = path.read_bytes()
        doc = graph(json.loads(data))
        types = collections.Counter(n.get("type") for n in doc["nodes"])
        counts["nodes"].update(types)
        per_map["RA"].append(types["RA"])
        per_map["CA"].append(types["CA"])
        counts["schemes"].update(n.get("scheme") or "-" for n in doc["nodes"] if n["type"] == "RA")
        start = time.perf_counter()
        amap = aif.read(data, name=path.name).map
        middle = time.perf_counter()
        text = aif.write(amap).text
        end = time.perf_counter()
        back = aif.read(text.encode(), name=path.name).map
        times["import"] += middle - start
        times["export"] += end - middle
        times["import again"] += time.perf_counter() - end
        counts["links"].update(r.link.value for r in relations(amap))
        counts["map schemes"].update(r.scheme or "-" for r in relations(amap)
                                     if r.link is Link.SUPPORT)  # fmt: skip
        out = graph(json.loads(text))
        written = {str(n["nodeID"]): n for n in out["nodes"]}
        changed["nodes"] += sum(written.get(str(n["nodeID"])) != n for n in doc["nodes"])
        changed["edges"] += out["edges"] != doc["edges"]
        changed["maps"] += back != amap
    print(f"{len(files)} files in {folder}")
    print("nodes by type:", dict(counts["nodes"].most_common()))
    for kind, numbers in per_map.items():
        print(f"{kind} per map: mean {statistics.mean(numbers):.2f}, max {max(numbers)}")
    print(f"RA schemes in the files: {sum(counts['schemes'].values())} RA-nodes, "
          f"{len(counts['schemes']) - ('-' in counts['schemes'])} schemes")  # fmt: skip
    print("relations in the maps:", dict(counts["links"].most_common()))
    print(f"reasons with a scheme: {sum(v for k, v in counts['map schemes'].items() if k != '-')}")
    print(f"export: nodes other than they came {changed['nodes']}, files whose edges differ "
          f"{changed['edges']}, maps other after import again {changed['maps']}")  # fmt: skip
    print("times (API, s):", {k: round(v, 2) for k, v in times.items()})
    with tempfile.TemporaryDirectory() as tmp:
        argmap = Path(sys.executable).parent / "argmap"
        start = time.perf_counter()
        run = subprocess.run([str(argmap), "import", "aif", str(folder), "-o", f"{tmp}/"],
                             capture_output=True, text=True)  # fmt: skip
        took = time.perf_counter() - start
        print(f"argmap import aif DIR: {took:.2f} s, exit {run.returncode}: "
              f"{run.stderr.strip().splitlines()[-1]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS))
