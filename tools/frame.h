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
 *
 * Sub-header frames (--sub-header, 1..13 bytes, raw template only) are the
 * first size bytes of the Ethernet header: a part of the destination MAC
 * under 6 bytes, a part of the source under 12. AF_XDP sends them (it
 * rejects only zero-length descriptors); on the wire the MAC or the driver
 * pads them to 60 bytes with zeros (veth drops them: veth_xmit() needs
 * ETH_HLEN bytes). The receiver takes as ours a frame of size bytes (a
 * link that passes it unpadded) or 60 whose bytes are the frame's, then
 * zeros (h0_frame_check()): the zeros cover the header positions the frame
 * does not fill (source MAC, EtherType), which no other sender's frame
 * leaves zero. The receiver must know both MACs (it cannot learn them from
 * such frames), and with no room for a tag frames of two runs with the
 * same options look the same.
 *
 * Guard: in UMEM each descriptor of a sub-header frame is followed by
 * H0_GUARD_LEN bytes of "H0GD" repeated (h0_frame_guard()), so that a
 * driver that reads a 14-byte header, inline bytes or padding past the
 * descriptor's end puts non-zero bytes on the wire, where the receiver
 * sees them (and recognises the guard: corrupt, not foreign), instead of
 * the zeros a fresh UMEM holds there, which would pass for padding. The
 * sender checks the guard on completion too: a driver that pads in place
 * writes into the user's UMEM.
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
#define H0_ETH_HLEN		14	/* Ethernet header: shorter frames are sub-header */
#define H0_GUARD_MAGIC		0x48304744u	/* "H0GD", big-endian, repeated */
#define H0_GUARD_LEN		H0_ETH_ZLEN	/* guard bytes after a descriptor */

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
	bool guard;			/* CORRUPT: at bad_off the UMEM guard begins */
};

uint32_t h0_frame_tag_off(const struct h0_frame_cfg *c);
bool h0_frame_tagged(const struct h0_frame_cfg *c);
/* Shorter than the Ethernet header (1..13 bytes)? */
bool h0_frame_sub_header(const struct h0_frame_cfg *c);

/*
 * Guard bytes after each descriptor in UMEM: H0_GUARD_LEN for sub-header
 * frames, 0 otherwise. h0_frame_guard() writes @len of them at @buf;
 * h0_frame_guard_diff() returns the first offset where @buf is not the
 * guard, or -1.
 */
uint32_t h0_frame_guard_len(const struct h0_frame_cfg *c);
void h0_frame_guard(uint8_t *buf, uint32_t len);
long h0_frame_guard_diff(const uint8_t *buf, uint32_t len);

/* Bytes [off, off + len) of frame @seq into @buf; off + len <= c->size. */
void h0_frame_build(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		    uint8_t *buf, uint32_t len);

/* First byte offset where @buf differs from frame @seq bytes [off, off+len), or -1. */
long h0_frame_diff(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		   const uint8_t *buf, uint32_t len);

/*
 * A descriptor's bytes in UMEM: frame @seq bytes [off, off + len) at @buf,
 * then h0_frame_guard_len() guard bytes, for which @buf must have room.
 * h0_frame_put_diff() checks both: the first differing offset in frame
 * terms (off + len + i for guard byte i), or -1.
 */
void h0_frame_put(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		  uint8_t *buf, uint32_t len);
long h0_frame_put_diff(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		       const uint8_t *buf, uint32_t len);

/*
 * Classify a received frame of @len bytes. A wrong length is reported as
 * such (len_mismatch), before any byte is compared: with a wrong -s on
 * one side every byte up to the shorter length may well match.
 *
 * Sub-header frames: ours when the bytes are the frame's, then zeros up to
 * the 60 bytes of a padded frame (good at size or 60 bytes, a length
 * mismatch otherwise), or when they are the frame's up to a byte from
 * which on the UMEM guard follows (corrupt there, guard set), or when the
 * first 14 bytes are our template's header, destination included (corrupt:
 * the bytes past the frame are not padding). Anything else is foreign.
 */
void h0_frame_check(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		    struct h0_frame_result *res);

/* Does @buf look like one of our frames (template, src MAC)? Reads the run id. */
bool h0_frame_is_ours(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		      uint32_t *run_id);

/* RFC 1071 Internet checksum of @len bytes. */
uint16_t h0_csum(const void *data, size_t len);

#endif /* H0_FRAME_H */
