/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame generator and checker of headlen0_tx.
 *
 * A frame is a pure function of (template, size, addresses, run id, seq):
 * the sender writes it into UMEM, checks the UMEM bytes again after the
 * completion, and the receiver rebuilds it to compare byte for byte.
 *
 * Layout (all multi-byte fields big-endian):
 *
 *   --raw:  0 dst MAC | 6 src MAC | 12 ethertype 0x88b5 | 14 tag | 26 filler
 *   --udp:  0 dst MAC | 6 src MAC | 12 0x0800 | 14 IPv4 (20 bytes, DF, TTL 64,
 *           id 0, valid checksum) | 34 UDP (8 bytes, checksum 0) | 42 tag |
 *           54 filler
 *
 *   tag (H0_TAG_LEN = 12 bytes at H0_TAG_OFF_RAW = 14 / H0_TAG_OFF_UDP = 42):
 *     +0 magic 0x48305458 ("H0TX") | +4 run id | +8 sequence number
 *
 *   filler byte at frame offset i: (i * 151 + (i >> 8) * 7) ^ key(seq, run id)
 *
 * Frames shorter than the tag end carry the part of the tag that fits; the
 * receiver can count them but not tell their sequence numbers apart.
 */
#ifndef H0_FRAME_H
#define H0_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define H0_ETHERTYPE_RAW	0x88b5	/* IEEE 802 local experimental 1 */
#define H0_TAG_MAGIC		0x48305458u
#define H0_TAG_LEN		12
#define H0_TAG_OFF_RAW		14
#define H0_TAG_OFF_UDP		42
#define H0_ETH_ZLEN		60	/* shortest frame after NIC padding, no FCS */

enum h0_template {
	H0_TMPL_RAW,		/* Ethernet + ethertype 0x88b5 + tag + filler */
	H0_TMPL_UDP,		/* Ethernet + IPv4 + UDP + tag + filler */
};

struct h0_frame_cfg {
	enum h0_template tmpl;
	uint32_t size;			/* frame bytes, Ethernet header included */
	uint8_t dst_mac[6];
	uint8_t src_mac[6];
	uint32_t src_ip;		/* network order */
	uint32_t dst_ip;		/* network order */
	uint16_t udp_port;
	uint32_t run_id;
};

enum h0_verdict {
	H0_FRAME_OK,		/* ours, this run, every byte as generated */
	H0_FRAME_OK_UNTAGGED,	/* ours, too short for a sequence number */
	H0_FRAME_FOREIGN,	/* not from a headlen0_tx with this template */
	H0_FRAME_OTHER_RUN,	/* ours, but another run id */
	H0_FRAME_CORRUPT,	/* ours, but length or bytes differ */
};

struct h0_frame_result {
	enum h0_verdict verdict;
	uint32_t seq;			/* valid for OK, OTHER_RUN, CORRUPT with seq_valid */
	bool seq_valid;
	uint32_t run_id;
	bool len_mismatch;		/* CORRUPT: @len is not the frame size */
	uint32_t len;			/* the received length */
	uint32_t bad_off;		/* CORRUPT, right length: first differing offset */
};

uint32_t h0_frame_tag_off(const struct h0_frame_cfg *c);
bool h0_frame_tagged(const struct h0_frame_cfg *c);

/* Bytes [off, off + len) of frame @seq into @buf; off + len <= c->size. */
void h0_frame_build(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		    uint8_t *buf, uint32_t len);

/* First byte offset where @buf differs from frame @seq bytes [off, off+len), or -1. */
long h0_frame_diff(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		   const uint8_t *buf, uint32_t len);

/*
 * Classify a received frame of @len bytes. A wrong length is reported as
 * such (len_mismatch), before any byte is compared: with a wrong -s on
 * one side every byte up to the shorter length may well match.
 */
void h0_frame_check(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		    struct h0_frame_result *res);

/* Does @buf look like one of our frames (template, src MAC)? Reads the run id. */
bool h0_frame_is_ours(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		      uint32_t *run_id);

/* RFC 1071 Internet checksum of @len bytes. */
uint16_t h0_csum(const void *data, size_t len);

#endif /* H0_FRAME_H */
