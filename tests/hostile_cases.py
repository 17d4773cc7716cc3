"""Hostile cases (tests/hostile/*.yaml): a folder of files built to attack argmap, a command
run on it, and what must come of it. Used by tests/test_hostile.py and bench/hostile.py.

A case file is YAML::

    category: confinement           # one of CATEGORIES
    about: A source named by an absolute path outside the project is refused.
    files:                          # the folder the command runs in (paths relative to it)
      project/pyproject.toml: ""    # text
      project/map.yaml: |
        argmap: 1
        ...
      secret.txt: {secret: true}    # holds this run's secret token
      project/s.txt: {link: ../secret.txt}    # also: {fifo: true}, {device: true} (root),
                                    # {folder: true}, {repeat: TEXT, times: N}, {bytes: HEX},
                                    # {join: [[TEXT, N], ...]} (each TEXT N times),
                                    # {map: {claims: N, unknown: K, missing: Q, quote: TEXT,
                                    #        repeat: R}} (see generated_map)
    cwd: project                    # where the command runs (default: the case's folder)
    run: [check, map.yaml]          # argmap's arguments; or python: CODE, run by Python
    env: {ARGMAP_READ_LIMIT: 1M}    # more environment
    stdout: full                    # or: closed (a reader that goes away at once); default: a file
    expect:
      status: 1
      stderr: ["map.yaml:4:9: error: source '/etc/hostname' is outside [AM117]"]  # in order
      stdout: [...]                 # lines that must be there, in order (a line may hold ``…``
                                    # for any text, and {root} for the case's folder)
      absent: [...]                 # text that must be nowhere in stdout or stderr
      files: {project/map.svg: missing}   # or: file, fifo, device, link, folder

Every case must also end within its ``timeout`` (default 60 s: a hang guard, not a time
limit), print no traceback, show no control or bidirectional character but newlines and tabs,
leave no temporary file, and never let the secret token out: not on stdout or stderr, not in
any file it writes (the token is also in the environment, as ``ARGMAP_SECRET``).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HOSTILE = Path(__file__).parent / "hostile"
CATEGORIES = (
    "confinement", "devices", "reads", "terminal", "cost", "clash", "mermaid", "stdout", "cache",
)  # fmt: skip
#: Runs argmap as ``python -m argmap`` does, and writes the process's own peak memory (VmHWM)
#: to the file ARGMAP_PEAK names when it ends: the rusage of a child started from a large
#: process (pytest) counts that process's memory too.
BOOT = """
import atexit, os, runpy, sys
peak = os.environ.pop("ARGMAP_PEAK")
def report():
    with open("/proc/self/status") as status, open(peak, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))
atexit.register(report)
sys.argv[0] = "argmap"
runpy.run_module("argmap", run_name="__main__", alter_sys=True)
"""
#: Characters no output of argmap may hold (all controls but tab and newline, bidi controls).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Outcome:
    """What running a case gave."""

    status: int | None
    stdout: str
    stderr: str
    seconds: float
    peak_kib: int  # the command's peak resident set size (for python: cases, with its parent's)
    folder: Path
    secret: str
    before: dict[str, float] = field(default_factory=dict)  # files there before, mtime


def cases() -> list[Path]:
    return sorted(HOSTILE.glob("*.yaml"))


def load(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert case["category"] in CATEGORIES, f"{path.name}: unknown category {case['category']}"
    return case


def needs_root(case: dict[str, Any]) -> bool:
    return any(isinstance(v, dict) and v.get("device") for v in case.get("files", {}).values())


def generated_map(
    claims: int, unknown: int = 0, missing: int = 0, quote: str = "", repeat: int = 1
) -> str:
    """A map of ``claims`` premises under one conclusion; ``unknown`` of its reasons name no
    claim, and the first ``missing`` claims quote ``quote`` (``{n}`` the claim's number),
    ``repeat`` times over, which is not in their source (``source.txt``, which the case
    provides)."""
    lines = ["argmap: 1", "title: Generated"]
    if missing:
        lines += ["source:", "  path: source.txt"]
    lines.append("premises:")
    for n in range(claims):
        lines += [f"  - id: claim-{n:05d}", f"    text: Premise number {n}."]
        if n < missing:
            lines.append(f"    quotes: [{(quote.format(n=n) * repeat).strip()}]")
    reasons = [f"claim-{n:05d}" for n in range(claims)]
    reasons += [f"claim-{n * 3 % claims:05d}x" for n in range(unknown)]
    lines += ["conclusions:", "  - id: thesis", "    text: The thesis.", "    reasons:"]
    lines += [f"      - {reason}" for reason in reasons]
    return "\n".join(lines) + "\n"


def build(case: dict[str, Any], folder: Path, secret: str) -> None:
    for name, spec in case.get("files", {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(spec, str):
            path.write_bytes(spec.encode("utf-8"))
        elif spec.get("secret"):
            path.write_text(f"ARGMAP_SECRET={secret}\nThe secret is {secret}.\n")
        elif "link" in spec:
            os.symlink(spec["link"], path)
        elif spec.get("fifo"):
            os.mkfifo(path)
        elif spec.get("device"):
            os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))  # a character device: null
        elif spec.get("folder"):
            path.mkdir(exist_ok=True)
        elif "repeat" in spec:
            path.write_text(spec["repeat"] * spec["times"], encoding="utf-8")
        elif "join" in spec:
            path.write_text("".join(text * times for text, times in spec["join"]))
        elif "bytes" in spec:
            path.write_bytes(bytes.fromhex(spec["bytes"]))
        elif "map" in spec:
            path.write_text(generated_map(**spec["map"]), encoding="utf-8")
        else:
            raise AssertionError(f"unknown file spec {spec!r}")


def run(path: Path, keep: Path | None = None) -> tuple[dict[str, Any], Outcome]:
    """Build the case in a new folder (``keep``, or a temporary one) and run its command."""
    case = load(path)
    folder = Path(tempfile.mkdtemp(prefix="hostile-", dir=keep)).resolve()
    secret = secrets.token_hex(12)
    build(case, folder, secret)
    before = {str(p.relative_to(folder)): p.lstat().st_mtime for p in folder.rglob("*")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")}
    env.update({"ARGMAP_SECRET": secret, **{k: str(v) for k, v in case.get("env", {}).items()}})
    cwd = folder / case.get("cwd", ".")
    peak_file = folder.parent / f"{folder.name}.peak"
    if "python" in case:  # the API, or the Markdown extension, rather than the command line
        command = [sys.executable, "-c", case["python"]]
    elif os.path.exists("/proc/self/status"):
        command = [sys.executable, "-c", BOOT, *map(str, case["run"])]
        env["ARGMAP_PEAK"] = str(peak_file)
    else:
        command = [sys.executable, "-m", "argmap", *map(str, case["run"])]
    mode = case.get("stdout", "file")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if mode == "full":
            stdout: Any = open("/dev/full", "wb")  # noqa: SIM115 (closed once the child has it)
        elif mode == "closed":
            reader, writer = os.pipe()
            os.close(reader)  # nobody reads: the first write fails with EPIPE
            stdout = writer
        else:
            stdout = out
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err
        )
        if mode == "full":
            stdout.close()
        elif mode == "closed":
            os.close(stdout)
        status, peak = _wait(process, case.get("timeout", 60))
        seconds = time.perf_counter() - started
        if peak_file.exists():  # the process's own peak, not its parent's
            peak = int(peak_file.read_text())
            peak_file.unlink()
        out.seek(0)
        err.seek(0)
        text = (out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    return case, Outcome(status, *text, seconds, peak, folder, secret, before)


def _wait(process: subprocess.Popen[bytes], timeout: float) -> tuple[int | None, int]:
    """The exit status and peak memory (KiB) of a process; None if it had to be killed."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage.ru_maxrss
        if time.monotonic() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return None, usage.ru_maxrss
        time.sleep(0.01)


def _lines_in_order(wanted: list[str], text: str, root: Path) -> list[str]:
    """The wanted lines that are not found in ``text`` in that order (``…`` matches any text)."""
    lines = text.splitlines()
    missing = []
    at = 0
    for line in wanted:
        pattern = re.compile(
            ".*".join(re.escape(part) for part in line.replace("{root}", str(root)).split("…"))
        )
        for k in range(at, len(lines)):
            if pattern.search(lines[k]):
                at = k + 1
                break
        else:
            missing.append(line)
    return missing


def problems(case: dict[str, Any], outcome: Outcome) -> list[str]:
    """Everything about the outcome that breaks the case's expectation or the rules above."""
    found: list[str] = []
    expect = case.get("expect", {})
    said = outcome.stdout + outcome.stderr
    if outcome.status is None:
        return [f"still running after {case.get('timeout', 60)} s: killed"]
    if "status" in expect and outcome.status != expect["status"]:
        found.append(f"exit status {outcome.status}, not {expect['status']}")
    if "Traceback" in outcome.stderr:
        found.append("a traceback")
    raw = RAW.search(said)
    if raw:
        found.append(f"a raw control character {raw.group()!r} reached the terminal")
    if outcome.secret in said:
        found.append("the secret was shown")
    for stream in ("stdout", "stderr"):
        for line in _lines_in_order(
            expect.get(stream, []), getattr(outcome, stream), outcome.folder
        ):
            found.append(f"{stream} lacks {line!r}")
    for text in expect.get("absent", []):
        if text.replace("{root}", str(outcome.folder)) in said:
            found.append(f"{text!r} was shown")
    for name, kind in expect.get("files", {}).items():
        have = _kind(outcome.folder / name)
        if have != kind:
            found.append(f"{name} is {have}, not {kind}")
    for path in outcome.folder.rglob("*"):
        name = str(path.relative_to(outcome.folder))
        if path.name.endswith(".tmp"):
            found.append(f"a temporary file was left: {name}")
        new = name not in outcome.before or path.lstat().st_mtime != outcome.before[name]
        written = new and path.is_file() and not path.is_symlink()
        if written and outcome.secret.encode() in path.read_bytes():
            found.append(f"the secret was written into {name}")
    return found


def _kind(path: Path) -> str:
    if path.is_symlink():
        return "link"
    if not path.exists():
        return "missing"
    mode = path.stat().st_mode
    for test, name in ((stat.S_ISREG, "file"), (stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "fifo"),
                       (stat.S_ISCHR, "device")):  # fmt: skip
        if test(mode):
            return name
    return "other"


def clean(outcome: Outcome) -> None:
    shutil.rmtree(outcome.folder, ignore_errors=True)
