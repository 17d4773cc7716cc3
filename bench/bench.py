"""Benchmark argmap against Argdown and against Graphviz's own layout time, as whole processes.

Usage (from the repository, with argmap's dependencies installed in the running Python):

    python bench/bench.py                 # everything: the table, batch, watch; about 10 minutes
    python bench/bench.py --quick         # sizes 10 and 100 only, one run each
    python bench/bench.py --no-argdown    # without Node

What it does, in one run (see bench/README.md for the results and how to read them):

1. Generates maps of about 10, 100, 1,000 and 3,000 claims (bench/generate.py) with their
   source texts, and takes the seed map, maps/europe-central-asia.yaml.
2. Installs argmap as a user would (``pip install .`` into bench/.cache/venv, so that byte
   code is compiled and no editable-install hook runs at start-up), and @argdown/cli@1 with
   npm into bench/.cache/argdown when Node is available.
3. Times as whole processes, each the median of several runs after one warm-up run:
   ``argmap check``, ``argmap render`` (SVG), the bundled Graphviz alone on the same DOT
   (a tiny ``python -c`` that only reads the DOT with pygraphviz, lays it out and draws
   SVG: the floor), and ``argdown map -f svg`` on the same map exported to Argdown. It
   reports wall time, CPU time (user + system) and peak memory (max RSS) of each.
4. Checks maps of 2,000 and 20,000 claims (``argmap check`` only), for linearity.
5. Renders a folder (maps/ and, when ``argmap import`` exists, the 112 argumentative
   microtexts) twice as a batch, and measures ``render --watch``'s latency on the seed map.
6. Times fitting to a 720-px column (``render --fit 720 -o DIR/``) against the plain render,
   on the seed map and on a generated map of 600 claims.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import generate

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CACHE = BENCH / ".cache"
SEED = REPO / "maps" / "europe-central-asia.yaml"
MICROTEXTS = REPO.parent / "shared" / "corpora" / "arg-microtexts-en"

LAYOUT_ONLY = (
    "import sys, pygraphviz; "
    "g = pygraphviz.AGraph(string=open(sys.argv[1], encoding='utf-8').read()); "
    "open(sys.argv[2], 'wb').write(g.draw(format='svg', prog='dot'))"
)


# --- running and timing processes ---------------------------------------------------------


class Failed(Exception):
    pass


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run a command to its end: wall seconds, CPU seconds (user + system), peak RSS (KiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: warnings or errors reported, still timed
        raise Failed(f"{' '.join(command)} exited {process.returncode}: {errors[-600:]!r}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(command: list[str], runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall and CPU time and the largest peak RSS over ``runs`` runs after a warm-up."""
    timed(command, env)
    samples = [timed(command, env) for _ in range(runs)]
    return {
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] for s in samples),
        "rss": max(s[2] for s in samples) / 1024,
    }


def measure_together(
    commands: dict[str, tuple[list[str], int]], env: dict[str, str] | None = None
) -> dict[str, dict[str, float]]:
    """:func:`measure` for several commands (name -> command and runs), their runs taken in
    turn (one of each, then the next round), so that a slower spell of a shared machine
    weighs on all of them alike and their ratios hold."""
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for command, _ in commands.values():
        timed(command, env)  # warm-up
    for round_ in range(max(runs for _, runs in commands.values())):
        for name, (command, runs) in commands.items():
            if round_ < runs:
                samples[name].append(timed(command, env))
    return {
        name: {
            "wall": statistics.median(s[0] for s in taken),
            "cpu": statistics.median(s[1] for s in taken),
            "rss": max(s[2] for s in taken) / 1024,
        }
        for name, taken in samples.items()
    }


# --- the programs under test ----------------------------------------------------------------


def argmap_venv(python: str | None) -> Path:
    """A Python with argmap installed as users get it, unless ``python`` names one."""
    if python:
        return Path(python)
    venv = CACHE / "venv"
    exe = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    if not exe.exists():
        print("bench: creating bench/.cache/venv ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(exe), "-m", "pip", "install", "-q", str(REPO)], check=True)
    else:  # the current code, as a regular (not editable) install, byte code compiled
        pip = [str(exe), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, str(REPO)], check=True)  # a dependency added since
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(REPO)], check=True)
    return exe


def argdown_cli() -> Path | None:
    """``argdown`` from @argdown/cli@1 installed with npm into bench/.cache, or None."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None
    folder = CACHE / "argdown"
    exe = folder / "node_modules" / ".bin" / "argdown"
    if not exe.exists():
        print("bench: npm install @argdown/cli@1 into bench/.cache/argdown ...", file=sys.stderr)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(folder),
                "@argdown/cli@1",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return exe


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; Node {node or 'absent'}"
    )


# --- the cases ----------------------------------------------------------------------------


def prepare(python: Path, sizes: list[int], work: Path) -> list[tuple[str, Path, int]]:
    """The maps to time: (label, map file, claims). Generated maps go into ``work``."""
    cases = [("seed", work / "seed" / "maps" / SEED.name, 0)]
    shutil.copytree(REPO / "seeds", work / "seed" / "seeds", dirs_exist_ok=True)
    (work / "seed" / "maps").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, cases[0][1])
    for size in sizes:
        cases.append((f"{size:,}", generate.generate(size, work / "generated"), size))
    result = []
    for label, path, _ in cases:
        claims = sum(1 for line in path.read_text().splitlines() if line.startswith("  - id:"))
        result.append((label, path, claims))
    return result


def to_argdown(python: Path, path: Path) -> Path:
    """The map exported to Argdown, with ``argmap export argdown``."""
    target = path.with_suffix(".argdown")
    argmap = str(python.parent / "argmap")
    done = subprocess.run([argmap, "export", "argdown", str(path), "-o", str(target)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0 or not target.exists():
        raise Failed(f"argmap export argdown failed: {done.stderr[-400:]}")
    return target


def bench_table(python: Path, argdown: Path | None, cases, runs_for, out: Path) -> list[dict]:
    argmap = str(python.parent / "argmap")
    rows = []
    for label, path, claims in cases:
        runs = runs_for(claims)
        dot = path.with_suffix(".dot")
        subprocess.run([argmap, "render", str(path), "-o", str(dot)], check=True,
                       stderr=subprocess.DEVNULL)  # fmt: skip
        row: dict = {"label": label, "claims": claims, "runs": runs}
        print(f"bench: {label} ({claims} claims, {runs} runs) ...", file=sys.stderr)
        commands = {
            "check": ([argmap, "check", str(path)], runs),
            "render": ([argmap, "render", str(path), "-o", str(out / "argmap.svg")], runs),
            "layout": ([str(python), "-c", LAYOUT_ONLY, str(dot), str(out / "gv.svg")], runs),
        }
        if argdown is not None:
            source = to_argdown(python, path)
            command = [str(argdown), "map", "-f", "svg", str(source), str(out / "argdown")]
            commands["argdown"] = (command, max(1, min(runs, 3)))
        row.update(measure_together(commands))
        rows.append(row)
    return rows


def bench_check_scaling(python: Path, sizes: list[int], work: Path) -> list[dict]:
    if not sizes:
        return []
    argmap = str(python.parent / "argmap")
    paths = {size: generate.generate(size, work / "generated") for size in sizes}
    print(f"bench: check {', '.join(map(str, sizes))} claims ...", file=sys.stderr)
    times = measure_together({str(n): ([argmap, "check", str(p)], 5) for n, p in paths.items()})
    return [{"claims": size, "check": times[str(size)]} for size in sizes]


def bench_imports(python: Path) -> dict[str, dict[str, float]]:
    return {
        "python": measure([str(python), "-c", "pass"], 9),
        "pygraphviz": measure([str(python), "-c", "import pygraphviz"], 9),
        "argmap --help": measure([str(python.parent / "argmap"), "--help"], 9),
    }


def bench_batch(python: Path, work: Path) -> dict | None:
    """maps/ and the imported microtexts as one folder, rendered twice."""
    argmap = str(python.parent / "argmap")
    folder = work / "batch"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "maps").mkdir(parents=True)
    (folder / "pyproject.toml").touch()  # a project: its maps read their sources inside it
    shutil.copytree(REPO / "seeds", folder / "seeds")
    for path in (REPO / "maps").glob("*.yaml"):
        shutil.copy(path, folder / "maps")
    imported = 0
    if MICROTEXTS.is_dir():
        shutil.copytree(MICROTEXTS, folder / "microtexts")
    for xml in sorted((folder / "microtexts").glob("*.xml")):
        target = folder / "maps" / (xml.stem + ".yaml")
        done = subprocess.run([argmap, "import", "microtext", str(xml), "-o", str(target)],
                              capture_output=True)  # fmt: skip
        imported += done.returncode == 0
    maps = len(list((folder / "maps").glob("*.yaml")))
    print(f"bench: batch of {maps} maps ...", file=sys.stderr)
    first = timed([argmap, "render", str(folder / "maps")])
    second = [timed([argmap, "render", str(folder / "maps")]) for _ in range(5)]
    return {
        "maps": maps,
        "microtexts": imported,
        "first": first,
        "second": (
            statistics.median(s[0] for s in second),
            statistics.median(s[1] for s in second),
        ),
    }


def bench_fit(python: Path, work: Path, runs: int = 0, size: int = 600) -> list[dict]:
    """``render --fit 720`` against the plain render, on the seed map and a generated map of
    ``size`` claims (issue 12: fitting within 3x a plain render), runs taken in turn."""
    argmap = str(python.parent / "argmap")
    seed = work / "seed" / "maps" / SEED.name
    generated = generate.generate(size, work / "generated")
    cases = [("seed", seed, runs or 11), (f"{size:,}", generated, runs or 5)]
    rows = []
    for label, path, runs in cases:
        print(f"bench: --fit 720 of {label} ...", file=sys.stderr)
        out = work / "fit" / label
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        times = measure_together({
            "render": ([argmap, "render", str(path), "-o", str(out / "whole.svg")], runs),
            "fit": ([argmap, "render", str(path), "--fit", "720", "-o", f"{out}/figures/"], runs),
        })  # fmt: skip
        figures = len(list((out / "figures").glob("*.svg")))
        rows.append({"label": label, "figures": figures, **times})
    return rows


def wrote(stream) -> float:
    """Read the watcher's messages up to its next "wrote PATH (N ms)"; N in seconds."""
    for line in stream:
        if line.startswith("argmap: wrote ") and line.rstrip().endswith(" ms)"):
            return float(line.rsplit("(", 1)[1].split()[0]) / 1000
    raise Failed("argmap render --watch stopped")


def bench_watch(python: Path, work: Path, edits: int = 15) -> dict:
    """Save the seed map ``edits`` times under ``argmap render --watch``, its title changed each
    time (a drawing that comes out the same is not written again); how soon each drawing
    follows: as the watcher reports it (change seen → written) and as seen from
    outside (save → the drawing's new bytes on disk, which includes the poll interval)."""
    folder = work / "watch"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(REPO / "seeds", folder / "seeds")
    (folder / "maps").mkdir(parents=True)
    path = Path(shutil.copy(SEED, folder / "maps"))
    svg = path.with_suffix(".svg")
    command = [str(python.parent / "argmap"), "render", str(path), "--watch"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    inside, outside = [], []
    try:
        wrote(process.stderr)  # the first drawing
        text = path.read_text(encoding="utf-8")
        assert '\ntitle: "' in text  # the seed's title, quoted
        for number in range(edits):
            time.sleep(0.3)
            before = svg.stat().st_mtime_ns
            saved = time.perf_counter()
            # An edit that changes the drawing: one that does not leaves its file untouched.
            edited = text.replace('\ntitle: "', f'\ntitle: "Edit {number}: ', 1)
            path.write_text(edited, encoding="utf-8")
            while svg.stat().st_mtime_ns == before:
                if time.perf_counter() - saved > 10:
                    raise Failed("argmap render --watch did not draw the map again")
                time.sleep(0.001)
            outside.append(time.perf_counter() - saved)
            inside.append(wrote(process.stderr))
    finally:
        process.terminate()
        process.wait(10)
    return {
        "inside": statistics.median(inside),
        "inside_max": max(inside),
        "outside": statistics.median(outside),
        "outside_max": max(outside),
        "edits": edits,
    }


# --- the report ---------------------------------------------------------------------------


def seconds(value: float) -> str:
    """A time to three significant digits: 0.187 s, 1.62 s."""
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def cell(result: dict | None, memory: bool = True) -> str:
    if result is None:
        return "–"
    times = f"{seconds(result['wall'])} / {seconds(result['cpu'])}"
    return f"{times} / {result['rss']:.0f} MB" if memory else times


def report(rows, scaling, imports, batch, watch, fits, argdown_version: str) -> str:
    lines = [
        "| map | claims | `argmap check` | `argmap render` | layout only | Argdown "
        f"{argdown_version} | render / Argdown | render / layout |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        ad = row.get("argdown")
        vs_argdown = "–"
        if ad:
            wall, cpu = row["render"]["wall"] / ad["wall"], row["render"]["cpu"] / ad["cpu"]
            vs_argdown = f"{wall:.2f} / {cpu:.2f} ({1 / wall:.1f}x / {1 / cpu:.1f}x faster)"
        vs_layout = (
            f"{row['render']['wall'] / row['layout']['wall']:.2f} / "
            f"{row['render']['cpu'] / row['layout']['cpu']:.2f}"
        )
        lines.append(
            f"| {row['label']} | {row['claims']:,} | {cell(row['check'])} | {cell(row['render'])} "
            f"| {cell(row['layout'])} | {cell(ad)} | {vs_argdown} | {vs_layout} |"
        )
    lines += [
        "",
        "Each time cell: median wall / median CPU (user + system) / peak memory. "
        "Ratios: of wall / of CPU times.",
        "",
    ]
    if scaling:
        lines += ["| claims | `argmap check` wall | CPU | peak memory |", "|--:|--:|--:|--:|"]
        for row in scaling:
            c = row["check"]
            lines.append(
                f"| {row['claims']:,} | {c['wall']:.2f} s | {c['cpu']:.2f} s | {c['rss']:.0f} MB |"
            )
        if len(scaling) >= 2:
            a, b = scaling[0]["check"], scaling[-1]["check"]
            times = scaling[-1]["claims"] // scaling[0]["claims"]
            lines.append("")
            lines.append(
                f"{times}x the claims: {b['wall'] / a['wall']:.1f}x the wall time, "
                f"{b['cpu'] / a['cpu']:.1f}x the CPU time."
            )
        lines.append("")
    python, pgv, helps = imports["python"], imports["pygraphviz"], imports["argmap --help"]
    lines.append(
        f"Start-up: `python -c pass` {python['wall'] * 1000:.0f} ms; `import pygraphviz` costs "
        f"{(pgv['wall'] - python['wall']) * 1000:.0f} ms more (included in the layout-only "
        f"column); `argmap --help` takes {helps['wall'] * 1000:.0f} ms."
    )
    if batch:
        first_wall, first_cpu, _ = batch["first"]
        second_wall, second_cpu = batch["second"]
        lines += [
            "",
            f"Batch: `argmap render DIR` on {batch['maps']} maps (maps/ and "
            f"{batch['microtexts']} imported microtexts): first run {first_wall:.2f} s wall, "
            f"{first_cpu:.2f} s CPU ({first_cpu / first_wall:.2f} cores busy on average); "
            f"second run, nothing changed: {second_wall:.3f} s wall "
            f"({second_wall / first_wall:.1%} of the first), {second_cpu:.3f} s CPU.",
        ]
    if watch:
        lines += [
            "",
            f"Watch: over {watch['edits']} saves of the seed map, a new drawing was written "
            f"{watch['inside'] * 1000:.0f} ms (median; at most {watch['inside_max'] * 1000:.0f} "
            f"ms) after the watcher saw the change, and {watch['outside'] * 1000:.0f} ms (at most "
            f"{watch['outside_max'] * 1000:.0f} ms) after the save, polling included.",
        ]
    if fits:
        lines += [
            "",
            "| map | figures | `render` (wall / CPU) | `render --fit 720` | fit / render |",
            "|---|--:|--:|--:|--:|",
        ]
        for row in fits:
            wall, cpu = row["fit"]["wall"] / row["render"]["wall"], row["fit"]["cpu"] / row[
                "render"]["cpu"]  # fmt: skip
            # (No peak memory: a child forked by this process after it generated a big map
            # reports this process's size as its own peak, before it ran.)
            lines.append(
                f"| {row['label']} | {row['figures']} | {cell(row['render'], memory=False)} | "
                f"{cell(row['fit'], memory=False)} | {wall:.2f} / {cpu:.2f} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,3000")
    parser.add_argument("--check-sizes", default="2000,20000")
    parser.add_argument("--runs", type=int, default=0, help="runs per case (default: by size)")
    parser.add_argument("--python", help="a Python with argmap installed (default: a fresh venv)")
    parser.add_argument("--no-argdown", action="store_true")
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument("--no-watch", action="store_true")
    parser.add_argument("--no-fit", action="store_true")
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 100, one run each")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    options = parser.parse_args()
    if options.quick:
        options.sizes, options.check_sizes, options.runs = "10,100", "", 1
    sizes = [int(s) for s in options.sizes.split(",") if s]
    check_sizes = [int(s) for s in options.check_sizes.split(",") if s]

    def runs_for(claims: int) -> int:
        return options.runs or (11 if claims <= 100 else 5)

    python = argmap_venv(options.python)
    argdown = None if options.no_argdown else argdown_cli()
    version = ""
    if argdown is not None:
        version = subprocess.run(
            [str(argdown), "--version"], capture_output=True, text=True
        ).stdout.strip()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as scratch:
        work, out = CACHE / "work", Path(scratch)
        (out / "argdown").mkdir()
        cases = prepare(python, sizes, work)
        rows = bench_table(python, argdown, cases, runs_for, out)
        scaling = bench_check_scaling(python, check_sizes, work)
        imports = bench_imports(python)
        batch = None if options.no_batch else bench_batch(python, work)
        watch = None if options.no_watch else bench_watch(python, work)
        fits = [] if options.no_fit else bench_fit(python, work, options.runs)
    text = report(rows, scaling, imports, batch, watch, fits, version)
    load = " / ".join(f"{n:.1f}" for n in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    header = (
        f"Machine: {machine()}. Benchmark took {time.perf_counter() - started:.0f} s; load "
        f"average at the end {load} (1 / 5 / 15 min).\n\n"
    )
    print(header + text)
    if options.markdown:
        options.markdown.write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
