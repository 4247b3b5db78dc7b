# The kit's top-level entry points. See README.md.
#
#   make demo        the main job: the exnic demo in a VM
#   make test        every test; ends with 'N passed, N failed'
#   make bench       copy vs page path on exnic, non-debug kernel (not a test)
#   make series      the reference patch series into out/series/{exnic,e1000e,e1000}
#   make kernel      build the test kernel (Debian linux-source-6.12 + kit)
#   make kunit       the KUnit suites only (kunit.py, x86_64 under qemu)
#   make static      checkpatch --strict, W=1 and sparse on the kernel code
#   make vm-shell    boot the test VM and run $(CMD) (default: uname -a)
#   make deps        install the Debian packages the kit needs (root)
#   make clean       remove out/ (results); make distclean also .cache/
#
# KIT_VARIANT=kasan selects the KASAN test kernel (see README.md).

SHELL := /bin/bash
CMD ?= uname -a

.PHONY: demo test bench series kernel kunit static vm-shell deps clean distclean

demo:
	@scripts/demo

test:
	@scripts/test-all

bench: deps
	@KIT_VARIANT=bench scripts/build-kernel && bench/run

series:
	@scripts/gen-series && for d in series/*/driver; do \
		scripts/gen-driver-series "$$(basename "$$(dirname "$$d")")" || exit; done

kernel: deps
	@scripts/build-kernel

kunit: deps
	@scripts/kunit

static: kernel
	@scripts/check-kernel-code

vm-shell: kernel
	@scripts/vm-run -- $(CMD)

deps:
	@scripts/deps

clean:
	rm -rf out

distclean: clean
	rm -rf .cache
