// SPDX-License-Identifier: GPL-2.0
/*
 * SIGINT/SIGTERM: stop the run, remember which; see stop.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "stop.h"

volatile sig_atomic_t h0_stop;

static void h0_on_signal(int sig)
{
	h0_stop = sig;
}

int h0_stop_install(char *errbuf, size_t errlen)
{
	static const int sigs[] = { SIGINT, SIGTERM };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h0_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		if (!sigaction(sigs[i], &sa, NULL))
			continue;
		snprintf(errbuf, errlen, "cannot catch %s (sigaction: %s): it would end the run "
			 "without a report; run outside the sandbox or seccomp policy that "
			 "refuses rt_sigaction", sigs[i] == SIGINT ? "SIGINT" : "SIGTERM",
			 strerror(errno));
		return -1;
	}
	return 0;
}
