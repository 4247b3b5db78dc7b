/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit features the kit's tests use that older kernels lack, in one
 * place. The tests are written against 6.12's KUnit; on 6.1 this header
 * supplies what can be supplied faithfully, and makes the rest skip with
 * a reason instead of passing without having run.
 *
 * Tested: Debian's linux-source-6.12 (6.12.y) and linux-source-6.1 (6.1.y).
 */
#ifndef _KUNIT_COMPAT_H_
#define _KUNIT_COMPAT_H_

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/version.h>

/*
 * KUNIT_EXPECT_MEMEQ() (6.2). Before, compare with memcmp(): a failure
 * names the two buffers but does not hex-dump them.
 */
#ifndef KUNIT_EXPECT_MEMEQ
#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_EQ_MSG(test, memcmp(left, right, size), 0,		\
			    "%s and %s differ", #left, #right)
#endif

/*
 * kunit_add_action_or_reset() (6.5): run @action(@ctx) when the test
 * ends, or now if that cannot be arranged. Before, a test-managed
 * resource does the same: resources are released in reverse order of
 * their creation, as deferred actions are.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
typedef void (kunit_action_t)(void *);

struct kunit_compat_action {
	kunit_action_t *action;
	void *ctx;
};

static inline int kunit_compat_action_init(struct kunit_resource *res,
					   void *context)
{
	res->data = context;
	return 0;
}

static inline void kunit_compat_action_free(struct kunit_resource *res)
{
	struct kunit_compat_action *a = res->data;

	a->action(a->ctx);
	kfree(a);
}

static inline int kunit_add_action_or_reset(struct kunit *test,
					    kunit_action_t *action, void *ctx)
{
	struct kunit_compat_action *a;

	a = kmalloc(sizeof(*a), GFP_KERNEL);
	if (a) {
		a->action = action;
		a->ctx = ctx;
		if (kunit_alloc_resource(test, kunit_compat_action_init,
					 kunit_compat_action_free, GFP_KERNEL,
					 a))
			return 0;
		kfree(a);
	}
	action(ctx);
	return -ENOMEM;
}
#endif

/*
 * KUnit static stubs (6.4). Before, a function cannot be replaced during
 * a test, so a test that needs to replace one skips, saying why. The
 * function under test keeps a no-op KUNIT_STATIC_STUB_REDIRECT() (see
 * exnic_compat.h).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/static_stub.h>
#else
#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) \
	do {								\
		(void)(real_fn_addr);					\
		(void)(replacement_addr);				\
		kunit_skip(test,					\
			   "needs KUnit static stubs (Linux 6.4+) to replace %s", \
			   #real_fn_addr);				\
	} while (0)
#define kunit_deactivate_static_stub(test, real_fn_addr)		\
	do {								\
		(void)(test);						\
		(void)(real_fn_addr);					\
	} while (0)
#endif

#endif /* _KUNIT_COMPAT_H_ */
