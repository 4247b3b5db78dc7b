/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AF_XDP sender of headlen0_tx: XDP_COPY bind (generic mode), no XDP
 * program, every descriptor accounted from submission to completion.
 */
#ifndef H0_TX_H
#define H0_TX_H

#include <signal.h>
#include <stdint.h>
#include <xdp/xsk.h>

#include "args.h"
#include "frame.h"
#include "slots.h"

struct h0_tx_stats {
	uint64_t frames_sent;		/* frames with all descriptors on the TX ring */
	uint64_t descs_sent;
	uint64_t completions;		/* descriptors completed exactly once */
	uint64_t frames_completed;	/* frames whose last descriptor completed */
	uint64_t compl_duplicate;	/* completion of a descriptor not in flight */
	uint64_t compl_unknown;		/* completion of an address never submitted */
	uint64_t compl_unknown_addr;	/* the first such address */
	uint64_t compl_bit0_cleared;	/* unknown = an in-flight odd address & ~1 */
	uint64_t compl_missing;		/* in flight at the end, never completed */
	uint64_t umem_modified;		/* descriptors whose UMEM bytes changed */
	uint64_t umem_bad_seq;		/* first modified frame ... */
	uint64_t umem_bad_off;		/* ... and the offset of its first changed byte */
	uint64_t kicks;
	uint64_t kick_eagain;
	uint64_t kick_ebusy;		/* NET_XMIT_DROP: skb completed, not sent */
	uint64_t kick_enobufs;
	uint64_t kick_enetdown;
	uint64_t kick_other;
	int kick_other_errno;
	uint64_t tx_invalid_descs;	/* XDP_STATISTICS */
	uint64_t tx_ring_empty_descs;
	int stalled;			/* no completion for H0_STALL_SEC while sending */
	int sndbuf;			/* the socket's SO_SNDBUF as the kernel set it */
	double elapsed;			/* first submit to last completion, seconds */
};

struct h0_tx {
	const struct h0_opts *o;
	struct h0_frame_cfg cfg;
	void *area;
	uint64_t area_size;
	struct xsk_umem *umem;
	struct xsk_socket *xsk;
	struct xsk_ring_prod fq;
	struct xsk_ring_prod tx;
	struct xsk_ring_cons cq;
	struct h0_ledger ledger;
	uint32_t piece_off[H0_MB_MAX];
	uint32_t piece_len[H0_MB_MAX];
	uint64_t *built;		/* --no-check: per slot, what its bytes hold */
	struct h0_tx_stats st;
};

typedef void (*h0_tick_fn)(void *ctx, const struct h0_tx_stats *st, double elapsed);

/*
 * 0, or -1 with "cause; fix" in errbuf (exit 2). A queue still busy from
 * the previous run is retried for up to 2 s (xskbind.h).
 */
int h0_tx_open(struct h0_tx *t, const struct h0_opts *o, const struct h0_frame_cfg *cfg,
	       char *errbuf, size_t errlen);
/* Send, then wait for every completion; stats in t->st. */
void h0_tx_run(struct h0_tx *t, volatile sig_atomic_t *stop, h0_tick_fn tick, void *ctx);
void h0_tx_close(struct h0_tx *t);

#endif /* H0_TX_H */
