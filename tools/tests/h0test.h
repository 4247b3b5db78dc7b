/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny assert framework for the host unit tests of headlen0_tx.
 *
 *   H0_TEST(name) { H0_REQUIRE(cond); H0_EXPECT(cond); H0_EXPECT_EQ(a, b); ... }
 *   int main(void) { H0_RUN(name); ...; return h0_test_done(); }
 *
 * Prints one line per failed expectation and, last, "N passed, N failed"
 * (counted per test case).
 */
#ifndef H0_TEST_H
#define H0_TEST_H

#include <stdio.h>

static int h0_test_failed_now;
static int h0_tests_passed;
static int h0_tests_failed;

#define H0_TEST(name) static void name(void)

#define H0_EXPECT(cond)								\
	do {									\
		if (!(cond)) {							\
			printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
			h0_test_failed_now = 1;					\
		}								\
	} while (0)

/* Like H0_EXPECT, but end the case when @cond is false (evaluated once). */
#define H0_REQUIRE(cond)							\
	do {									\
		if (!(cond)) {							\
			printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
			h0_test_failed_now = 1;					\
			return;							\
		}								\
	} while (0)

#define H0_EXPECT_EQ(a, b)							\
	do {									\
		long long __a = (long long)(a), __b = (long long)(b);		\
		if (__a != __b) {						\
			printf("  FAIL %s:%d: %s == %s (%lld != %lld)\n",	\
			       __FILE__, __LINE__, #a, #b, __a, __b);		\
			h0_test_failed_now = 1;					\
		}								\
	} while (0)

/* Close the current case: count it and print "ok NAME" / "not ok NAME". */
static inline void h0_test_record(const char *name)
{
	if (h0_test_failed_now) {
		h0_tests_failed++;
		printf("not ok %s\n", name);
	} else {
		h0_tests_passed++;
		printf("ok %s\n", name);
	}
	h0_test_failed_now = 0;
}

#define H0_RUN(name)								\
	do {									\
		h0_test_failed_now = 0;						\
		name();								\
		h0_test_record(#name);						\
	} while (0)

static inline int h0_test_done(void)
{
	printf("%d passed, %d failed\n", h0_tests_passed, h0_tests_failed);
	return h0_tests_failed ? 1 : 0;
}

#endif /* H0_TEST_H */
