/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output of headlen0_tx: the human summary, the progress line and the
 * --json object. No decisions here: headlen0_tx.c fills struct h0_result,
 * result.c decides the checks and the exit status.
 */
#ifndef H0_REPORT_H
#define H0_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "args.h"
#include "netdev.h"
#include "probe.h"
#include "result.h"
#include "tx.h"
#include "verify.h"

void h0_report_human(FILE *f, const struct h0_result *r);
void h0_report_json(FILE *f, const struct h0_result *r);
void h0_report_progress(FILE *f, const struct h0_opts *o, const struct h0_tx_stats *st,
			const struct h0_probe *p, double elapsed);

#endif /* H0_REPORT_H */
