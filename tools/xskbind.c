// SPDX-License-Identifier: GPL-2.0
/*
 * AF_XDP bind: retry policy and messages; see xskbind.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xskbind.h"

int h0_bind_retry_ms(int err, unsigned int attempt, unsigned int waited_ms)
{
	unsigned int ms = H0_BIND_DELAY_MAX_MS;

	if (err != EBUSY || waited_ms >= H0_BIND_RETRY_MS)
		return -1;
	if (attempt < 16 && H0_BIND_DELAY_MIN_MS << attempt < H0_BIND_DELAY_MAX_MS)
		ms = H0_BIND_DELAY_MIN_MS << attempt;
	if (ms > H0_BIND_RETRY_MS - waited_ms)
		ms = H0_BIND_RETRY_MS - waited_ms;
	return (int)ms;
}

int h0_bind_retry(int (*attempt)(void *ctx), void *ctx, void (*sleep_ms)(unsigned int ms),
		  struct h0_bind_try *st)
{
	int err, ms;

	memset(st, 0, sizeof(*st));
	for (;;) {
		err = attempt(ctx);
		if (!err)
			return 0;
		ms = h0_bind_retry_ms(err, st->attempts++, st->waited_ms);
		if (ms < 0)
			return err;
		sleep_ms((unsigned int)ms);
		st->waited_ms += (unsigned int)ms;
	}
}

const char *h0_bind_hint(int err, const struct h0_opts *o)
{
	switch (err) {
	case EPERM:
	case EACCES:
		return "AF_XDP needs CAP_NET_RAW: run as root or setcap cap_net_raw,cap_bpf,"
		       "cap_perfmon+ep headlen0_tx";
	case EINVAL:
		return o->mb > 1 ? "the kernel refused the bind: --mb needs XDP_USE_SG "
				   "(Linux 6.6+); also check -q against 'ethtool -l'" :
				   "the kernel refused the bind: check -q against the queues "
				   "of the interface ('ethtool -l') and -f/--unaligned";
	case EBUSY:
		return "another AF_XDP socket holds the queue, or it is in zero-copy use (the "
		       "socket of a run that just ended is released asynchronously, but not "
		       "this late): stop the other user or pick another -q, then run again";
	case ENOMEM:
	case ENOBUFS:
		return "cannot pin the UMEM: raise 'ulimit -l' (RLIMIT_MEMLOCK) or lower --frames";
	case EOPNOTSUPP:
		return "the interface does not support AF_XDP copy mode";
	case ENODEV:
		return "the interface went away";
	case EAFNOSUPPORT:
		return "the kernel has no AF_XDP (CONFIG_XDP_SOCKETS)";
	default:
		return "see dmesg";
	}
}

void h0_bind_error(char *buf, size_t len, int err, const struct h0_opts *o,
		   const struct h0_bind_try *st)
{
	char retried[96] = "";

	if (st->attempts > 1)
		snprintf(retried, sizeof(retried), ", still after %u attempts over %u.%01u s",
			 st->attempts, st->waited_ms / 1000, st->waited_ms % 1000 / 100);
	snprintf(buf, len, "cannot bind AF_XDP (XDP_COPY%s) to %s queue %u: %s%s; %s",
		 o->mb > 1 ? " | XDP_USE_SG" : "", o->ifname, o->queue, strerror(err),
		 retried, h0_bind_hint(err, o));
}
