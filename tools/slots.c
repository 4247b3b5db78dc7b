// SPDX-License-Identifier: GPL-2.0
/*
 * UMEM slot layout and completion ledger; see slots.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "slots.h"

int h0_ledger_init(struct h0_ledger *l, uint32_t nslots, uint32_t chunk_size, bool unaligned)
{
	uint32_t i;

	memset(l, 0, sizeof(*l));
	if (!nslots || !chunk_size || chunk_size > H0_PAGE_SIZE)
		return -EINVAL;
	l->slots = calloc(nslots, sizeof(*l->slots));
	l->free = calloc(nslots, sizeof(*l->free));
	if (!l->slots || !l->free) {
		h0_ledger_free(l);
		return -ENOMEM;
	}
	l->nslots = nslots;
	l->unaligned = unaligned;
	l->stride = unaligned ? H0_PAGE_SIZE : chunk_size;
	/* Hand out low slots first: pop from the end of the stack. */
	for (i = 0; i < nslots; i++) {
		l->free[i] = nslots - 1 - i;
		l->slots[i].addr = UINT64_MAX;	/* never given to the kernel */
	}
	l->nfree = nslots;
	return 0;
}

void h0_ledger_free(struct h0_ledger *l)
{
	free(l->slots);
	free(l->free);
	l->slots = NULL;
	l->free = NULL;
	l->nslots = 0;
	l->nfree = 0;
}

uint64_t h0_ledger_umem_size(const struct h0_ledger *l)
{
	uint64_t size = (uint64_t)l->nslots * l->stride;

	/* The last unaligned slot reaches into one more page. */
	if (l->unaligned)
		size += H0_PAGE_SIZE;
	return (size + H0_PAGE_SIZE - 1) / H0_PAGE_SIZE * H0_PAGE_SIZE;
}

static uint64_t h0_slot_addr(const struct h0_ledger *l, uint32_t idx, uint32_t len)
{
	uint32_t half = len / 2 ? len / 2 : 1;

	if (!l->unaligned)
		return (uint64_t)idx * l->stride;
	return (uint64_t)(idx + 1) * l->stride - half;
}

int h0_ledger_take(struct h0_ledger *l, uint32_t seq, uint32_t off, uint32_t len,
		   uint64_t *addr)
{
	struct h0_slot *s;
	uint32_t idx;

	if (!l->nfree || !len || len > l->stride)
		return -1;
	idx = l->free[--l->nfree];
	s = &l->slots[idx];
	s->addr = h0_slot_addr(l, idx, len);
	s->seq = seq;
	s->off = off;
	s->len = len;
	s->state = H0_SLOT_TX;
	l->taken++;
	*addr = s->addr;
	return (int)idx;
}

enum h0_complete_result h0_ledger_complete(struct h0_ledger *l, uint64_t addr, uint32_t *slot)
{
	uint64_t idx = addr / l->stride;
	struct h0_slot *s;

	if (idx >= l->nslots || l->slots[idx].addr != addr) {
		l->unknown++;
		return H0_COMPL_UNKNOWN;
	}
	s = &l->slots[idx];
	if (s->state != H0_SLOT_TX) {
		l->duplicate++;
		return H0_COMPL_DUPLICATE;
	}
	s->state = H0_SLOT_FREE;
	l->free[l->nfree++] = (uint32_t)idx;
	l->completed++;
	if (slot)
		*slot = (uint32_t)idx;
	return H0_COMPL_OK;
}

uint32_t h0_ledger_outstanding(const struct h0_ledger *l)
{
	return l->nslots - l->nfree;
}
