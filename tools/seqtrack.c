// SPDX-License-Identifier: GPL-2.0
/*
 * Receive-side sequence accounting; see seqtrack.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "seqtrack.h"

static int h0_seq_grow(struct h0_seqtrack *t, uint64_t nbits)
{
	uint64_t n = t->nbits ? t->nbits : 1 << 16;
	uint8_t *b;

	while (n < nbits)
		n *= 2;
	if (n == t->nbits)
		return 0;
	b = realloc(t->bits, n / 8);
	if (!b)
		return -ENOMEM;
	memset(b + t->nbits / 8, 0, (n - t->nbits) / 8);
	t->bits = b;
	t->nbits = n;
	return 0;
}

int h0_seq_init(struct h0_seqtrack *t, uint64_t expected)
{
	memset(t, 0, sizeof(*t));
	t->expected = expected;
	return h0_seq_grow(t, expected ? expected : 1);
}

void h0_seq_free(struct h0_seqtrack *t)
{
	free(t->bits);
	t->bits = NULL;
	t->nbits = 0;
}

int h0_seq_account(struct h0_seqtrack *t, const struct h0_frame_result *r)
{
	uint64_t seq = r->seq;

	switch (r->verdict) {
	case H0_FRAME_FOREIGN:
		t->foreign++;
		return 0;
	case H0_FRAME_OTHER_RUN:
		t->other_run++;
		return 0;
	case H0_FRAME_CORRUPT:
		t->received++;
		t->corrupted++;
		return 0;
	case H0_FRAME_OK_UNTAGGED:
		t->received++;
		t->untagged++;
		return 0;
	case H0_FRAME_OK:
		break;
	}

	t->received++;
	if (t->expected && seq >= t->expected) {
		t->out_of_range++;
		return 0;
	}
	if (seq >= t->nbits && h0_seq_grow(t, seq + 1))
		return -ENOMEM;
	if (t->bits[seq / 8] & (1u << (seq % 8))) {
		t->duplicates++;
		return 0;
	}
	t->bits[seq / 8] |= 1u << (seq % 8);
	if (t->distinct && seq < t->highest)
		t->reordered++;
	if (!t->distinct || seq > t->highest)
		t->highest = seq;
	t->distinct++;
	return 0;
}

uint64_t h0_seq_lost(const struct h0_seqtrack *t)
{
	uint64_t good = t->distinct + t->untagged, want;

	want = t->expected ? t->expected : (t->distinct ? t->highest + 1 : good);
	return want > good ? want - good : 0;
}

bool h0_seq_complete(const struct h0_seqtrack *t)
{
	return t->expected && t->distinct + t->untagged >= t->expected;
}
