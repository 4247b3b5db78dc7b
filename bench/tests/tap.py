# SPDX-License-Identifier: GPL-2.0
"""The bench host tests' runner: each case a function that raises on a
failure; prints TAP and 'N passed, N failed', exits 1 on a failure."""
import sys
import traceback


def run(cases):
    passed = failed = 0
    for i, fn in enumerate(cases, 1):
        try:
            fn()
        except Exception:
            failed += 1
            print(f"not ok {i} - {fn.__name__}")
            for line in traceback.format_exc().rstrip().split("\n"):
                print(f"# {line}")
        else:
            passed += 1
            print(f"ok {i} - {fn.__name__}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
