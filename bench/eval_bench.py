"""Time argmap's evaluation (grounded semantics) on a generated map of 100,000 claims.

    python bench/eval_bench.py [--claims N] [--repeat K] [--seed S]

The map is built as a model (no YAML: this times the evaluation, not the loader) in the shape of
real maps grown large: premises at the leaves, conclusions over them, a few recommendations on
top; one to three reasons per claim, a third of them linked; rebuttals, undercuts, objections in
full (linked attacks, attacks on attacks), contradictions, and some attack cycles, so that all
three statuses occur. Prints the best and median wall time of ``evaluate`` over K runs, and
the best CPU time (which other processes on the machine disturb less).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.analysis.evaluate import Status, evaluate
from argmap.model import ArgumentMap, Claim, Kind, Objection, Reason, Ref


def generate(claims: int, seed: int = 1) -> ArgumentMap:
    """A map of ``claims`` claims; claim i is supported only by claims after it (no support
    cycle), and attacked by any claim (attack cycles happen)."""
    rng = random.Random(seed)
    ids = [f"c{i}" for i in range(claims)]
    premises = int(claims * 0.55)
    first_premise = claims - premises  # claims from here on are premises

    def later(i: int) -> Ref:
        return Ref(ids[rng.randrange(max(i + 1, first_premise // 2), claims)])

    def anyone() -> Ref:
        return Ref(ids[rng.randrange(claims)])

    def objections(share: float) -> tuple[Ref | Objection, ...]:
        found: list[Ref | Objection] = []
        while rng.random() < share:
            if rng.random() < 0.15:  # written in full: linked, or itself attacked
                found.append(
                    Objection((anyone(), anyone()), (anyone(),) if rng.random() < 0.5 else ())
                )
            else:
                found.append(anyone())
            share /= 3
        return tuple(found)

    built = []
    for i, cid in enumerate(ids):
        if i >= first_premise:
            kind = Kind.PREMISE
            reasons: tuple[Reason, ...] = ()
        else:
            kind = Kind.RECOMMENDATION if i < claims * 0.05 else Kind.CONCLUSION
            reasons = tuple(
                Reason(
                    (later(i), later(i)) if rng.random() < 0.3 else (later(i),),
                    objections(0.08),
                )
                for _ in range(rng.choice((1, 1, 2, 3)))
            )
        contradicts = (anyone(),) if rng.random() < 0.01 else ()
        built.append(
            Claim(
                cid,
                kind,
                f"Claim {i}.",
                reasons=reasons,
                objections=objections(0.12),
                contradicts=contradicts,
            )
        )
    return ArgumentMap(f"Generated map of {claims} claims", tuple(built))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    amap = generate(args.claims, args.seed)
    built = time.perf_counter() - started
    reasons = sum(len(c.reasons) for c in amap.claims)
    print(f"map: {len(amap.claims):,} claims, {reasons:,} reasons (generated in {built:.2f} s)")

    times, cpu = [], []
    for _ in range(args.repeat):
        started, used = time.perf_counter(), time.process_time()
        evaluation = evaluate(amap)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    counts = evaluation.counts()
    print("statuses: " + ", ".join(f"{counts[status]:,} {status.value}" for status in Status))
    print(
        f"evaluate: best {min(times):.3f} s, median {statistics.median(times):.3f} s wall; "
        f"best {min(cpu):.3f} s CPU; over {args.repeat} runs (Python {sys.version.split()[0]})"
    )


if __name__ == "__main__":
    main()
