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
 */
#ifndef H0_SEQTRACK_H
#define H0_SEQTRACK_H

#include <stdbool.h>
#include <stdint.h>

#include "frame.h"

struct h0_seqtrack {
	uint64_t expected;	/* 0: unknown */
	uint8_t *bits;
	uint64_t nbits;
	uint64_t highest;	/* valid when distinct > 0 */
	uint64_t received;	/* ours and of this run: good, corrupt, duplicate */
	uint64_t distinct;	/* good frames with a new sequence number */
	uint64_t untagged;	/* good frames without a sequence number */
	uint64_t duplicates;
	uint64_t reordered;
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
