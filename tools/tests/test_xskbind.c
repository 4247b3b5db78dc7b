// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the AF_XDP bind retry policy and its messages
 * (xskbind.c). The attempt and the sleep are fakes: a script of errnos
 * and a clock that only adds up.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../xskbind.h"
#include "h0test.h"

/* The fake bind: returns script[i] on attempt i, then the last entry. */
struct fake {
	const int *script;
	unsigned int n, calls;
	unsigned int slept_ms, sleeps, longest_ms;
};

static struct fake *fk;

static int fake_attempt(void *ctx)
{
	struct fake *f = ctx;
	unsigned int i = f->calls < f->n ? f->calls : f->n - 1;

	f->calls++;
	return f->script[i];
}

static void fake_sleep(unsigned int ms)
{
	fk->slept_ms += ms;
	fk->sleeps++;
	if (ms > fk->longest_ms)
		fk->longest_ms = ms;
}

static int run(struct fake *f, struct h0_bind_try *st)
{
	fk = f;
	return h0_bind_retry(fake_attempt, f, fake_sleep, st);
}

static struct h0_opts opts(void)
{
	struct h0_opts o;

	h0_opts_default(&o);
	snprintf(o.ifname, sizeof(o.ifname), "eth0");
	o.queue = 3;
	return o;
}

/* Busy three times, then free: the run goes ahead after short waits. */
H0_TEST(bind_busy_then_free_retries)
{
	static const int script[] = { EBUSY, EBUSY, EBUSY, 0 };
	struct fake f = { .script = script, .n = 4 };
	struct h0_bind_try st;

	H0_EXPECT_EQ(run(&f, &st), 0);
	H0_EXPECT_EQ(f.calls, 4);
	H0_EXPECT_EQ(st.attempts, 3);		/* failed ones counted */
	H0_EXPECT_EQ(f.slept_ms, 10 + 20 + 40);
	H0_EXPECT_EQ(st.waited_ms, f.slept_ms);
}

/* Busy for good: bounded, about 2 s in all, growing delays up to 500 ms. */
H0_TEST(bind_busy_gives_up_bounded)
{
	static const int script[] = { EBUSY };
	struct fake f = { .script = script, .n = 1 };
	struct h0_bind_try st;

	H0_EXPECT_EQ(run(&f, &st), EBUSY);
	H0_EXPECT_EQ(f.slept_ms, H0_BIND_RETRY_MS);
	H0_EXPECT(f.longest_ms <= H0_BIND_DELAY_MAX_MS);
	H0_EXPECT(f.calls >= 5 && f.calls <= 16);
	H0_EXPECT_EQ(st.attempts, f.calls);
	H0_EXPECT_EQ(st.waited_ms, H0_BIND_RETRY_MS);
}

/* Anything but EBUSY is not transient: no retry, no wait. */
H0_TEST(bind_other_errors_not_retried)
{
	static const int errs[] = { EINVAL, EPERM, ENOMEM, EOPNOTSUPP, ENODEV, -1 };
	size_t i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		struct fake f = { .script = &errs[i], .n = 1 };
		struct h0_bind_try st;

		H0_EXPECT_EQ(run(&f, &st), errs[i]);
		H0_EXPECT_EQ(f.calls, 1);
		H0_EXPECT_EQ(f.sleeps, 0);
		H0_EXPECT_EQ(h0_bind_retry_ms(errs[i], 0, 0), -1);
	}
}

H0_TEST(bind_retry_delays)
{
	unsigned int waited = 0, a;
	int prev = 0, ms;

	for (a = 0; (ms = h0_bind_retry_ms(EBUSY, a, waited)) >= 0; a++) {
		H0_EXPECT(ms > 0);
		H0_EXPECT(ms >= prev || waited + ms == H0_BIND_RETRY_MS);
		prev = ms;
		waited += ms;
		H0_REQUIRE(a < 64);
	}
	H0_EXPECT_EQ(waited, H0_BIND_RETRY_MS);
	H0_EXPECT_EQ(h0_bind_retry_ms(EBUSY, 0, 0), H0_BIND_DELAY_MIN_MS);
	H0_EXPECT_EQ(h0_bind_retry_ms(EBUSY, 40, 0), H0_BIND_DELAY_MAX_MS);	/* no overflow */
	H0_EXPECT_EQ(h0_bind_retry_ms(EBUSY, 3, H0_BIND_RETRY_MS), -1);
}

/* Still busy after the retries: say so, with the cause and the ways out. */
H0_TEST(bind_busy_message)
{
	static const int script[] = { EBUSY };
	struct fake f = { .script = script, .n = 1 };
	struct h0_opts o = opts();
	struct h0_bind_try st;
	char msg[1024];

	run(&f, &st);
	h0_bind_error(msg, sizeof(msg), EBUSY, &o, &st);
	H0_EXPECT(strstr(msg, "cannot bind AF_XDP (XDP_COPY) to eth0 queue 3: "));
	H0_EXPECT(strstr(msg, strerror(EBUSY)));
	H0_EXPECT(strstr(msg, "still after"));
	H0_EXPECT(strstr(msg, "over 2.0 s"));
	H0_EXPECT(strstr(msg, "released asynchronously"));
	H0_EXPECT(strstr(msg, "pick another -q"));
	printf("  %s\n", msg);
}

/* A first-attempt failure says nothing of retries. */
H0_TEST(bind_other_message)
{
	struct h0_bind_try st = { .attempts = 1 };
	struct h0_opts o = opts();
	char msg[1024];

	o.mb = 3;
	h0_bind_error(msg, sizeof(msg), EINVAL, &o, &st);
	H0_EXPECT(strstr(msg, "(XDP_COPY | XDP_USE_SG)"));
	H0_EXPECT(strstr(msg, "--mb needs XDP_USE_SG"));
	H0_EXPECT(!strstr(msg, "still after"));
}

int main(void)
{
	H0_RUN(bind_busy_then_free_retries);
	H0_RUN(bind_busy_gives_up_bounded);
	H0_RUN(bind_other_errors_not_retried);
	H0_RUN(bind_retry_delays);
	H0_RUN(bind_busy_message);
	H0_RUN(bind_other_message);
	return h0_test_done();
}
