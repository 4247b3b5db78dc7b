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

#include "frame.h"
#include "seqtrack.h"

struct h0_verify {
	char ifname[IF_NAMESIZE];
	int fd;
	struct h0_frame_cfg cfg;
	bool run_id_known;		/* else taken from the first tagged frame */
	bool macs_known;		/* else taken from the first frame that fits */
	volatile sig_atomic_t *stop;	/* SIGINT: stop receiving */
	uint32_t timeout;		/* idle seconds before giving up */
	struct h0_seqtrack t;
	uint64_t sock_drops;		/* PACKET_STATISTICS tp_drops */
	uint64_t truncated;
	bool have_bad;
	uint32_t bad_seq;		/* first corrupt frame (seq if known) */
	bool bad_seq_valid;
	uint32_t bad_off;
	double elapsed;			/* first to last good frame, seconds */
	int err;			/* errno of a failed recv, 0 otherwise */
	/* Set by the sender thread when it is done. */
	volatile int sender_done;
	volatile uint64_t sender_frames;
	pthread_t thread;
	bool threaded;
};

/* 0, or -1 with "cause; fix" in errbuf (exit 2). */
int h0_verify_open(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   bool run_id_known, bool macs_known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen);
/* The state of h0_verify_open() without the socket: for the unit tests. */
int h0_verify_init(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   bool run_id_known, bool macs_known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen);
/* Check and account one received frame of @len bytes. */
void h0_verify_feed(struct h0_verify *v, const uint8_t *buf, uint32_t len);
/* Receive until every expected frame arrived or @timeout idle seconds. */
void h0_verify_run(struct h0_verify *v);
int h0_verify_start(struct h0_verify *v);	/* h0_verify_run() in a thread */
void h0_verify_join(struct h0_verify *v, uint64_t frames_sent);
bool h0_verify_ok(const struct h0_verify *v);
void h0_verify_close(struct h0_verify *v);

#endif /* H0_VERIFY_H */
