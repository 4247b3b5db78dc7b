/* SPDX-License-Identifier: GPL-2.0-only */
/* Before 6.6: <net/page_pool.h> (exnic_compat.h) */
#include <net/page_pool.h>
