// SPDX-License-Identifier: GPL-2.0
/*
 * Frame generator and checker of headlen0_tx; the layout is in frame.h.
 */
#include <string.h>

#include "frame.h"

#define H0_HDR_MAX	(H0_TAG_OFF_UDP + H0_TAG_LEN)

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint16_t h0_csum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; len -= 2, p += 2)
		sum += get_be16(p);
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint32_t h0_frame_tag_off(const struct h0_frame_cfg *c)
{
	return c->tmpl == H0_TMPL_UDP ? H0_TAG_OFF_UDP : H0_TAG_OFF_RAW;
}

bool h0_frame_tagged(const struct h0_frame_cfg *c)
{
	return c->size >= h0_frame_tag_off(c) + H0_TAG_LEN;
}

bool h0_frame_sub_header(const struct h0_frame_cfg *c)
{
	return c->size < H0_ETH_HLEN;
}

uint32_t h0_frame_guard_len(const struct h0_frame_cfg *c)
{
	return h0_frame_sub_header(c) ? H0_GUARD_LEN : 0;
}

static uint8_t h0_guard_byte(uint32_t i)
{
	return (uint8_t)(H0_GUARD_MAGIC >> (24 - 8 * (i % 4)));
}

void h0_frame_guard(uint8_t *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		buf[i] = h0_guard_byte(i);
}

long h0_frame_guard_diff(const uint8_t *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		if (buf[i] != h0_guard_byte(i))
			return (long)i;
	return -1;
}

static uint8_t h0_fill_key(const struct h0_frame_cfg *c, uint32_t seq)
{
	uint32_t k = seq * 0x9e3779b1u ^ c->run_id;

	return (uint8_t)(k ^ k >> 8 ^ k >> 16 ^ k >> 24);
}

/* Headers and tag: the first h0_frame_tag_off() + H0_TAG_LEN bytes. */
static uint32_t h0_frame_header(const struct h0_frame_cfg *c, uint32_t seq,
				uint8_t hdr[H0_HDR_MAX])
{
	uint32_t tag = h0_frame_tag_off(c);

	memcpy(hdr, c->dst_mac, 6);
	memcpy(hdr + 6, c->src_mac, 6);
	if (c->tmpl == H0_TMPL_UDP) {
		uint8_t *ip = hdr + 14, *udp = hdr + 34;

		put_be16(hdr + 12, 0x0800);
		ip[0] = 0x45;				/* IPv4, 20-byte header */
		ip[1] = 0;				/* DSCP/ECN */
		put_be16(ip + 2, (uint16_t)(c->size - 14));	/* total length */
		put_be16(ip + 4, 0);			/* id: constant, DF set */
		put_be16(ip + 6, 0x4000);		/* DF */
		ip[8] = 64;				/* TTL */
		ip[9] = 17;				/* UDP */
		put_be16(ip + 10, 0);
		memcpy(ip + 12, &c->src_ip, 4);
		memcpy(ip + 16, &c->dst_ip, 4);
		put_be16(ip + 10, h0_csum(ip, 20));
		put_be16(udp, c->udp_port);
		put_be16(udp + 2, c->udp_port);
		put_be16(udp + 4, (uint16_t)(c->size - 34));
		put_be16(udp + 6, 0);			/* no UDP checksum (IPv4) */
	} else {
		put_be16(hdr + 12, H0_ETHERTYPE_RAW);
	}
	put_be32(hdr + tag, H0_TAG_MAGIC);
	put_be32(hdr + tag + 4, c->run_id);
	put_be32(hdr + tag + 8, seq);
	return tag + H0_TAG_LEN;
}

void h0_frame_build(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		    uint8_t *buf, uint32_t len)
{
	uint8_t hdr[H0_HDR_MAX], key = h0_fill_key(c, seq);
	uint32_t hlen = h0_frame_header(c, seq, hdr), i = off, end = off + len;

	for (; i < end && i < hlen; i++)
		*buf++ = hdr[i];
	for (; i < end; i++)
		*buf++ = (uint8_t)(i * 151u + (i >> 8) * 7u) ^ key;
}

long h0_frame_diff(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		   const uint8_t *buf, uint32_t len)
{
	uint8_t tmp[2048];
	uint32_t done = 0, n, i;

	while (done < len) {
		n = len - done < sizeof(tmp) ? len - done : sizeof(tmp);
		h0_frame_build(c, seq, off + done, tmp, n);
		if (memcmp(tmp, buf + done, n))
			for (i = 0; i < n; i++)
				if (tmp[i] != buf[done + i])
					return (long)(off + done + i);
		done += n;
	}
	return -1;
}

void h0_frame_put(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		  uint8_t *buf, uint32_t len)
{
	h0_frame_build(c, seq, off, buf, len);
	h0_frame_guard(buf + len, h0_frame_guard_len(c));
}

long h0_frame_put_diff(const struct h0_frame_cfg *c, uint32_t seq, uint32_t off,
		       const uint8_t *buf, uint32_t len)
{
	long bad = h0_frame_diff(c, seq, off, buf, len);

	if (bad < 0) {
		bad = h0_frame_guard_diff(buf + len, h0_frame_guard_len(c));
		if (bad >= 0)
			bad += (long)off + len;
	}
	return bad;
}

bool h0_frame_is_ours(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		      uint32_t *run_id)
{
	uint32_t tag = h0_frame_tag_off(c);

	if (len < 14 || memcmp(buf + 6, c->src_mac, 6))
		return false;
	if (c->tmpl == H0_TMPL_UDP) {
		if (len < H0_TAG_OFF_UDP || get_be16(buf + 12) != 0x0800 ||
		    buf[14] != 0x45 || buf[23] != 17 ||
		    get_be16(buf + 36) != c->udp_port)
			return false;
	} else if (get_be16(buf + 12) != H0_ETHERTYPE_RAW) {
		return false;
	}
	if (run_id)
		*run_id = len >= tag + 8 ? get_be32(buf + tag + 4) : 0;
	return true;
}

/*
 * A sub-header frame: its bytes, then zeros as far as a padded frame goes.
 * There is no tag to find it by; see frame.h for how it is told apart.
 */
static void h0_frame_check_sub_header(const struct h0_frame_cfg *c, const uint8_t *buf,
				      uint32_t len, struct h0_frame_result *res)
{
	uint32_t n = len < H0_ETH_ZLEN ? len : H0_ETH_ZLEN, i;
	uint8_t want[H0_ETH_HLEN];
	bool header;

	h0_frame_build(c, 0, 0, want, c->size);
	for (i = 0; i < n; i++)
		if (buf[i] != (i < c->size ? want[i] : 0))
			break;
	if (i == n) {
		/* The frame, padded with zeros by the NIC or the driver, or not. */
		if (len == c->size || len == H0_ETH_ZLEN) {
			res->verdict = H0_FRAME_OK_UNTAGGED;
			return;
		}
		res->verdict = H0_FRAME_CORRUPT;
		res->len_mismatch = true;
		return;
	}
	/*
	 * Bytes differ at i. Ours if that is past the header positions, which
	 * all held the frame's bytes or zeros (padding that is not zero), if
	 * the UMEM guard starts there (a driver sent what follows a descriptor
	 * in UMEM: a header, inline bytes or padding read past its end), or if
	 * the first 14 bytes are our template's whole header (-s differs, or
	 * the bytes past the frame came from something that holds a header).
	 * A guard of fewer than 4 bytes (a 14-byte header read from a frame of
	 * 11 or more) is not told from another sender's frame: foreign, and
	 * the frame counts as lost.
	 */
	res->guard = len - i >= 4 && get_be32(buf + i) == H0_GUARD_MAGIC;
	header = len >= H0_ETH_HLEN && !memcmp(buf, c->dst_mac, 6) &&
		 !memcmp(buf + 6, c->src_mac, 6) && get_be16(buf + 12) == H0_ETHERTYPE_RAW;
	if (i < H0_ETH_HLEN && !res->guard && !header) {
		res->verdict = H0_FRAME_FOREIGN;
		return;
	}
	res->verdict = H0_FRAME_CORRUPT;
	if (len != c->size && len != H0_ETH_ZLEN && !res->guard)
		res->len_mismatch = true;
	else
		res->bad_off = i;
}

void h0_frame_check(const struct h0_frame_cfg *c, const uint8_t *buf, uint32_t len,
		    struct h0_frame_result *res)
{
	uint32_t tag = h0_frame_tag_off(c), cmp;
	bool len_ok;
	long bad;

	memset(res, 0, sizeof(*res));
	res->len = len;
	if (h0_frame_sub_header(c) && c->tmpl == H0_TMPL_RAW) {
		h0_frame_check_sub_header(c, buf, len, res);
		return;
	}
	if (!h0_frame_is_ours(c, buf, len, &res->run_id)) {
		res->verdict = H0_FRAME_FOREIGN;
		return;
	}
	/* A NIC pads short frames to 60 bytes; the pad is not ours to check. */
	len_ok = len == c->size || (c->size < H0_ETH_ZLEN && len == H0_ETH_ZLEN);

	if (!h0_frame_tagged(c)) {
		if (!len_ok) {
			res->verdict = H0_FRAME_CORRUPT;
			res->len_mismatch = true;
			return;
		}
		/* Header, magic and run id as far as they fit; no sequence. */
		cmp = c->size < tag + 8 ? c->size : tag + 8;
		bad = h0_frame_diff(c, 0, 0, buf, cmp);
		if (bad >= 0) {
			res->verdict = H0_FRAME_CORRUPT;
			res->bad_off = (uint32_t)bad;
			return;
		}
		res->verdict = H0_FRAME_OK_UNTAGGED;
		return;
	}

	if (len < tag + H0_TAG_LEN) {
		res->verdict = H0_FRAME_CORRUPT;
		res->len_mismatch = true;	/* len_ok needs at least c->size */
		return;
	}
	if (get_be32(buf + tag) != H0_TAG_MAGIC) {
		res->verdict = H0_FRAME_CORRUPT;
		res->bad_off = tag;
		return;
	}
	res->seq = get_be32(buf + tag + 8);
	res->seq_valid = true;
	if (res->run_id != c->run_id) {
		res->verdict = H0_FRAME_OTHER_RUN;
		return;
	}
	if (!len_ok) {
		res->verdict = H0_FRAME_CORRUPT;
		res->len_mismatch = true;
		return;
	}
	bad = h0_frame_diff(c, res->seq, 0, buf, c->size);
	if (bad >= 0) {
		res->verdict = H0_FRAME_CORRUPT;
		res->bad_off = (uint32_t)bad;
		return;
	}
	res->verdict = H0_FRAME_OK;
}
