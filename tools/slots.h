/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UMEM slot layout and completion ledger of headlen0_tx.
 *
 * One slot holds one TX descriptor's bytes. The ledger records, per slot,
 * which frame bytes it carries and whether the kernel owns it, so that
 * every completion can be matched to exactly one submission:
 *   complete(addr) of a slot the kernel does not own  -> duplicate
 *   complete(addr) that is no slot's address          -> unknown
 *   a slot still owned by the kernel at the end       -> missing
 *
 * Aligned mode: slot i starts at i * chunk_size.
 * Unaligned mode: slots are one page apart and a descriptor of len bytes
 * starts len/2 bytes before the end of its page, so every descriptor of
 * two bytes or more crosses a page boundary.
 */
#ifndef H0_SLOTS_H
#define H0_SLOTS_H

#include <stdbool.h>
#include <stdint.h>

#define H0_PAGE_SIZE	4096u

enum h0_slot_state {
	H0_SLOT_FREE,
	H0_SLOT_TX,		/* on the TX ring or in the kernel */
};

struct h0_slot {
	uint64_t addr;		/* descriptor address while H0_SLOT_TX */
	uint32_t seq;		/* frame sequence number */
	uint32_t off;		/* offset of these bytes in the frame */
	uint32_t len;
	uint8_t state;
};

struct h0_ledger {
	struct h0_slot *slots;
	uint32_t *free;		/* stack of free slot indexes */
	uint32_t nfree;
	uint32_t nslots;
	uint32_t stride;
	bool unaligned;
	uint64_t taken;
	uint64_t completed;
	uint64_t duplicate;
	uint64_t unknown;
};

enum h0_complete_result {
	H0_COMPL_OK = 0,
	H0_COMPL_DUPLICATE = -1,
	H0_COMPL_UNKNOWN = -2,
};

int h0_ledger_init(struct h0_ledger *l, uint32_t nslots, uint32_t chunk_size, bool unaligned);
void h0_ledger_free(struct h0_ledger *l);
/* Bytes of UMEM the layout needs (a multiple of the page size). */
uint64_t h0_ledger_umem_size(const struct h0_ledger *l);
/* Take a free slot for frame bytes [off, off+len); -1 if none is free. */
int h0_ledger_take(struct h0_ledger *l, uint32_t seq, uint32_t off, uint32_t len,
		   uint64_t *addr);
/* Match a completion; on H0_COMPL_OK *slot is the freed slot index. */
enum h0_complete_result h0_ledger_complete(struct h0_ledger *l, uint64_t addr, uint32_t *slot);
uint32_t h0_ledger_outstanding(const struct h0_ledger *l);

#endif /* H0_SLOTS_H */
