# shellcheck shell=bash
# Common settings for the kit's scripts. Source it; do not run it.
#
#   KIT_KVER     kernel series to build against: Debian's linux-source-6.12
#                (default) or linux-source-6.1 (scripts/test-kver 6.1)
#   KIT_VARIANT  test-kernel variant: "debug" (default), "kasan" or "bench"
#                (non-debug, for bench/); "oot" is scripts/test-kver's view
#                of kunit.py's build, for out-of-tree builds against it
#   KIT_CACHE    where kernel source and build trees live (ignored by git)

set -euo pipefail

KIT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT_KVER=${KIT_KVER:-6.12}
case $KIT_KVER in
6.12 | 6.1) ;;
*) printf '[kit] error: KIT_KVER=%s: the kit is tested on 6.12 and 6.1\n' "$KIT_KVER" >&2; exit 2 ;;
esac
KIT_VARIANT=${KIT_VARIANT:-debug}
KIT_CACHE=${KIT_CACHE:-$KIT_ROOT/.cache}
KIT_SRC=$KIT_CACHE/src/linux-$KIT_KVER
KIT_BUILD=$KIT_CACHE/build-$KIT_KVER-$KIT_VARIANT
KIT_KUNIT_BUILD=$KIT_CACHE/build-$KIT_KVER-kunit
KIT_OUT=${KIT_OUT:-$KIT_ROOT/out}
KIT_JOBS=${KIT_JOBS:-$(nproc)}
# Guest time limits are multiplied by this: KASAN slows the guest down
# (AF_XDP TX about 20x under TCG), so its variant gets longer ones.
if [ "$KIT_VARIANT" = kasan ]; then
	KIT_TIMEOUT_SCALE=${KIT_TIMEOUT_SCALE:-6}
else
	KIT_TIMEOUT_SCALE=${KIT_TIMEOUT_SCALE:-1}
fi

# Reproducible build stamps keep ccache hits across clones.
export KBUILD_BUILD_TIMESTAMP='2024-11-17'
export KBUILD_BUILD_USER=kit KBUILD_BUILD_HOST=kit
export CCACHE_BASEDIR=$KIT_ROOT
# With -g, ccache hashes the working directory, which differs per clone;
# kernel builds use relative source paths, so ignore it and share hits.
export CCACHE_NOHASHDIR=true

kit_log() { printf '[kit] %s\n' "$*" >&2; }
kit_die() { printf '[kit] error: %s\n' "$*" >&2; exit 1; }

# The kunitconfig fragments that make up the test kernel, in merge order.
kit_fragments() {
	[ "$KIT_VARIANT" = bench ] && { echo "$KIT_ROOT/configs/bench.config"; return 0; }
	echo "$KIT_ROOT/configs/kit.config"
	[ "$KIT_VARIANT" = kasan ] && echo "$KIT_ROOT/configs/kasan.config"
	return 0
}

# kit_pristine_tree TREE: TREE as a git repository of the pristine
# /usr/src/linux-source-$KIT_KVER.tar.xz (tag 'pristine'; made once, about
# 2.5 min), checked out at that tag and cleaned, for 'git am' of a series.
# Callers hold their series lock: the tree is shared.
kit_pristine_tree() {
	local tree=$1 tarball=/usr/src/linux-source-$KIT_KVER.tar.xz
	if [ ! -f "$tree/.git/kit-pristine" ] || [ "$tarball" -nt "$tree/.git/kit-pristine" ] ||
	   ! git -C "$tree" rev-parse -q --verify pristine >/dev/null; then
		kit_log "unpacking a pristine $tarball into $tree (once, about 2.5 min)"
		rm -rf "$tree"
		mkdir -p "$tree"
		tar -xf "$tarball" -C "$tree" --strip-components=1
		# Debian's .gitignore ignores the top level: add with -f.
		git -C "$tree" init -q
		git -C "$tree" config gc.auto 0
		git -C "$tree" add -f -A .
		git -C "$tree" commit -q -m "linux-source-$KIT_KVER (pristine)"
		git -C "$tree" tag pristine
		touch "$tree/.git/kit-pristine"
	fi
	# No background 'git gc --auto' after git am: it would repack the whole
	# tree for minutes and, inheriting the caller's lock fd, hold the lock.
	git -C "$tree" config gc.auto 0
	git -C "$tree" am --abort >/dev/null 2>&1 || true
	git -C "$tree" checkout -q -f --detach pristine
	git -C "$tree" clean -q -ffdx
}
