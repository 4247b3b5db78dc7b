/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line of headlen0_tx: one struct, one parser, no I/O.
 *
 * h0_parse_args() only checks what it can check without the system
 * (syntax, static ranges, option conflicts). Checks that need the
 * interface (MTU, chunk fit) run later in headlen0_tx.c.
 */
#ifndef H0_ARGS_H
#define H0_ARGS_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#define H0_SIZE_MIN		14	/* an Ethernet header */
#define H0_SIZE_MIN_SUB		1	/* --sub-header: AF_XDP takes 1 byte */
#define H0_SIZE_MAX		65535
#define H0_CHUNK_MIN		2048	/* XDP_UMEM_MIN_CHUNK_SIZE */
#define H0_CHUNK_MAX		4096	/* PAGE_SIZE on x86_64: xdp_umem_reg() limit */
/*
 * Descriptors per frame (CONFIG_MAX_SKB_FRAGS=17, the default). With
 * IFF_TX_SKB_NO_LINEAR, xsk_build_skb_zerocopy() makes one frag per
 * descriptor (two for an unaligned one that crosses a page) and drops the
 * frame past MAX_SKB_FRAGS frags; the copy path copies the first
 * descriptor into the linear part and each further one into a frag, so it
 * takes one more (net/xdp/xsk.c, -EOVERFLOW in both).
 */
#define H0_MB_MAX_NO_LINEAR	17	/* MAX_SKB_FRAGS */
#define H0_MB_MAX		18	/* the copy path: MAX_SKB_FRAGS + 1 */
#define H0_BATCH_MAX		2048
#define H0_RING_SIZE		2048
#define H0_DEFAULT_SIZE		64
#define H0_DEFAULT_COUNT	100000ULL
#define H0_DEFAULT_BATCH	64
#define H0_DEFAULT_FRAMES	4096
#define H0_DEFAULT_TIMEOUT	5
#define H0_SNDBUF_MIN		4096
#define H0_SNDBUF_MAX		(1u << 30)

enum h0_mode {
	H0_MODE_SEND,		/* send; with verify_peer also receive there */
	H0_MODE_VERIFY,		/* --verify without a peer: receive only on -i */
};

struct h0_opts {
	enum h0_mode mode;
	enum h0_template tmpl;
	char ifname[IF_NAMESIZE];
	char verify_peer[IF_NAMESIZE];	/* empty: no in-process receiver */
	uint32_t queue;
	uint32_t size;			/* frame bytes, Ethernet header included */
	bool sub_header;		/* --sub-header: -s 1..13 allowed */
	uint64_t count;			/* 0 with duration: run for duration */
	bool count_set;
	uint32_t duration;		/* seconds, 0: use count */
	uint32_t batch;
	uint64_t rate;			/* frames per second, 0: unlimited */
	uint32_t chunk_size;		/* UMEM chunk (frame_size) */
	uint32_t frames;		/* UMEM chunks */
	bool unaligned;
	uint32_t mb;			/* descriptors per frame, 1: no multi-buffer */
	uint32_t sndbuf;		/* SO_SNDBUF bytes, 0: the socket's default */
	bool no_check;			/* write each chunk once, no UMEM check */
	uint8_t src_mac[6];
	bool src_mac_set;		/* unset: the interface's (verify-only: learn it) */
	uint8_t dst_mac[6];
	bool dst_mac_set;		/* unset: broadcast (verify-only: learn it) */
	uint32_t src_ip;		/* network order */
	uint32_t dst_ip;
	uint16_t udp_port;
	uint32_t run_id;
	bool run_id_set;
	uint32_t timeout;		/* verify: idle seconds before giving up */
	bool json;
	bool probe;
	bool progress;
	int expect_headlen0;		/* -1: no assertion, else percent 0..100 */
	bool expect_linear;
};

enum h0_parse_result {
	H0_PARSE_OK = 0,
	H0_PARSE_HELP = 1,		/* -h: print usage, exit 0 */
	H0_PARSE_ERR = 2,		/* message in *err, exit 2 */
};

void h0_opts_default(struct h0_opts *o);
/*
 * On H0_PARSE_ERR, *err (if @err) is the whole message, allocated: free()
 * it; NULL only when even that allocation failed. NULL otherwise.
 */
enum h0_parse_result h0_parse_args(int argc, char *const argv[], struct h0_opts *o,
				   char **err);
const char *h0_usage(void);
/*
 * What the options do that a reader of the command line may not expect
 * ("-i X --verify" is receive-only on X): a note for stderr and the
 * report, or NULL.
 */
const char *h0_mode_note(const struct h0_opts *o, char *buf, size_t len);

/* Helpers exported for the tests. */
int h0_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);
int h0_parse_mac(const char *s, uint8_t mac[6]);

#endif /* H0_ARGS_H */
