"""Run every ``benchmarks/bench_*.py`` (or the ones named) and print their figures.

Each benchmark module has a ``main() -> None`` that prints its own lines. Targets live here, not in
timed unit tests, because a shared 2-core machine makes timings too noisy to fail a build on.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def main(names: list[str]) -> int:
    found = sorted(i.name for i in pkgutil.iter_modules(benchmarks.__path__) if i.name.startswith("bench_"))
    chosen = [n for n in found if not names or any(name in n for name in names)]
    if not chosen:
        print(f"no benchmark matches {names}; have: {', '.join(found)}")
        return 1
    for name in chosen:
        print(f"== {name}")
        start = time.perf_counter()
        importlib.import_module(f"benchmarks.{name}").main()
        print(f"   ({time.perf_counter() - start:.1f} s in all)\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
