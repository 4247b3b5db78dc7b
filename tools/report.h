/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output of headlen0_tx: the human summary, the progress line and the
 * --json object. No decisions here: headlen0_tx.c fills struct h0_result.
 */
#ifndef H0_REPORT_H
#define H0_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "args.h"
#include "netdev.h"
#include "probe.h"
#include "tx.h"
#include "verify.h"

#define H0_MAX_CHECKS	12

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
	struct h0_check checks[H0_MAX_CHECKS];
	int nchecks;
	int exit_code;
};

/* The counts the headlen-0 share is computed from: driver if attached. */
const struct h0_site *h0_result_site(const struct h0_result *r);
double h0_site_pct(const struct h0_site *s, uint64_t part);

void h0_report_human(FILE *f, const struct h0_result *r);
void h0_report_json(FILE *f, const struct h0_result *r);
void h0_report_progress(FILE *f, const struct h0_opts *o, const struct h0_tx_stats *st,
			const struct h0_probe *p, double elapsed);

#endif /* H0_REPORT_H */
