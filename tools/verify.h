/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Receive side of headlen0_tx (--verify): an AF_PACKET socket on the
 * receiving interface, every frame checked against the generator.
 * Runs in its own thread next to the sender, or alone.
 */
#ifndef H0_VERIFY_H
#define H0_VERIFY_H

#include <net/if.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "args.h"
#include "frame.h"
#include "seqtrack.h"

struct h0_verify {
	char ifname[IF_NAMESIZE];
	int fd;
	struct h0_frame_cfg cfg;
	/*
	 * Known addresses filter: a frame from another source or to another
	 * destination is foreign. Unknown ones (receive-only mode without
	 * --src-mac/--dst-mac) are taken from the first frame of the template
	 * that matches the known ones, with the run id if that is unknown.
	 */
	bool run_id_known;
	bool src_known;
	bool dst_known;
	volatile sig_atomic_t *stop;	/* SIGINT: stop receiving */
	uint32_t timeout;		/* idle seconds before giving up */
	struct h0_seqtrack t;
	uint64_t sock_drops;		/* PACKET_STATISTICS tp_drops */
	uint64_t truncated;
	uint64_t len_mismatch;		/* corrupt frames of the wrong length ... */
	uint32_t wrong_len;		/* ... the first one's length */
	bool have_bad;
	uint32_t bad_seq;		/* first corrupt frame (seq if known) */
	bool bad_seq_valid;
	bool bad_len_mismatch;		/* ... of the wrong length (wrong_len) */
	uint32_t bad_off;		/* ... else its first differing offset */
	bool bad_guard;			/* ... where the sender's UMEM guard begins */
	double elapsed;			/* first to last good frame, seconds */
	int err;			/* errno of a failed recv, 0 otherwise */
	/* Set by the sender thread when it is done. */
	volatile int sender_done;
	volatile uint64_t sender_frames;
	pthread_t thread;
	bool threaded;
};

/* What of @cfg h0_verify_open() takes as given: the rest is learned. */
#define H0_KNOWN_RUN_ID		(1u << 0)
#define H0_KNOWN_SRC		(1u << 1)
#define H0_KNOWN_DST		(1u << 2)
#define H0_KNOWN_ALL		(H0_KNOWN_RUN_ID | H0_KNOWN_SRC | H0_KNOWN_DST)

/* Receive-only mode: what the options give (H0_KNOWN_*), the rest is learned. */
unsigned int h0_verify_known(const struct h0_opts *o);
/* 0, or -1 with "cause; fix" in errbuf (exit 2). */
int h0_verify_open(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   unsigned int known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen);
/* The state of h0_verify_open() without the socket: for the unit tests. */
int h0_verify_init(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   unsigned int known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen);
/* Check and account one received frame of @len bytes. */
void h0_verify_feed(struct h0_verify *v, const uint8_t *buf, uint32_t len);
/* Receive until every expected frame arrived or @timeout idle seconds. */
void h0_verify_run(struct h0_verify *v);
int h0_verify_start(struct h0_verify *v);	/* h0_verify_run() in a thread */
void h0_verify_join(struct h0_verify *v, uint64_t frames_sent);
bool h0_verify_ok(const struct h0_verify *v);
/*
 * A receive that failed (v->err) is a setup error, not a failed check:
 * "cause; fix" into @buf and true, or false if there was none.
 */
bool h0_verify_error(const struct h0_verify *v, char *buf, size_t len);
void h0_verify_close(struct h0_verify *v);

#endif /* H0_VERIFY_H */
