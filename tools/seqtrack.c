// SPDX-License-Identifier: GPL-2.0
/*
 * Receive-side sequence accounting; see seqtrack.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "seqtrack.h"

/*
 * Grow the bitmap to cover sequence numbers [0, @want], up to the window.
 * Only while the window has not slid (base 0): there bit i is sequence i,
 * so the bytes keep their meaning in the larger ring.
 */
static int h0_seq_grow(struct h0_seqtrack *t, uint64_t want)
{
	uint64_t n = t->nbits;
	uint8_t *b;

	while (n <= want && n < H0_SEQ_WINDOW)
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

/* Clear bits [from, from + n) of the bitmap, n <= nbits - from. */
static void h0_bits_clear(uint8_t *bits, uint64_t from, uint64_t n)
{
	for (; n && from % 8; from++, n--)
		bits[from / 8] &= ~(1u << (from % 8));
	memset(bits + from / 8, 0, n / 8);
	from += n / 8 * 8;
	for (n %= 8; n; from++, n--)
		bits[from / 8] &= ~(1u << (from % 8));
}

/* Slide the window up so that it ends at @seq: forget what falls out. */
static void h0_seq_slide(struct h0_seqtrack *t, uint64_t seq)
{
	uint64_t base = seq - t->nbits + 1, n = base - t->base, at;

	if (n >= t->nbits) {
		memset(t->bits, 0, t->nbits / 8);
	} else {
		at = t->base & (t->nbits - 1);
		if (at + n <= t->nbits) {
			h0_bits_clear(t->bits, at, n);
		} else {
			h0_bits_clear(t->bits, at, t->nbits - at);
			h0_bits_clear(t->bits, 0, n - (t->nbits - at));
		}
	}
	t->base = base;
}

/* The 64-bit sequence number of a frame that carries @seq's low 32 bits. */
static uint64_t h0_seq_extend(const struct h0_seqtrack *t, uint32_t seq)
{
	int32_t d;

	if (!t->wraps || !t->distinct)
		return seq;
	d = (int32_t)(seq - (uint32_t)t->highest);
	if (d < 0 && (uint64_t)-(int64_t)d > t->highest)
		return seq;		/* before the first wrap */
	return t->highest + (int64_t)d;
}

int h0_seq_init(struct h0_seqtrack *t, uint64_t expected)
{
	memset(t, 0, sizeof(*t));
	t->expected = expected;
	t->wraps = !expected || expected > (1ULL << 32);
	t->nbits = 64;
	t->bits = calloc(1, t->nbits / 8);
	if (!t->bits)
		return -ENOMEM;
	return h0_seq_grow(t, expected ? expected - 1 : H0_SEQ_WINDOW_MIN - 1);
}

void h0_seq_free(struct h0_seqtrack *t)
{
	free(t->bits);
	t->bits = NULL;
	t->nbits = 0;
}

int h0_seq_account(struct h0_seqtrack *t, const struct h0_frame_result *r)
{
	uint64_t seq, bit;

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
	seq = h0_seq_extend(t, r->seq);
	if (t->expected && seq >= t->expected) {
		t->out_of_range++;
		return 0;
	}
	if (seq < t->base) {
		t->stale++;
		return 0;
	}
	if (seq - t->base >= t->nbits) {
		if (!t->base && h0_seq_grow(t, seq))
			return -ENOMEM;
		if (seq - t->base >= t->nbits)
			h0_seq_slide(t, seq);
	}
	bit = seq & (t->nbits - 1);
	if (t->bits[bit / 8] & (1u << (bit % 8))) {
		t->duplicates++;
		return 0;
	}
	t->bits[bit / 8] |= 1u << (bit % 8);
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
