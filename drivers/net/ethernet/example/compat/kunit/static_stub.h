/* SPDX-License-Identifier: GPL-2.0-only */
/* Before 6.4: no KUnit static stubs; the redirect does nothing (exnic_compat.h) */
#ifndef _EXNIC_COMPAT_KUNIT_STATIC_STUB_H_
#define _EXNIC_COMPAT_KUNIT_STATIC_STUB_H_

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...) ((void)(real_fn_name))

#endif
