#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of tools/Makefile: what the compile lines hold. Dry runs only
# (make -n -B): nothing is built, no BPF toolchain needed.
#
# Prints "ok NAME" / "not ok NAME" per case and "N passed, N failed" last.

cd "$(dirname "$0")/.." || exit 1
MAKE=${MAKE:-make}
pass=0
fail=0

# The compile line of args.o with extra make arguments, from a clean
# environment: no inherited MAKEFLAGS or CFLAGS.
compile_line()
{
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS \
		$MAKE -s -n -B "$@" .output/args.o 2>&1 | grep -e ' -c args\.c '
}

# has NAME LINE WORD...: every WORD is a separate word of LINE.
has()
{
	name=$1 line=$2
	shift 2
	for w in "$@"; do
		case " $line " in
		*" $w "*) ;;
		*)
			echo "  $name: '$w' missing from: $line"
			return 1;;
		esac
	done
	return 0
}

result()
{
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok $1"
	else
		fail=$((fail + 1))
		echo "not ok $1"
	fi
}

line=$(compile_line)
has make_default_flags "$line" -O2 -g -Wall -Wextra -Werror -std=gnu11 \
	-D_GNU_SOURCE -I.output -I.
result make_default_flags $?

# The user's CFLAGS replace the optimisation, never the required flags.
line=$(compile_line CFLAGS=-O1)
has make_user_cflags_keep_required "$line" -O1 -Wall -Wextra -Werror \
	-std=gnu11 -D_GNU_SOURCE -I.output -I.
result make_user_cflags_keep_required $?

# CFLAGS from the environment: the same.
line=$(env CFLAGS='-O0 -g3' $MAKE -s -n -B .output/args.o 2>&1 | grep -e ' -c args\.c ')
has make_env_cflags_keep_required "$line" -O0 -g3 -Werror -I.output -I.
result make_env_cflags_keep_required $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
