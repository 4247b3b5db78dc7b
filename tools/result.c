// SPDX-License-Identifier: GPL-2.0
/*
 * Checks and exit status of headlen0_tx; see result.h.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>

#include "result.h"
#include "tx.h"
#include "verify.h"

void h0_result_check(struct h0_result *r, const char *name, bool ok, const char *fmt, ...)
{
	struct h0_check *c;
	va_list ap;

	if (r->nchecks >= H0_MAX_CHECKS)
		return;
	c = &r->checks[r->nchecks++];
	c->name = name;
	c->ok = ok;
	va_start(ap, fmt);
	vsnprintf(c->detail, sizeof(c->detail), fmt, ap);
	va_end(ap);
	if (!ok && r->exit_code < H0_EXIT_FAIL)
		r->exit_code = H0_EXIT_FAIL;
}

const struct h0_site *h0_result_site(const struct h0_result *r)
{
	if (!r->probe)
		return NULL;
	return r->probe->at_driver ? &r->counts.driver : &r->counts.direct;
}

bool h0_result_measured(const struct h0_result *r, char *why, size_t len)
{
	const struct h0_site *s = h0_result_site(r);
	const struct h0_probe *p = r->probe;
	uint64_t sent = r->tx ? r->tx->frames_sent : 0;
	char dev[64] = "";

	if (len)
		why[0] = '\0';
	if (!p)
		return false;
	if (s->skbs)
		return true;
	if (!sent) {
		snprintf(why, len, "no frames were sent");
		return false;
	}
	if (r->dev_tx_packets > 0)
		snprintf(dev, sizeof(dev), ", tx_packets +%lld", (long long)r->dev_tx_packets);
	if (!p->at_driver)
		snprintf(why, len, "the probe at __dev_direct_xmit saw none of our skbs while "
			 "%llu frames were sent%s: it watched another net_device; the "
			 "headlen-0 share is unknown", (unsigned long long)sent, dev);
	else if (r->counts.direct.skbs)
		snprintf(why, len, "the probe at %s saw none of our skbs while %llu frames "
			 "were sent (%llu passed __dev_direct_xmit%s): it is not on the "
			 "function this interface's driver runs (another driver's of the "
			 "same name?); the headlen-0 share is unknown",
			 p->driver_sym[0] ? p->driver_sym : "the driver",
			 (unsigned long long)sent, (unsigned long long)r->counts.direct.skbs, dev);
	else
		snprintf(why, len, "the probe saw none of our skbs, at %s or at "
			 "__dev_direct_xmit, while %llu frames were sent%s: it watched "
			 "another net_device; the headlen-0 share is unknown",
			 p->driver_sym[0] ? p->driver_sym : "the driver",
			 (unsigned long long)sent, dev);
	return false;
}

double h0_site_pct(const struct h0_site *s, uint64_t part)
{
	return s && s->skbs ? 100.0 * (double)part / (double)s->skbs : 0;
}

/* Why the kernel may have dropped descriptors: the per-frame limits. */
static const char *h0_invalid_cause(const struct h0_opts *o, const struct h0_tx_stats *st)
{
	if (!st->tx_invalid_descs)
		return "";
	if (o->mb > H0_MB_MAX_NO_LINEAR)
		return "; a frame of more than 17 descriptors is dropped on an "
		       "IFF_TX_SKB_NO_LINEAR device (MAX_SKB_FRAGS frags, "
		       "xsk_build_skb_zerocopy()), the copy path takes 18: use --mb 17 or less";
	if (o->unaligned && o->mb > 1)
		return "; with IFF_TX_SKB_NO_LINEAR an unaligned descriptor that crosses a "
		       "page takes two frags, so fewer than 17 descriptors can overflow "
		       "MAX_SKB_FRAGS: lower --mb";
	return "";
}

void h0_result_tx_checks(struct h0_result *r)
{
	const struct h0_tx_stats *st = r->tx;
	const struct h0_opts *o = r->o;

	h0_result_check(r, "sent", st->frames_sent > 0 && !st->stalled,
			"%llu frames on the TX ring%s", (unsigned long long)st->frames_sent,
			st->stalled ? ", then the kernel stopped completing for 5 s" : "");
	h0_result_check(r, "completions", !st->compl_duplicate && !st->compl_unknown &&
			!st->compl_missing && st->completions == st->descs_sent,
			"%llu of %llu descriptors completed once; duplicate %llu, unknown %llu, "
			"missing %llu%s", (unsigned long long)st->completions,
			(unsigned long long)st->descs_sent,
			(unsigned long long)st->compl_duplicate,
			(unsigned long long)st->compl_unknown,
			(unsigned long long)st->compl_missing,
			st->tx_invalid_descs ?
			" (the kernel rejected descriptors: tx_invalid_descs)" : "");
	h0_result_check(r, "kernel_accepted", !st->tx_invalid_descs,
			"%llu descriptors dropped by the kernel (XDP_STATISTICS "
			"tx_invalid_descs)%s", (unsigned long long)st->tx_invalid_descs,
			h0_invalid_cause(o, st));
	if (!o->no_check)
		h0_result_check(r, "umem_unchanged", !st->umem_modified,
				"%llu descriptors with modified UMEM bytes",
				(unsigned long long)st->umem_modified);
}

void h0_result_probe_checks(struct h0_result *r)
{
	const struct h0_site *s = h0_result_site(r);
	const struct h0_opts *o = r->o;
	const char *where = r->probe->at_driver ? "at the driver" :
			    "at __dev_direct_xmit (driver not probed)";
	char why[400];

	/* No skb of ours seen: fail the check, do not pass it on 0 of 0. */
	if (!h0_result_measured(r, why, sizeof(why))) {
		if (o->expect_headlen0 >= 0)
			h0_result_check(r, "expect_headlen0", false, "no measurement: %s; "
					"expected >= %d%%", why, o->expect_headlen0);
		if (o->expect_linear)
			h0_result_check(r, "expect_linear", false, "no measurement: %s; "
					"expected all linear", why);
		return;
	}
	if (o->expect_headlen0 >= 0)
		h0_result_check(r, "expect_headlen0", s->skbs > 0 &&
				h0_site_pct(s, s->headlen0) >= o->expect_headlen0,
				"%.1f%% of %llu skbs %s had headlen 0, expected >= %d%%",
				h0_site_pct(s, s->headlen0), (unsigned long long)s->skbs,
				where, o->expect_headlen0);
	if (o->expect_linear)
		h0_result_check(r, "expect_linear", s->skbs > 0 && s->linear == s->skbs,
				"%llu of %llu skbs %s were linear",
				(unsigned long long)s->linear, (unsigned long long)s->skbs,
				where);
}

void h0_result_verify_checks(struct h0_result *r)
{
	const struct h0_verify *v = r->verify;
	uint64_t lost = h0_seq_lost(&v->t), good = v->t.distinct + v->t.untagged;
	char why[512];

	/* The receiver could not receive: nothing below was checked. */
	if (h0_verify_error(v, why, sizeof(why))) {
		h0_result_check(r, "receiver", false, "%s", why);
		r->exit_code = H0_EXIT_USAGE;
	}

	h0_result_check(r, "verify_received", good > 0 && !lost && !v->err,
			"%llu good of %llu expected, %llu lost%s%s",
			(unsigned long long)good, (unsigned long long)v->t.expected,
			(unsigned long long)lost, v->sock_drops ? " (socket drops: receiver "
			"too slow, try -r)" : "", v->err ? " (receive error)" : "");
	if (v->len_mismatch)
		h0_result_check(r, "verify_bytes", false,
				"%llu corrupted, %llu of them of the wrong length (first: "
				"expected %u bytes, got %u): give both sides the same -s; "
				"%llu out of range", (unsigned long long)v->t.corrupted,
				(unsigned long long)v->len_mismatch, v->cfg.size, v->wrong_len,
				(unsigned long long)v->t.out_of_range);
	else
		h0_result_check(r, "verify_bytes", !v->t.corrupted && !v->t.out_of_range,
				"%llu corrupted, %llu out of range",
				(unsigned long long)v->t.corrupted,
				(unsigned long long)v->t.out_of_range);
	if (v->t.stale)
		h0_result_check(r, "verify_duplicates", false,
				"%llu duplicates, %llu reordered, %llu stale (more than %llu "
				"behind the newest: each a duplicate or a very late frame)",
				(unsigned long long)v->t.duplicates,
				(unsigned long long)v->t.reordered,
				(unsigned long long)v->t.stale, H0_SEQ_WINDOW);
	else
		h0_result_check(r, "verify_duplicates", !v->t.duplicates,
				"%llu duplicates, %llu reordered",
				(unsigned long long)v->t.duplicates,
				(unsigned long long)v->t.reordered);
}

const char *h0_signal_name(int sig)
{
	switch (sig) {
	case SIGINT:
		return "SIGINT";
	case SIGTERM:
		return "SIGTERM";
	default:
		return "a signal";
	}
}

/* The run did not complete: say how far it got, against what was asked. */
static void h0_result_stopped(struct h0_result *r)
{
	const struct h0_opts *o = r->o;
	const char *sig = h0_signal_name(r->stop_signal);

	if (r->tx && o->duration)
		h0_result_check(r, "completed", false,
				"interrupted by %s after %.1f of %u s (-d), %llu frames sent; "
				"the checks below cover only what was sent", sig,
				r->tx->elapsed, o->duration,
				(unsigned long long)r->tx->frames_sent);
	else if (r->tx)
		h0_result_check(r, "completed", false,
				"interrupted by %s after %llu of %llu frames (-n); the checks "
				"below cover only what was sent", sig,
				(unsigned long long)r->tx->frames_sent,
				(unsigned long long)o->count);
	else if (r->verify && o->count)
		h0_result_check(r, "completed", false,
				"interrupted by %s after %llu good frames of %llu expected (-n)",
				sig, (unsigned long long)(r->verify->t.distinct +
							  r->verify->t.untagged),
				(unsigned long long)o->count);
	else
		h0_result_check(r, "completed", false,
				"interrupted by %s before the receiver timed out; the count "
				"was not given (-n), so nothing says the sender was done", sig);
}

void h0_result_finish(struct h0_result *r)
{
	if (r->stop_signal)
		h0_result_stopped(r);
	if (r->tx)
		h0_result_tx_checks(r);
	if (r->probe)
		h0_result_probe_checks(r);
	if (r->verify)
		h0_result_verify_checks(r);
}

const char *h0_result_word(const struct h0_result *r)
{
	if (r->exit_code == H0_EXIT_USAGE)
		return "ERROR";
	if (r->stop_signal)
		return "INTERRUPTED";
	return r->exit_code ? "FAIL" : "PASS";
}
