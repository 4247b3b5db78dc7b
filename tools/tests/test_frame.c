// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the frame builder/checker (frame.c) and of the
 * receive-side sequence accounting (seqtrack.c): loss, duplicates,
 * reordering, 32-bit wrap and the bounded window.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "../frame.h"
#include "../seqtrack.h"
#include "h0test.h"

static struct h0_frame_cfg cfg(enum h0_template t, uint32_t size)
{
	struct h0_frame_cfg c = {
		.tmpl = t,
		.size = size,
		.dst_mac = { 0x02, 0, 0, 0, 0, 0x02 },
		.src_mac = { 0x02, 0, 0, 0, 0, 0x01 },
		.src_ip = htonl(0xc0000201),
		.dst_ip = htonl(0xc0000202),
		.udp_port = 9,
		.run_id = 0x01020304,
	};
	return c;
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

H0_TEST(raw_layout)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 64);
	uint8_t f[64];

	h0_frame_build(&c, 0x11223344, 0, f, sizeof(f));
	H0_EXPECT(!memcmp(f, c.dst_mac, 6));
	H0_EXPECT(!memcmp(f + 6, c.src_mac, 6));
	H0_EXPECT_EQ(be16(f + 12), 0x88b5);
	H0_EXPECT_EQ(be32(f + 14), H0_TAG_MAGIC);
	H0_EXPECT_EQ(be32(f + 18), 0x01020304);
	H0_EXPECT_EQ(be32(f + 22), 0x11223344);
	H0_EXPECT_EQ(h0_frame_tag_off(&c), 14);
	H0_EXPECT(h0_frame_tagged(&c));
}

H0_TEST(udp_layout_and_checksum)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_UDP, 1514);
	uint8_t f[1514];

	h0_frame_build(&c, 7, 0, f, sizeof(f));
	H0_EXPECT_EQ(be16(f + 12), 0x0800);
	H0_EXPECT_EQ(f[14], 0x45);
	H0_EXPECT_EQ(be16(f + 16), 1500);	/* IP total length */
	H0_EXPECT_EQ(be16(f + 20), 0x4000);	/* DF */
	H0_EXPECT_EQ(f[22], 64);
	H0_EXPECT_EQ(f[23], 17);
	H0_EXPECT_EQ(h0_csum(f + 14, 20), 0);	/* a valid header sums to 0 */
	H0_EXPECT_EQ(be32(f + 26), 0xc0000201);
	H0_EXPECT_EQ(be32(f + 30), 0xc0000202);
	H0_EXPECT_EQ(be16(f + 34), 9);
	H0_EXPECT_EQ(be16(f + 36), 9);
	H0_EXPECT_EQ(be16(f + 38), 1480);	/* UDP length */
	H0_EXPECT_EQ(be16(f + 40), 0);
	H0_EXPECT_EQ(be32(f + 42), H0_TAG_MAGIC);
	H0_EXPECT_EQ(be32(f + 50), 7);
}

H0_TEST(csum_known_vector)
{
	/* RFC 1071 style example header, checksum field zeroed: 0xb861. */
	const uint8_t ip[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00,
				 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01,
				 0xc0, 0xa8, 0x00, 0xc7 };
	const uint8_t odd[3] = { 0x01, 0x02, 0x03 };

	H0_EXPECT_EQ(h0_csum(ip, sizeof(ip)), 0xb861);
	H0_EXPECT_EQ(h0_csum(odd, sizeof(odd)), (uint16_t)~(0x0102 + 0x0300));
}

/* Building any byte range must give the same bytes as the whole frame. */
H0_TEST(ranges_match_whole)
{
	static const uint32_t sizes[] = { 14, 25, 26, 42, 53, 54, 60, 64, 1514, 4096, 9014 };
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int t;

		for (t = 0; t < 2; t++) {
			struct h0_frame_cfg c = cfg(t ? H0_TMPL_UDP : H0_TMPL_RAW, sizes[i]);
			uint8_t *whole, *part;
			uint32_t off, step;

			if (t && sizes[i] < 42)
				continue;
			whole = malloc(sizes[i]);
			part = malloc(sizes[i]);
			h0_frame_build(&c, 1234, 0, whole, sizes[i]);
			for (step = 1; step <= sizes[i]; step = step * 3 + 1) {
				for (off = 0; off < sizes[i]; off += step) {
					uint32_t n = sizes[i] - off < step ? sizes[i] - off : step;

					h0_frame_build(&c, 1234, off, part + off, n);
				}
				H0_EXPECT(!memcmp(whole, part, sizes[i]));
			}
			H0_EXPECT_EQ(h0_frame_diff(&c, 1234, 0, whole, sizes[i]), -1);
			H0_EXPECT_EQ(h0_frame_diff(&c, 1234, 3, whole + 3, sizes[i] - 3), -1);
			free(whole);
			free(part);
		}
	}
}

H0_TEST(seq_and_run_change_payload)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 256);
	uint8_t a[256], b[256];

	h0_frame_build(&c, 1, 0, a, sizeof(a));
	h0_frame_build(&c, 2, 0, b, sizeof(b));
	H0_EXPECT(memcmp(a + 26, b + 26, sizeof(a) - 26));
	c.run_id++;
	h0_frame_build(&c, 1, 0, b, sizeof(b));
	H0_EXPECT(memcmp(a + 26, b + 26, sizeof(a) - 26));
}

H0_TEST(check_ok_and_corrupt)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_UDP, 300);
	struct h0_frame_result r;
	uint8_t f[300];

	h0_frame_build(&c, 99, 0, f, sizeof(f));
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OK);
	H0_EXPECT(r.seq_valid);
	H0_EXPECT_EQ(r.seq, 99);

	f[200] ^= 0x40;
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT_EQ(r.bad_off, 200);
	f[200] ^= 0x40;

	h0_frame_check(&c, f, sizeof(f) - 1, &r);	/* truncated */
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(r.len_mismatch);
	H0_EXPECT_EQ(r.len, sizeof(f) - 1);

	f[44] ^= 1;					/* magic */
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT_EQ(r.bad_off, 42);
	f[44] ^= 1;

	f[53] ^= 1;					/* seq: payload no longer matches */
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
}

H0_TEST(check_foreign_and_other_run)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 100), other = c;
	struct h0_frame_result r;
	uint8_t f[100];

	other.run_id = 5;
	h0_frame_build(&other, 3, 0, f, sizeof(f));
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OTHER_RUN);
	H0_EXPECT_EQ(r.run_id, 5);

	f[12] = 0x86;					/* IPv6 ethertype */
	f[13] = 0xdd;
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);

	h0_frame_build(&c, 3, 0, f, sizeof(f));
	f[11] ^= 1;					/* another source MAC */
	h0_frame_check(&c, f, sizeof(f), &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);

	h0_frame_check(&c, f, 10, &r);			/* runt */
	H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);
}

H0_TEST(check_short_and_padded)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 14);
	struct h0_frame_result r;
	uint8_t f[64];

	memset(f, 0, sizeof(f));
	h0_frame_build(&c, 0, 0, f, 14);
	H0_EXPECT(!h0_frame_tagged(&c));
	h0_frame_check(&c, f, 14, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OK_UNTAGGED);
	h0_frame_check(&c, f, 60, &r);			/* NIC padding */
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OK_UNTAGGED);
	h0_frame_check(&c, f, 61, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);

	c = cfg(H0_TMPL_RAW, 40);			/* tagged, shorter than 60 */
	h0_frame_build(&c, 8, 0, f, 40);
	h0_frame_check(&c, f, 60, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OK);
	H0_EXPECT_EQ(r.seq, 8);

	c = cfg(H0_TMPL_UDP, 50);			/* UDP, tag cut after run id */
	h0_frame_build(&c, 0, 0, f, 50);
	h0_frame_check(&c, f, 50, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_OK_UNTAGGED);
}

/* ------------------------------------------------------------------
 * Sub-header frames (--sub-header, 1..13 bytes)
 * ------------------------------------------------------------------
 */

static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* A sub-header frame as the wire carries it: @size bytes, zeros up to @len. */
static void wire_frame(const struct h0_frame_cfg *c, uint8_t *buf, uint32_t len)
{
	memset(buf, 0, len);
	h0_frame_build(c, 0, 0, buf, c->size < len ? c->size : len);
}

H0_TEST(sub_header_layout)
{
	struct h0_frame_cfg full = cfg(H0_TMPL_RAW, 64);
	uint8_t hdr[64], f[14];
	uint32_t size;

	h0_frame_build(&full, 0, 0, hdr, sizeof(hdr));
	for (size = 1; size < 14; size++) {
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

		H0_EXPECT(h0_frame_sub_header(&c));
		H0_EXPECT(!h0_frame_tagged(&c));
		H0_EXPECT_EQ(h0_frame_guard_len(&c), H0_GUARD_LEN);
		memset(f, 0xee, sizeof(f));
		h0_frame_build(&c, 5, 0, f, size);
		/* the first bytes of the Ethernet header, nothing else */
		H0_EXPECT(!memcmp(f, hdr, size));
		H0_EXPECT_EQ(f[size], 0xee);
	}
	full.size = 14;
	H0_EXPECT(!h0_frame_sub_header(&full));
	H0_EXPECT_EQ(h0_frame_guard_len(&full), 0);
}

/* Unpadded (veth) or padded with zeros to 60 (a NIC): good, any size. */
H0_TEST(sub_header_good_padded_and_not)
{
	struct h0_frame_result r;
	uint8_t f[64];
	uint32_t size;
	int d;

	for (d = 0; d < 2; d++) {
		for (size = 1; size < 14; size++) {
			struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

			if (d)
				memcpy(c.dst_mac, bcast, 6);
			wire_frame(&c, f, 60);
			h0_frame_check(&c, f, 60, &r);
			H0_EXPECT_EQ(r.verdict, H0_FRAME_OK_UNTAGGED);
			H0_EXPECT(!r.seq_valid);
			h0_frame_check(&c, f, size, &r);
			H0_EXPECT_EQ(r.verdict, H0_FRAME_OK_UNTAGGED);
		}
	}
}

/*
 * The padding is checked: a non-zero byte past the header positions is
 * corruption at its offset; in the header positions the frame is no longer
 * told from another sender's (foreign, so lost): never good either way.
 */
H0_TEST(sub_header_padding_must_be_zero)
{
	struct h0_frame_result r;
	uint8_t f[60];
	uint32_t size, p;

	for (size = 1; size < 14; size++) {
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

		for (p = size; p < 60; p++) {
			wire_frame(&c, f, 60);
			f[p] = 0x01;
			h0_frame_check(&c, f, 60, &r);
			if (p >= 14) {
				H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
				H0_EXPECT_EQ(r.bad_off, p);
				H0_EXPECT(!r.len_mismatch);
				H0_EXPECT(!r.guard);
			} else {
				H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);
			}
		}
		/* and a frame byte */
		wire_frame(&c, f, 60);
		f[size - 1] ^= 0x80;
		h0_frame_check(&c, f, 60, &r);
		H0_EXPECT(r.verdict != H0_FRAME_OK_UNTAGGED);
	}
}

/*
 * What a driver puts on the wire when it reads past the descriptor: the
 * UMEM guard, recognised as ours and reported where it starts.
 */
H0_TEST(sub_header_guard_on_the_wire)
{
	struct h0_frame_result r;
	uint8_t f[80], guard[H0_GUARD_LEN];
	uint32_t size, end;

	h0_frame_guard(guard, sizeof(guard));
	for (size = 1; size <= 10; size++) {
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

		/* a 14-byte header read or copied from the frame's descriptor */
		wire_frame(&c, f, 60);
		memcpy(f + size, guard, 14 - size);
		h0_frame_check(&c, f, 60, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
		H0_EXPECT(r.guard);
		H0_EXPECT_EQ(r.bad_off, size);

		/* padding DMAed from past the frame: 60 bytes, or 60 more */
		for (end = 60; end <= size + 60; end += size) {
			wire_frame(&c, f, end);
			memcpy(f + size, guard, end - size);
			h0_frame_check(&c, f, end, &r);
			H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
			H0_EXPECT(r.guard);
			H0_EXPECT(!r.len_mismatch);
			H0_EXPECT_EQ(r.bad_off, size);
		}
	}
	/* --mb: 14 bytes read from a first descriptor of 1 byte */
	{
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 5);

		wire_frame(&c, f, 60);
		memcpy(f + 1, guard, 13);
		h0_frame_check(&c, f, 60, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
		H0_EXPECT(r.guard);
		H0_EXPECT_EQ(r.bad_off, 1);
	}
	/* 1..3 guard bytes before zeros are too few to tell: foreign (lost) */
	for (size = 11; size < 14; size++) {
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

		wire_frame(&c, f, 60);
		memcpy(f + size, guard, 14 - size);
		h0_frame_check(&c, f, 60, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);
	}
}

/* Other traffic with the frame's first bytes is not ours. */
H0_TEST(sub_header_foreign)
{
	static const uint8_t arp_src[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct h0_frame_result r;
	uint8_t f[60];
	uint32_t size;

	for (size = 1; size < 14; size++) {
		struct h0_frame_cfg c = cfg(H0_TMPL_RAW, size);

		/* an ARP request, broadcast, padded to 60 by its NIC */
		memcpy(c.dst_mac, bcast, 6);
		memset(f, 0, sizeof(f));
		memcpy(f, bcast, 6);
		memcpy(f + 6, arp_src, 6);
		f[12] = 0x08;
		f[13] = 0x06;
		memset(f + 14, 0x11, 28);
		h0_frame_check(&c, f, 60, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);
		/* our frame's first bytes, another sender's source */
		wire_frame(&c, f, 60);
		f[6] = 0x52;
		f[11] = 0x56;
		h0_frame_check(&c, f, 60, &r);
		if (size <= 6)
			H0_EXPECT_EQ(r.verdict, H0_FRAME_FOREIGN);
		else
			H0_EXPECT(r.verdict != H0_FRAME_OK_UNTAGGED);
	}
}

/* Our template's whole header, or our shape at another length: corrupt. */
H0_TEST(sub_header_wrong_length)
{
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 5), sent = cfg(H0_TMPL_RAW, 60);
	struct h0_frame_result r;
	uint8_t f[100];

	h0_frame_build(&sent, 3, 0, f, 60);		/* -s 60 sent, -s 5 expected */
	h0_frame_check(&c, f, 60, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(!r.len_mismatch);
	H0_EXPECT_EQ(r.bad_off, 5);
	sent.size = 100;
	h0_frame_build(&sent, 3, 0, f, 100);
	h0_frame_check(&c, f, 100, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(r.len_mismatch);
	H0_EXPECT_EQ(r.len, 100);

	wire_frame(&c, f, 30);				/* padded to 30 */
	h0_frame_check(&c, f, 30, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(r.len_mismatch);
	h0_frame_check(&c, f, 3, &r);			/* cut short */
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(r.len_mismatch);
	wire_frame(&c, f, 64);				/* 4 zeros too many */
	h0_frame_check(&c, f, 64, &r);
	H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
	H0_EXPECT(r.len_mismatch);
}

/* The UMEM bytes of a descriptor: the frame's, then the guard, both checked. */
H0_TEST(sub_header_umem_put_and_diff)
{
	static const uint32_t pieces[][2] = { { 0, 3 }, { 3, 2 } };	/* -s 5 --mb 2 */
	struct h0_frame_cfg c = cfg(H0_TMPL_RAW, 5), big = cfg(H0_TMPL_RAW, 64);
	uint8_t buf[128], want[5];
	size_t k;

	h0_frame_build(&c, 9, 0, want, sizeof(want));
	for (k = 0; k < 2; k++) {
		uint32_t off = pieces[k][0], len = pieces[k][1];

		memset(buf, 0, sizeof(buf));
		h0_frame_put(&c, 9, off, buf, len);
		H0_EXPECT(!memcmp(buf, want + off, len));
		H0_EXPECT_EQ(h0_frame_guard_diff(buf + len, H0_GUARD_LEN), -1);
		H0_EXPECT_EQ(be32(buf + len), H0_GUARD_MAGIC);
		H0_EXPECT_EQ(buf[len + H0_GUARD_LEN], 0);
		H0_EXPECT_EQ(h0_frame_put_diff(&c, 9, off, buf, len), -1);
		buf[len + 20] = 0;			/* padded in place */
		H0_EXPECT_EQ(h0_frame_put_diff(&c, 9, off, buf, len), off + len + 20);
		buf[0] ^= 1;				/* the frame first */
		H0_EXPECT_EQ(h0_frame_put_diff(&c, 9, off, buf, len), off);
	}
	/* a frame with a whole header has no guard: nothing after it is written */
	memset(buf, 0, sizeof(buf));
	h0_frame_put(&big, 9, 0, buf, 64);
	H0_EXPECT_EQ(buf[64], 0);
	buf[64] = 0x55;
	H0_EXPECT_EQ(h0_frame_put_diff(&big, 9, 0, buf, 64), -1);
}

/* A frame of another length is a length mismatch, whatever its bytes. */
H0_TEST(check_length_mismatch)
{
	static const struct {
		enum h0_template tmpl;
		uint32_t want, got;
	} cases[] = {
		{ H0_TMPL_RAW, 64, 1514 }, { H0_TMPL_RAW, 1514, 64 },
		{ H0_TMPL_RAW, 64, 60 }, { H0_TMPL_RAW, 40, 61 },
		{ H0_TMPL_RAW, 100, 20 },		/* too short for the tag */
		{ H0_TMPL_RAW, 14, 20 },		/* untagged */
		{ H0_TMPL_UDP, 128, 1514 },		/* IP/UDP lengths differ too */
		{ H0_TMPL_UDP, 1514, 128 },
	};
	static uint8_t f[1514];
	struct h0_frame_result r;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct h0_frame_cfg want = cfg(cases[i].tmpl, cases[i].want);
		struct h0_frame_cfg sent = cfg(cases[i].tmpl, cases[i].got);

		memset(f, 0, sizeof(f));
		h0_frame_build(&sent, 5, 0, f, cases[i].got);
		h0_frame_check(&want, f, cases[i].got, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
		H0_EXPECT(r.len_mismatch);
		H0_EXPECT_EQ(r.len, cases[i].got);
	}
	/* Right length, one byte off: an offset, no length mismatch. */
	{
		struct h0_frame_cfg c = cfg(H0_TMPL_UDP, 300);

		h0_frame_build(&c, 5, 0, f, 300);
		f[250] ^= 4;
		h0_frame_check(&c, f, 300, &r);
		H0_EXPECT_EQ(r.verdict, H0_FRAME_CORRUPT);
		H0_EXPECT(!r.len_mismatch);
		H0_EXPECT_EQ(r.bad_off, 250);
	}
}

H0_TEST(seqtrack_in_order)
{
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	struct h0_seqtrack t;
	uint32_t i;

	H0_EXPECT_EQ(h0_seq_init(&t, 1000), 0);
	for (i = 0; i < 1000; i++) {
		r.seq = i;
		H0_EXPECT_EQ(h0_seq_account(&t, &r), 0);
	}
	H0_EXPECT_EQ(t.received, 1000);
	H0_EXPECT_EQ(t.distinct, 1000);
	H0_EXPECT_EQ(h0_seq_lost(&t), 0);
	H0_EXPECT_EQ(t.duplicates, 0);
	H0_EXPECT_EQ(t.reordered, 0);
	H0_EXPECT(h0_seq_complete(&t));
	h0_seq_free(&t);
}

H0_TEST(seqtrack_loss_dup_reorder)
{
	static const uint32_t seqs[] = { 0, 1, 3, 2, 2, 5, 4, 9 };
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	struct h0_seqtrack t;
	size_t i;

	H0_EXPECT_EQ(h0_seq_init(&t, 8), 0);
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		r.seq = seqs[i];
		h0_seq_account(&t, &r);
	}
	r.verdict = H0_FRAME_CORRUPT;
	h0_seq_account(&t, &r);
	r.verdict = H0_FRAME_FOREIGN;
	h0_seq_account(&t, &r);
	r.verdict = H0_FRAME_OTHER_RUN;
	h0_seq_account(&t, &r);

	H0_EXPECT_EQ(t.distinct, 6);		/* 0 1 3 2 5 4 */
	H0_EXPECT_EQ(t.duplicates, 1);		/* second 2 */
	H0_EXPECT_EQ(t.reordered, 2);		/* 2 after 3, 4 after 5 */
	H0_EXPECT_EQ(t.out_of_range, 1);	/* 9 >= 8 */
	H0_EXPECT_EQ(t.corrupted, 1);
	H0_EXPECT_EQ(t.foreign, 1);
	H0_EXPECT_EQ(t.other_run, 1);
	H0_EXPECT_EQ(t.received, 9);		/* 8 good or duplicate + 1 corrupt */
	H0_EXPECT_EQ(h0_seq_lost(&t), 2);	/* 6 and 7 */
	H0_EXPECT(!h0_seq_complete(&t));
	h0_seq_free(&t);
}

H0_TEST(seqtrack_unknown_count_grows)
{
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	struct h0_seqtrack t;

	H0_EXPECT_EQ(h0_seq_init(&t, 0), 0);
	r.seq = 3000000;
	H0_EXPECT_EQ(h0_seq_account(&t, &r), 0);
	r.seq = 0;
	H0_EXPECT_EQ(h0_seq_account(&t, &r), 0);
	H0_EXPECT_EQ(t.reordered, 1);
	H0_EXPECT_EQ(h0_seq_lost(&t), 3000001 - 2);
	H0_EXPECT(!h0_seq_complete(&t));
	h0_seq_free(&t);
}

static void feed_range(struct h0_seqtrack *t, uint32_t first, uint32_t n)
{
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	uint32_t i;

	for (i = 0; i < n; i++) {
		r.seq = first + i;
		h0_seq_account(t, &r);
	}
}

/* The bitmap has a fixed bound, whatever -n or the sequence numbers. */
#define MAX_BITMAP_BYTES	(1u << 20)

H0_TEST(seqtrack_memory_bounded)
{
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	struct h0_seqtrack t;

	/* -n 8589934592 (2^33): about 1 GB of bitmap up front before. */
	H0_REQUIRE(h0_seq_init(&t, 1ULL << 33) == 0);
	H0_EXPECT(t.nbits / 8 <= MAX_BITMAP_BYTES);
	feed_range(&t, 0, 1000);
	H0_EXPECT_EQ(t.distinct, 1000);
	h0_seq_free(&t);

	/* Unknown count, a sequence number far out: no growth to 512 MB. */
	H0_REQUIRE(h0_seq_init(&t, 0) == 0);
	r.seq = 3000000000u;
	H0_EXPECT_EQ(h0_seq_account(&t, &r), 0);
	H0_EXPECT(t.nbits / 8 <= MAX_BITMAP_BYTES);
	H0_EXPECT_EQ(h0_seq_lost(&t), 3000000000ULL);
	h0_seq_free(&t);

	/* A small -n takes a small bitmap. */
	H0_REQUIRE(h0_seq_init(&t, 1000) == 0);
	H0_EXPECT(t.nbits / 8 <= 65536 / 8);
	h0_seq_free(&t);
}

/*
 * More than 2^32 frames: the 32-bit sequence numbers wrap and the frames
 * after the wrap are new ones, not duplicates of the first.
 */
H0_TEST(seqtrack_wraps_past_2_32)
{
	static const uint64_t counts[] = { (1ULL << 32) + 16, 0, 1ULL << 40 };
	size_t i;

	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		struct h0_seqtrack t;

		H0_REQUIRE(h0_seq_init(&t, counts[i]) == 0);
		feed_range(&t, 0, 16);
		feed_range(&t, 0xfffffff0u, 16);
		feed_range(&t, 0, 16);			/* frames 2^32 .. 2^32 + 15 */
		H0_EXPECT_EQ(t.distinct, 48);
		H0_EXPECT_EQ(t.duplicates, 0);
		H0_EXPECT_EQ(t.out_of_range, 0);
		H0_EXPECT_EQ(t.highest, (1ULL << 32) + 15);
		feed_range(&t, 3, 1);			/* 2^32 + 3 again */
		H0_EXPECT_EQ(t.duplicates, 1);
		if (counts[i] == (1ULL << 32) + 16) {
			H0_EXPECT_EQ(h0_seq_lost(&t), (1ULL << 32) + 16 - 48);
			H0_EXPECT(!h0_seq_complete(&t));
		}
		h0_seq_free(&t);
	}
}

/* Past the window: old frames are stale, duplicates inside are still seen. */
H0_TEST(seqtrack_window_slides)
{
	const uint32_t w = (uint32_t)H0_SEQ_WINDOW;
	struct h0_seqtrack t;

	H0_REQUIRE(h0_seq_init(&t, 0) == 0);
	feed_range(&t, 0, w + 100);
	H0_EXPECT_EQ(t.distinct, w + 100);
	H0_EXPECT_EQ(t.nbits, H0_SEQ_WINDOW);
	H0_EXPECT_EQ(t.base, 100);
	feed_range(&t, w + 50, 1);		/* inside: a duplicate */
	H0_EXPECT_EQ(t.duplicates, 1);
	feed_range(&t, 100, 1);			/* the oldest still inside */
	H0_EXPECT_EQ(t.duplicates, 2);
	feed_range(&t, 99, 1);			/* just out: stale */
	H0_EXPECT_EQ(t.stale, 1);
	feed_range(&t, w + 300, 1);		/* a gap of 200 ... */
	feed_range(&t, w + 250, 1);		/* ... filled late: reordered */
	H0_EXPECT_EQ(t.reordered, 1);
	H0_EXPECT_EQ(t.duplicates, 2);
	H0_EXPECT_EQ(h0_seq_lost(&t), 199);
	feed_range(&t, 5 * w, 1);		/* far ahead: the window restarts */
	H0_EXPECT_EQ(t.base, 4 * w + 1);
	feed_range(&t, 4 * w + 1, 1);
	H0_EXPECT_EQ(t.duplicates, 2);
	H0_EXPECT_EQ(t.stale, 1);
	h0_seq_free(&t);
}

/*
 * Against a plain bitmap of every sequence number: a random walk forward
 * with reordering, duplicates and stragglers, through several slides.
 */
H0_TEST(seqtrack_matches_full_bitmap)
{
	const uint64_t w = H0_SEQ_WINDOW, range = 5 * H0_SEQ_WINDOW;
	struct h0_frame_result r = { .verdict = H0_FRAME_OK, .seq_valid = true };
	uint64_t dup = 0, stale = 0, distinct = 0, highest = 0, i;
	uint8_t *seen = calloc(range / 8, 1);
	unsigned int rnd = 4;
	struct h0_seqtrack t;
	uint64_t next = 0;

	H0_REQUIRE(seen);
	H0_REQUIRE(h0_seq_init(&t, 0) == 0);
	for (i = 0; i < 3 * w; i++) {
		uint64_t seq, base = distinct && highest >= w ? highest - w + 1 : 0;
		unsigned int pick = rand_r(&rnd) % 100;

		if (pick < 80)
			seq = next++;
		else if (pick < 90)
			seq = next + rand_r(&rnd) % 5000;		/* early */
		else if (pick < 99)
			seq = next > 3000 ? next - rand_r(&rnd) % 3000 : next;	/* late */
		else
			seq = next > w + 10 ? next - w - rand_r(&rnd) % 10 : next; /* stale */
		if (seq >= range)
			break;
		if (seq < base)
			stale++;
		else if (seen[seq / 8] & (1u << (seq % 8)))
			dup++;
		else
			distinct++;
		if (seq >= base) {
			seen[seq / 8] |= 1u << (seq % 8);
			if (seq > highest)
				highest = seq;
		}
		r.seq = (uint32_t)seq;
		H0_REQUIRE(h0_seq_account(&t, &r) == 0);
	}
	H0_EXPECT_EQ(t.distinct, distinct);
	H0_EXPECT_EQ(t.duplicates, dup);
	H0_EXPECT_EQ(t.stale, stale);
	H0_EXPECT_EQ(t.highest, highest);
	H0_EXPECT(t.stale > 0 && t.duplicates > 0);
	free(seen);
	h0_seq_free(&t);
}

int main(void)
{
	H0_RUN(raw_layout);
	H0_RUN(udp_layout_and_checksum);
	H0_RUN(csum_known_vector);
	H0_RUN(ranges_match_whole);
	H0_RUN(seq_and_run_change_payload);
	H0_RUN(check_ok_and_corrupt);
	H0_RUN(check_foreign_and_other_run);
	H0_RUN(check_short_and_padded);
	H0_RUN(check_length_mismatch);
	H0_RUN(sub_header_layout);
	H0_RUN(sub_header_good_padded_and_not);
	H0_RUN(sub_header_padding_must_be_zero);
	H0_RUN(sub_header_guard_on_the_wire);
	H0_RUN(sub_header_foreign);
	H0_RUN(sub_header_wrong_length);
	H0_RUN(sub_header_umem_put_and_diff);
	H0_RUN(seqtrack_in_order);
	H0_RUN(seqtrack_loss_dup_reorder);
	H0_RUN(seqtrack_unknown_count_grows);
	H0_RUN(seqtrack_memory_bounded);
	H0_RUN(seqtrack_wraps_past_2_32);
	H0_RUN(seqtrack_window_slides);
	H0_RUN(seqtrack_matches_full_bitmap);
	return h0_test_done();
}
