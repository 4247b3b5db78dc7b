/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Receive-side sequence accounting of headlen0_tx --verify.
 *
 * Fed with the verdict of every received frame (frame.h); answers
 * received, lost, duplicates, reordered, corrupted.
 *   duplicate: a sequence number seen before in this run
 *   reordered: a new sequence number lower than the highest seen so far
 *   lost:      expected - distinct good frames (expected unknown: highest
 *              sequence + 1 - distinct good frames)
 *
 * Frames carry 32-bit sequence numbers; a run may send more (-n up to
 * 2^40), so they wrap. Unless the count is known to fit in 32 bits, each
 * number is extended to 64 bits as the one nearest the highest so far
 * (like TCP's or RTP's extended sequence numbers): reordering within
 * 2^31 frames is told apart from a wrap.
 *
 * Memory is bounded: the "seen" bitmap is a window of at most
 * H0_SEQ_WINDOW sequence numbers below the highest (512 KiB), a ring that
 * slides forward with it. A frame older than the window is "stale": a
 * duplicate or a very late frame, which the bitmap can no longer tell.
 */
#ifndef H0_SEQTRACK_H
#define H0_SEQTRACK_H

#include <stdbool.h>
#include <stdint.h>

#include "frame.h"

#define H0_SEQ_WINDOW		(1ULL << 22)	/* sequence numbers, a power of two */
#define H0_SEQ_WINDOW_MIN	(1ULL << 16)	/* the first bitmap of an unknown count */

struct h0_seqtrack {
	uint64_t expected;	/* 0: unknown */
	bool wraps;		/* extend 32-bit numbers: expected unknown or > 2^32 */
	uint8_t *bits;		/* bit (seq % nbits) for seq in [base, base + nbits) */
	uint64_t nbits;		/* a power of two, at most H0_SEQ_WINDOW */
	uint64_t base;		/* lowest sequence number in the window */
	uint64_t highest;	/* extended; valid when distinct > 0 */
	uint64_t received;	/* ours and of this run: good, corrupt, duplicate */
	uint64_t distinct;	/* good frames with a new sequence number */
	uint64_t untagged;	/* good frames without a sequence number */
	uint64_t duplicates;
	uint64_t reordered;
	uint64_t stale;		/* good frames below the window: duplicate or late */
	uint64_t corrupted;
	uint64_t out_of_range;	/* good frames with seq >= expected */
	uint64_t other_run;
	uint64_t foreign;
};

int h0_seq_init(struct h0_seqtrack *t, uint64_t expected);
void h0_seq_free(struct h0_seqtrack *t);
/* Account one classified frame; -ENOMEM if the bitmap cannot grow. */
int h0_seq_account(struct h0_seqtrack *t, const struct h0_frame_result *r);
uint64_t h0_seq_lost(const struct h0_seqtrack *t);
/* Good frames (distinct + untagged) reached the expected count. */
bool h0_seq_complete(const struct h0_seqtrack *t);

#endif /* H0_SEQTRACK_H */
