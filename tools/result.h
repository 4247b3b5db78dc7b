/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checks of a headlen0_tx run and its exit status.
 *
 * Pure functions of the counters, no I/O: headlen0_tx.c runs the parts and
 * fills struct h0_result, the functions here turn it into named checks and
 * an exit status, report.c prints it. The unit tests call them directly.
 */
#ifndef H0_RESULT_H
#define H0_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "args.h"
#include "netdev.h"
#include "probe.h"

#define H0_EXIT_OK	0	/* every check passed */
#define H0_EXIT_FAIL	1	/* a check failed, or the run was interrupted */
#define H0_EXIT_USAGE	2	/* bad usage or setup error */

#define H0_MAX_CHECKS	12

struct h0_tx_stats;
struct h0_verify;

struct h0_check {
	const char *name;
	bool ok;
	char detail[512];
};

struct h0_result {
	const struct h0_opts *o;
	const struct h0_netdev *nd;		/* sending (or, verify-only, receiving) side */
	const struct h0_frame_cfg *cfg;
	const struct h0_tx_stats *tx;		/* NULL: nothing sent */
	const struct h0_probe *probe;		/* NULL: --no-probe */
	struct h0_probe_counts counts;
	const struct h0_verify *verify;		/* NULL: no receiver */
	int64_t dev_tx_packets;			/* sysfs deltas, -1 unknown */
	int64_t dev_tx_dropped;
	int stop_signal;			/* SIGINT/SIGTERM ended the run early, 0: no */
	struct h0_check checks[H0_MAX_CHECKS];
	int nchecks;
	int exit_code;
};

/* Record one named check; a failed one makes the exit status 1. */
void h0_result_check(struct h0_result *r, const char *name, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Every check of the run: "completed" (no signal stopped it: an
 * interrupted run is a failed run, its checks cover only part of it), then
 * those of each part present in @r. Sets r->exit_code.
 */
void h0_result_finish(struct h0_result *r);
/*
 * "PASS", "FAIL", "INTERRUPTED" or "ERROR" (exit 2: the receiver failed,
 * a setup error), for the summary; lower case in the JSON.
 */
const char *h0_result_word(const struct h0_result *r);
const char *h0_signal_name(int sig);

/* The checks of each part, from the counters in @r. */
void h0_result_tx_checks(struct h0_result *r);
void h0_result_probe_checks(struct h0_result *r);
void h0_result_verify_checks(struct h0_result *r);

/* The counts the headlen-0 share is computed from: driver if attached. */
const struct h0_site *h0_result_site(const struct h0_result *r);
/*
 * Did the probe measure anything? Frames were sent, so some of our skbs
 * must have reached the site it counts at (h0_result_site()). A probe on
 * the wrong function (another driver's of the same name) or the wrong
 * net_device counts none: its 0 of 0 is no measurement, and no
 * --expect-* check may pass on it. true, or false with the reason in @why.
 */
bool h0_result_measured(const struct h0_result *r, char *why, size_t len);
double h0_site_pct(const struct h0_site *s, uint64_t part);

#endif /* H0_RESULT_H */
