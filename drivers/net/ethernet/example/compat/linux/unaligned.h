/* SPDX-License-Identifier: GPL-2.0-only */
/* Before 6.12: <asm/unaligned.h> (exnic_compat.h) */
#include <asm/unaligned.h>
