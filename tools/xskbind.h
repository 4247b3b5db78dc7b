/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Binding the AF_XDP socket of headlen0_tx: which failures to retry, for
 * how long, and what to say when it fails. Pure: tx.c passes the attempt
 * and the sleep, the unit tests a fake of each.
 *
 * EBUSY right after another run on the same queue is transient: closing
 * an AF_XDP socket releases its buffer pool from a workqueue
 * (xp_release_deferred()), and until then xp_assign_dev() finds the queue
 * taken. So EBUSY is retried with a growing delay, 10 ms doubling up to
 * 500 ms, for H0_BIND_RETRY_MS in all; nothing else is retried.
 */
#ifndef H0_XSKBIND_H
#define H0_XSKBIND_H

#include <stddef.h>

#include "args.h"

#define H0_BIND_RETRY_MS	2000	/* the longest wait in all */
#define H0_BIND_DELAY_MIN_MS	10
#define H0_BIND_DELAY_MAX_MS	500

struct h0_bind_try {
	unsigned int attempts;		/* made, the first included */
	unsigned int waited_ms;		/* slept between them */
};

/*
 * After attempt number @attempt (0: the first) failed with errno @err and
 * @waited_ms of earlier waits: the delay before the next one, or -1 to
 * give up.
 */
int h0_bind_retry_ms(int err, unsigned int attempt, unsigned int waited_ms);

/*
 * Call @attempt until it returns 0 or an error h0_bind_retry_ms() does not
 * retry, sleeping with @sleep_ms in between; returns the last result.
 * @attempt returns 0, a positive errno of the bind, or -1 for any other
 * failure (never retried).
 */
int h0_bind_retry(int (*attempt)(void *ctx), void *ctx, void (*sleep_ms)(unsigned int ms),
		  struct h0_bind_try *st);

/* What to do about errno @err of the UMEM registration or the bind. */
const char *h0_bind_hint(int err, const struct h0_opts *o);

/* The whole message of a bind that failed with @err after @st. */
void h0_bind_error(char *buf, size_t len, int err, const struct h0_opts *o,
		   const struct h0_bind_try *st);

#endif /* H0_XSKBIND_H */
