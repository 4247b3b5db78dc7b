// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the UMEM slot layout and completion ledger (slots.c).
 */
#include <stdlib.h>

#include "../slots.h"
#include "h0test.h"

H0_TEST(aligned_layout)
{
	struct h0_ledger l;
	uint64_t a0, a1;

	H0_EXPECT_EQ(h0_ledger_init(&l, 64, 2048, false), 0);
	H0_EXPECT_EQ(h0_ledger_umem_size(&l), 64 * 2048);
	H0_EXPECT_EQ(h0_ledger_take(&l, 0, 0, 100, &a0), 0);
	H0_EXPECT_EQ(h0_ledger_take(&l, 1, 0, 2048, &a1), 1);
	H0_EXPECT_EQ(a0, 0);
	H0_EXPECT_EQ(a1, 2048);
	H0_EXPECT(h0_ledger_take(&l, 2, 0, 2049, &a1) < 0);	/* larger than its chunk */
	H0_EXPECT(h0_ledger_take(&l, 2, 0, 0, &a1) < 0);
	H0_EXPECT_EQ(h0_ledger_outstanding(&l), 2);
	h0_ledger_free(&l);
}

H0_TEST(unaligned_crosses_pages)
{
	static const uint32_t lens[] = { 2, 3, 14, 60, 1514, 4096 };
	struct h0_ledger l;
	size_t i;

	H0_EXPECT_EQ(h0_ledger_init(&l, 16, 4096, true), 0);
	H0_EXPECT_EQ(h0_ledger_umem_size(&l), 17 * 4096);
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		uint64_t addr;
		int idx = h0_ledger_take(&l, i, 0, lens[i], &addr);

		H0_EXPECT(idx >= 0);
		/* starts in one page, ends in the next */
		H0_EXPECT_EQ(addr / 4096, (uint64_t)idx);
		H0_EXPECT_EQ((addr + lens[i] - 1) / 4096, (uint64_t)idx + 1);
		H0_EXPECT(addr + lens[i] <= h0_ledger_umem_size(&l));
	}
	h0_ledger_free(&l);
}

H0_TEST(complete_exactly_once)
{
	struct h0_ledger l;
	uint64_t addr[8];
	uint32_t slot;
	int i;

	H0_EXPECT_EQ(h0_ledger_init(&l, 8, 4096, false), 0);
	for (i = 0; i < 8; i++)
		H0_EXPECT(h0_ledger_take(&l, i, 0, 64, &addr[i]) >= 0);
	H0_EXPECT(h0_ledger_take(&l, 9, 0, 64, &addr[0]) < 0);	/* full */
	H0_EXPECT_EQ(h0_ledger_complete(&l, addr[3], &slot), H0_COMPL_OK);
	H0_EXPECT_EQ(slot, 3);
	H0_EXPECT_EQ(h0_ledger_complete(&l, addr[3], &slot), H0_COMPL_DUPLICATE);
	H0_EXPECT_EQ(h0_ledger_complete(&l, 12345, &slot), H0_COMPL_UNKNOWN);
	H0_EXPECT_EQ(h0_ledger_complete(&l, 1 << 30, &slot), H0_COMPL_UNKNOWN);
	H0_EXPECT_EQ(l.completed, 1);
	H0_EXPECT_EQ(l.duplicate, 1);
	H0_EXPECT_EQ(l.unknown, 2);
	H0_EXPECT_EQ(h0_ledger_outstanding(&l), 7);
	/* the freed slot is reused */
	H0_EXPECT_EQ(h0_ledger_take(&l, 10, 0, 64, &addr[3]), 3);
	h0_ledger_free(&l);
}

H0_TEST(never_taken_is_unknown)
{
	struct h0_ledger l;
	uint32_t slot;

	H0_EXPECT_EQ(h0_ledger_init(&l, 4, 4096, true), 0);
	H0_EXPECT_EQ(h0_ledger_complete(&l, 0, &slot), H0_COMPL_UNKNOWN);
	H0_EXPECT_EQ(h0_ledger_complete(&l, 4096 - 32, &slot), H0_COMPL_UNKNOWN);
	h0_ledger_free(&l);
	H0_EXPECT_EQ(h0_ledger_init(&l, 0, 4096, true), -22);
}

int main(void)
{
	H0_RUN(aligned_layout);
	H0_RUN(unaligned_crosses_pages);
	H0_RUN(complete_exactly_once);
	H0_RUN(never_taken_is_unknown);
	return h0_test_done();
}
