// SPDX-License-Identifier: GPL-2.0
/*
 * AF_XDP sender of headlen0_tx; see tx.h.
 *
 * Generic (copy) mode transmits from sendto() only: the kernel walks the
 * TX ring in __xsk_generic_xmit(), builds an skb per frame with
 * xsk_build_skb() -- all frags when the driver sets IFF_TX_SKB_NO_LINEAR
 * (xsk_build_skb_zerocopy()), a copied linear head otherwise -- and hands
 * it to __dev_direct_xmit(). The UMEM address comes back on the completion
 * ring when the skb is freed (xsk_destruct_skb()).
 */
#include <errno.h>
#include <linux/if_xdp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tx.h"
#include "xskbind.h"

/* uapi of 6.6+, missing from older libc headers. */
#ifndef XDP_USE_SG
#define XDP_USE_SG	(1 << 4)
#endif
#ifndef XDP_PKT_CONTD
#define XDP_PKT_CONTD	(1 << 0)
#endif

#define H0_STALL_SEC	5.0	/* no completion while frames are in flight */
#define H0_DRAIN_SEC	2.0	/* wait for the last completions */

static double h0_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void h0_sleep(double sec)
{
	struct timespec ts;

	if (sec <= 0)
		return;
	ts.tv_sec = (time_t)sec;
	ts.tv_nsec = (long)((sec - ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

/*
 * The page path charges a whole UMEM chunk (or, unaligned, the descriptor's
 * length) per frame against sk_sndbuf (xsk_build_skb_zerocopy()), the copy
 * path the skb's truesize: with the default budget the page path has far
 * fewer frames in flight. --sndbuf evens that out; root may exceed
 * net.core.wmem_max with SO_SNDBUFFORCE.
 */
static int h0_set_sndbuf(struct h0_tx *t, char *errbuf, size_t errlen)
{
	int fd = xsk_socket__fd(t->xsk), v = (int)t->o->sndbuf;
	socklen_t len = sizeof(t->st.sndbuf);

	if (v && setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &v, sizeof(v)) &&
	    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v))) {
		snprintf(errbuf, errlen, "cannot set SO_SNDBUF to %d: %s", v, strerror(errno));
		return -1;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &t->st.sndbuf, &len))
		t->st.sndbuf = -1;
	return 0;
}

/*
 * One attempt at the UMEM and the socket: 0, the errno of a failed bind
 * (the caller words it, after retries), or -1 with "cause; fix" in errbuf.
 */
static int h0_tx_try_open(struct h0_tx *t, const struct h0_opts *o,
			  const struct h0_frame_cfg *cfg, char *errbuf, size_t errlen)
{
	struct xsk_socket_config xcfg = { 0 };
	struct xsk_umem_config ucfg = { 0 };
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	uint32_t k, off = 0;
	int ret;

	memset(t, 0, sizeof(*t));
	t->o = o;
	t->cfg = *cfg;
	for (k = 0; k < o->mb; k++) {
		t->piece_off[k] = off;
		t->piece_len[k] = o->size / o->mb + (k < o->size % o->mb);
		off += t->piece_len[k];
	}
	if (t->piece_len[0] > o->chunk_size) {
		snprintf(errbuf, errlen,
			 "-s %u: frame larger than its %u-byte UMEM chunk; split it with --mb %u",
			 o->size, o->chunk_size, (o->size + o->chunk_size - 1) / o->chunk_size);
		return -1;
	}

	ret = h0_ledger_init(&t->ledger, o->frames, o->chunk_size, o->unaligned);
	if (ret) {
		snprintf(errbuf, errlen, "cannot allocate the slot ledger: %s", strerror(-ret));
		return -1;
	}
	t->area_size = h0_ledger_umem_size(&t->ledger);
	t->area = mmap(NULL, t->area_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (t->area == MAP_FAILED) {
		t->area = NULL;
		snprintf(errbuf, errlen, "cannot map %llu bytes of UMEM: %s; lower --frames",
			 (unsigned long long)t->area_size, strerror(errno));
		goto err;
	}
	setrlimit(RLIMIT_MEMLOCK, &rl);	/* best effort: root may pin anyway */

	ucfg.fill_size = 64;			/* no RX: the fill ring stays empty */
	ucfg.comp_size = H0_RING_SIZE;
	ucfg.frame_size = o->chunk_size;
	ucfg.frame_headroom = 0;
	ucfg.flags = o->unaligned ? XDP_UMEM_UNALIGNED_CHUNK_FLAG : 0;
	ret = xsk_umem__create(&t->umem, t->area, t->area_size, &t->fq, &t->cq, &ucfg);
	if (ret) {
		snprintf(errbuf, errlen, "cannot register the UMEM: %s; %s", strerror(-ret),
			 h0_bind_hint(-ret, o));
		goto err;
	}

	xcfg.rx_size = 0;
	xcfg.tx_size = H0_RING_SIZE;
	xcfg.libxdp_flags = XSK_LIBXDP_FLAGS__INHIBIT_PROG_LOAD;	/* TX needs no program */
	xcfg.xdp_flags = 0;
	xcfg.bind_flags = XDP_COPY | (o->mb > 1 ? XDP_USE_SG : 0);
	ret = xsk_socket__create(&t->xsk, o->ifname, o->queue, t->umem, NULL, &t->tx, &xcfg);
	if (ret) {
		t->xsk = NULL;
		h0_tx_close(t);
		return -ret > 0 ? -ret : EIO;
	}
	if (h0_set_sndbuf(t, errbuf, errlen))
		goto err;
	if (o->no_check) {
		t->built = calloc(t->ledger.nslots, sizeof(*t->built));
		if (!t->built) {
			snprintf(errbuf, errlen, "cannot allocate the slot map; lower --frames");
			goto err;
		}
	}
	return 0;
err:
	h0_tx_close(t);
	return -1;
}

struct h0_tx_open_args {
	struct h0_tx *t;
	const struct h0_opts *o;
	const struct h0_frame_cfg *cfg;
	char *errbuf;
	size_t errlen;
};

static int h0_tx_attempt(void *ctx)
{
	struct h0_tx_open_args *a = ctx;

	return h0_tx_try_open(a->t, a->o, a->cfg, a->errbuf, a->errlen);
}

static void h0_sleep_ms(unsigned int ms)
{
	h0_sleep(ms / 1000.0);
}

int h0_tx_open(struct h0_tx *t, const struct h0_opts *o, const struct h0_frame_cfg *cfg,
	       char *errbuf, size_t errlen)
{
	struct h0_tx_open_args a = { t, o, cfg, errbuf, errlen };
	struct h0_bind_try st;
	int ret;

	/* EBUSY after a run that just ended on the queue: see xskbind.h. */
	ret = h0_bind_retry(h0_tx_attempt, &a, h0_sleep_ms, &st);
	if (ret > 0)
		h0_bind_error(errbuf, errlen, ret, o, &st);
	return ret ? -1 : 0;
}

/* Take back every completed address; check its bytes are still ours. */
static uint32_t h0_reclaim(struct h0_tx *t)
{
	uint32_t idx = 0, n, i, slot;

	n = xsk_ring_cons__peek(&t->cq, H0_RING_SIZE, &idx);
	for (i = 0; i < n; i++) {
		uint64_t addr = *xsk_ring_cons__comp_addr(&t->cq, idx + i);
		const struct h0_slot *s;
		long bad;

		switch (h0_ledger_complete(&t->ledger, addr, &slot)) {
		case H0_COMPL_DUPLICATE:
			t->st.compl_duplicate++;
			continue;
		case H0_COMPL_UNKNOWN:
			if (!t->st.compl_unknown++)
				t->st.compl_unknown_addr = addr;
			/* Diagnose a kernel that loses bit 0 of unaligned addresses. */
			slot = (uint32_t)((addr | 1) / t->ledger.stride);
			if (!(addr & 1) && slot < t->ledger.nslots &&
			    t->ledger.slots[slot].addr == (addr | 1) &&
			    t->ledger.slots[slot].state == H0_SLOT_TX)
				t->st.compl_bit0_cleared++;
			continue;
		case H0_COMPL_OK:
			break;
		}
		s = &t->ledger.slots[slot];
		t->st.completions++;
		if (s->off + s->len == t->cfg.size)
			t->st.frames_completed++;
		if (t->built)
			continue;	/* --no-check: nothing to compare against */
		bad = h0_frame_put_diff(&t->cfg, s->seq, s->off, (uint8_t *)t->area + s->addr,
					s->len);
		if (bad >= 0 && !t->st.umem_modified++) {
			t->st.umem_bad_seq = s->seq;
			t->st.umem_bad_off = (uint64_t)bad;
		}
	}
	if (n)
		xsk_ring_cons__release(&t->cq, n);
	return n;
}

static void h0_kick(struct h0_tx *t)
{
	t->st.kicks++;
	if (sendto(xsk_socket__fd(t->xsk), NULL, 0, MSG_DONTWAIT, NULL, 0) >= 0)
		return;
	switch (errno) {
	case EAGAIN:
		t->st.kick_eagain++;
		break;
	case EBUSY:
		t->st.kick_ebusy++;
		break;
	case ENOBUFS:
		t->st.kick_enobufs++;
		break;
	case ENETDOWN:
		t->st.kick_enetdown++;
		break;
	default:
		t->st.kick_other++;
		t->st.kick_other_errno = errno;
		break;
	}
}

/*
 * --no-check: true if the slot at @addr already holds piece @k's bytes (of
 * an earlier frame: its sequence number is stale, which nothing checks).
 * A slot is written once per piece it carries, not once per frame.
 */
static bool h0_slot_built(struct h0_tx *t, uint64_t addr, uint32_t k)
{
	uint64_t *b;

	if (!t->built)
		return false;
	b = &t->built[addr / t->ledger.stride];
	if (*b == k + 1)
		return true;
	*b = k + 1;
	return false;
}

/* Put @n frames on the TX ring, each as t->o->mb descriptors. */
static void h0_submit(struct h0_tx *t, uint32_t n)
{
	uint32_t mb = t->o->mb, idx = 0, f, k;
	uint64_t addr;

	if (xsk_ring_prod__reserve(&t->tx, n * mb, &idx) != n * mb)
		return;
	for (f = 0; f < n; f++) {
		uint32_t seq = (uint32_t)t->st.frames_sent;

		for (k = 0; k < mb; k++) {
			struct xdp_desc *d = xsk_ring_prod__tx_desc(&t->tx, idx++);

			/* Cannot fail: the caller checked nfree >= n * mb. */
			h0_ledger_take(&t->ledger, seq, t->piece_off[k], t->piece_len[k], &addr);
			/*
			 * With the guard of a sub-header frame (60 bytes after
			 * at most 13): the slot has room, whether aligned
			 * (2048 bytes or more) or unaligned (a page apart).
			 */
			if (!h0_slot_built(t, addr, k))
				h0_frame_put(&t->cfg, seq, t->piece_off[k],
					     (uint8_t *)t->area + addr, t->piece_len[k]);
			d->addr = addr;
			d->len = t->piece_len[k];
			d->options = k + 1 < mb ? XDP_PKT_CONTD : 0;
		}
		t->st.frames_sent++;
		t->st.descs_sent += mb;
	}
	xsk_ring_prod__submit(&t->tx, n * mb);
}

static void h0_read_xdp_stats(struct h0_tx *t)
{
	struct xdp_statistics xs;
	socklen_t len = sizeof(xs);

	memset(&xs, 0, sizeof(xs));
	if (!getsockopt(xsk_socket__fd(t->xsk), SOL_XDP, XDP_STATISTICS, &xs, &len)) {
		t->st.tx_invalid_descs = xs.tx_invalid_descs;
		t->st.tx_ring_empty_descs = xs.tx_ring_empty_descs;
	}
}

void h0_tx_run(struct h0_tx *t, volatile sig_atomic_t *stop, h0_tick_fn tick, void *ctx)
{
	const struct h0_opts *o = t->o;
	double t0 = h0_now(), now = t0, next_tick = t0 + 1, last_progress = t0;
	double end = o->duration ? t0 + o->duration : 0, last_compl = t0;
	uint32_t i;

	/* Send phase. */
	while (!*stop) {
		uint64_t want = o->batch;

		now = h0_now();
		if (o->count && t->st.frames_sent >= o->count)
			break;
		if (end && now >= end)
			break;
		if (tick && now >= next_tick) {
			tick(ctx, &t->st, now - t0);
			next_tick += 1;
		}
		if (o->count && o->count - t->st.frames_sent < want)
			want = o->count - t->st.frames_sent;
		if (o->rate) {
			double due = (now - t0) * (double)o->rate + 1;

			if ((double)t->st.frames_sent >= due) {
				h0_reclaim(t);
				h0_sleep(((double)t->st.frames_sent + 1 - due) / (double)o->rate);
				continue;
			}
			if ((double)(t->st.frames_sent + want) > due)
				want = (uint64_t)(due - (double)t->st.frames_sent);
			if (!want)
				want = 1;
		}

		if (h0_reclaim(t))
			last_compl = last_progress = now;
		if (t->ledger.nfree >= want * o->mb &&
		    xsk_prod_nb_free(&t->tx, want * o->mb) >= want * o->mb) {
			h0_submit(t, (uint32_t)want);
			last_progress = now;
		} else if (now - last_progress > H0_STALL_SEC) {
			t->st.stalled = 1;
			break;
		}
		h0_kick(t);
	}

	/* Drain phase: every descriptor must come back once. */
	last_progress = h0_now();
	while (h0_ledger_outstanding(&t->ledger)) {
		now = h0_now();
		if (now - last_progress > H0_DRAIN_SEC)
			break;
		h0_kick(t);
		if (h0_reclaim(t))
			last_compl = last_progress = now;
		else
			h0_sleep(0.0002);
	}
	t->st.elapsed = (t->st.completions ? last_compl : h0_now()) - t0;

	/* Whatever is still in flight is missing; its bytes are checked too. */
	for (i = 0; i < t->ledger.nslots; i++) {
		const struct h0_slot *s = &t->ledger.slots[i];
		long bad;

		if (s->state != H0_SLOT_TX)
			continue;
		t->st.compl_missing++;
		if (t->built)
			continue;	/* --no-check: nothing to compare against */
		bad = h0_frame_put_diff(&t->cfg, s->seq, s->off, (uint8_t *)t->area + s->addr,
					s->len);
		if (bad >= 0 && !t->st.umem_modified++) {
			t->st.umem_bad_seq = s->seq;
			t->st.umem_bad_off = (uint64_t)bad;
		}
	}
	h0_read_xdp_stats(t);
}

void h0_tx_close(struct h0_tx *t)
{
	if (t->xsk)
		xsk_socket__delete(t->xsk);
	if (t->umem)
		xsk_umem__delete(t->umem);
	if (t->area)
		munmap(t->area, t->area_size);
	h0_ledger_free(&t->ledger);
	free(t->built);
	t->built = NULL;
	t->xsk = NULL;
	t->umem = NULL;
	t->area = NULL;
}
