/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SIGINT and SIGTERM end a run early: the handler records which signal
 * came in h0_stop, the send and receive loops poll it, and the result
 * says the run was interrupted (exit 1).
 */
#ifndef H0_STOP_H
#define H0_STOP_H

#include <signal.h>
#include <stddef.h>

/* The signal that stopped the run, 0 while none came. */
extern volatile sig_atomic_t h0_stop;

/* Catch SIGINT and SIGTERM: 0, or -1 with "cause; fix" in errbuf (exit 2). */
int h0_stop_install(char *errbuf, size_t errlen);

#endif /* H0_STOP_H */
