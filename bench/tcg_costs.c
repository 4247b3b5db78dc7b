// SPDX-License-Identifier: GPL-2.0
/*
 * tcg_costs: what a fixed cost and a per-byte cost weigh on this CPU.
 *
 * The bench runs under qemu TCG, which does not slow every instruction
 * alike. This measures, on whatever it runs on (the host natively, the VM
 * under TCG), the two kinds of cost an AF_XDP generic-mode frame pays:
 *
 *   syscall   ns per getppid() system call: entry, exit and mitigations,
 *             like the sendto() kick (in a sandboxed host, the sandbox's
 *             cost, not the CPU's);
 *   alloc     ns per malloc() + free() of 256 bytes: fixed per-object
 *             work in user space, a stand-in for the skb's allocation,
 *             with no system call in it;
 *   rep movsb ns per byte of an x86 "rep movsb" copy, the instruction the
 *             kernel's memcpy() uses on CPUs with ERMS/FSRM (qemu -cpu max
 *             advertises both): the copy path's cost per byte;
 *   memcpy    ns per byte of libc's memcpy() (vector moves), for contrast.
 *
 * and prints how many bytes "rep movsb" copies in the time of one
 * syscall, and of one alloc. Run it on both sides; the ratio of the two
 * tells how TCG shifts the balance between per-packet and per-byte costs.
 *
 * Usage: tcg_costs [--json]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BUF_LEN		1500
#define MIN_SEC		0.3

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void copy_movsb(void *dst, const void *src, size_t n)
{
#if defined(__x86_64__)
	asm volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
#else
	memcpy(dst, src, n);
#endif
}

static volatile unsigned long sink;

/* Repeat @fn in doublings until MIN_SEC has passed; ns per call */
static double time_it(void (*fn)(unsigned long), unsigned long *iters)
{
	unsigned long n = 1000;
	double t0, dt;

	for (;;) {
		t0 = now_s();
		fn(n);
		dt = now_s() - t0;
		if (dt >= MIN_SEC)
			break;
		n *= 2;
	}
	*iters = n;
	return dt * 1e9 / n;
}

static void do_syscall(unsigned long n)
{
	while (n--)
		sink += syscall(SYS_getppid);
}

static void do_alloc(unsigned long n)
{
	void *p;

	while (n--) {
		p = malloc(256);
		asm volatile("" : : "r"(p) : "memory");
		free(p);
	}
}

static uint8_t src[BUF_LEN], dst[BUF_LEN];

static void do_movsb(unsigned long n)
{
	while (n--) {
		copy_movsb(dst, src, BUF_LEN);
		sink += dst[n % BUF_LEN];
	}
}

static void do_memcpy(unsigned long n)
{
	while (n--) {
		memcpy(dst, src, BUF_LEN);
		asm volatile("" : : "r"(dst) : "memory");
		sink += dst[n % BUF_LEN];
	}
}

int main(int argc, char **argv)
{
	double sc, al, mv, mc;
	unsigned long it;
	int json = argc > 1 && !strcmp(argv[1], "--json");

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: tcg_costs [--json]\n");
		return 2;
	}
	memset(src, 0x5a, sizeof(src));
	sc = time_it(do_syscall, &it);
	al = time_it(do_alloc, &it);
	mv = time_it(do_movsb, &it) / BUF_LEN;
	mc = time_it(do_memcpy, &it) / BUF_LEN;
	if (json)
		printf("{\"syscall_ns\": %.2f, \"alloc_ns\": %.2f, "
		       "\"movsb_ns_per_byte\": %.4f, \"memcpy_ns_per_byte\": %.4f, "
		       "\"movsb_bytes_per_syscall\": %.1f, \"movsb_bytes_per_alloc\": %.1f}\n",
		       sc, al, mv, mc, sc / mv, al / mv);
	else
		printf("syscall %.1f ns, alloc %.1f ns, rep movsb %.4f ns/B, memcpy %.4f ns/B; "
		       "rep movsb copies %.0f B per syscall, %.0f B per alloc\n",
		       sc, al, mv, mc, sc / mv, al / mv);
	return 0;
}
