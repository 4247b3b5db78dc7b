// SPDX-License-Identifier: GPL-2.0
/*
 * host_steady: how steady this machine's CPUs run.
 *
 * The bench compares two runs of a few seconds each under qemu TCG, which
 * keeps both host CPUs busy. On a host whose cores change speed from one
 * second to the next (a sibling hyperthread or another tenant taking the
 * core, frequency scaling), the two runs see different machines, and
 * page/copy moves by that much from round to round. This times the same
 * loop (100 million additions) TRIES times on every CPU at once, as the
 * bench loads them, and prints each CPU's times and the ratio of the
 * slowest try to the fastest: 1.0 on a steady host.
 *
 * Usage: host_steady [--tries N] [--json]
 * Exit: 0, 1 when a CPU could not be measured, 2 bad usage.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LOOP_ITERS	100000000UL
#define TRIES_MAX	1000
#define CPUS_MAX	64

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* On CPU @cpu, times the loop @tries times into the pipe @fd. */
static int measure(int cpu, int tries, int fd)
{
	volatile unsigned long x = 0;
	cpu_set_t set;
	double t0, ms;
	int k;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return 1;
	for (k = 0; k < tries; k++) {
		t0 = now_ms();
		for (unsigned long i = 0; i < LOOP_ITERS; i++)
			x += i;
		ms = now_ms() - t0;
		if (write(fd, &ms, sizeof(ms)) != sizeof(ms))
			return 1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static double ms[CPUS_MAX][TRIES_MAX];
	int ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
	int tries = 20, json = 0, fds[CPUS_MAX], got[CPUS_MAX] = { 0 };
	double lo = 0, hi = 0;
	int i, c, rc = 0;
	char *end;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--tries") && i + 1 < argc) {
			errno = 0;
			tries = (int)strtol(argv[++i], &end, 10);
			if (errno || *end || tries < 2 || tries > TRIES_MAX) {
				fprintf(stderr, "host_steady: --tries wants 2..%d, not '%s'\n",
					TRIES_MAX, argv[i]);
				return 2;
			}
		} else {
			fprintf(stderr, "usage: host_steady [--tries N] [--json]\n");
			return 2;
		}
	}
	if (ncpu < 1)
		ncpu = 1;
	if (ncpu > CPUS_MAX)
		ncpu = CPUS_MAX;

	for (c = 0; c < ncpu; c++) {
		int p[2];
		pid_t pid;

		if (pipe(p)) {
			perror("host_steady: pipe");
			return 1;
		}
		pid = fork();
		if (pid < 0) {
			perror("host_steady: fork");
			return 1;
		}
		if (!pid) {
			close(p[0]);
			_exit(measure(c, tries, p[1]));
		}
		close(p[1]);
		fds[c] = p[0];
	}
	for (c = 0; c < ncpu; c++) {
		while (got[c] < tries &&
		       read(fds[c], &ms[c][got[c]], sizeof(double)) == sizeof(double))
			got[c]++;
		close(fds[c]);
	}
	while (wait(NULL) > 0)
		;

	if (json)
		printf("{\"tool\": \"host_steady\", \"loop_iters\": %lu, \"tries\": %d, \"cpus\": [",
		       LOOP_ITERS, tries);
	for (c = 0; c < ncpu; c++) {
		if (got[c] < tries) {
			rc = 1;
			fprintf(stderr, "host_steady: CPU %d gave %d of %d times\n", c, got[c], tries);
		}
		if (json) {
			printf("%s{\"cpu\": %d, \"ms\": [", c ? ", " : "", c);
			for (i = 0; i < got[c]; i++)
				printf("%s%.2f", i ? ", " : "", ms[c][i]);
			printf("]}");
		} else {
			printf("CPU %d:", c);
			for (i = 0; i < got[c]; i++)
				printf(" %.0f", ms[c][i]);
			printf(" ms\n");
		}
		qsort(ms[c], got[c], sizeof(double), cmp_double);
		if (got[c] && (!lo || ms[c][0] < lo))
			lo = ms[c][0];
		if (got[c] && ms[c][got[c] - 1] > hi)
			hi = ms[c][got[c] - 1];
	}
	if (json)
		printf("], \"min_ms\": %.2f, \"max_ms\": %.2f, \"spread\": %.3f, \"exit\": %d}\n",
		       lo, hi, lo > 0 ? hi / lo : 0, rc);
	else
		printf("slowest / fastest: %.0f / %.0f ms = x%.2f (1.00: a steady host)\n",
		       hi, lo, lo > 0 ? hi / lo : 0);
	return rc;
}
