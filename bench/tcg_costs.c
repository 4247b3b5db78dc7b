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
 *   movq      ns per byte of a copy in 8-byte moves, four to a loop: what
 *             the x86_64 kernel's memcpy() does on a CPU without FSRM
 *             (memcpy_orig; qemu 7.2's -cpu max has ERMS, not FSRM): the
 *             cost per byte of the copy path and of the simulated DMA;
 *   rep movsb ns per byte of "rep movsb" (the kernel's memcpy() with FSRM);
 *   memcpy    ns per byte of libc's memcpy() (vector moves), for contrast.
 *
 * and prints how many bytes the movq copy moves in the time of one alloc.
 * Run it on both sides; the ratio of the two tells how TCG shifts the
 * balance between per-packet and per-byte costs.
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

#define BUF_LEN		1536	/* a multiple of 32, about a 1500 B frame */
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

/* @n a multiple of 32 */
static void copy_movq(void *dst, const void *src, size_t n)
{
#if defined(__x86_64__)
	asm volatile("1:\n\t"
		     "movq 0(%1), %%r8\n\t"
		     "movq 8(%1), %%r9\n\t"
		     "movq 16(%1), %%r10\n\t"
		     "movq 24(%1), %%r11\n\t"
		     "movq %%r8, 0(%0)\n\t"
		     "movq %%r9, 8(%0)\n\t"
		     "movq %%r10, 16(%0)\n\t"
		     "movq %%r11, 24(%0)\n\t"
		     "leaq 32(%1), %1\n\t"
		     "leaq 32(%0), %0\n\t"
		     "subq $32, %2\n\t"
		     "jnz 1b"
		     : "+r"(dst), "+r"(src), "+r"(n)
		     : : "r8", "r9", "r10", "r11", "memory", "cc");
#else
	memcpy(dst, src, n);
#endif
}

static volatile unsigned long sink;

/*
 * Repeat @fn in doublings until MIN_SEC has passed; ns per call, the best
 * of three such runs (other load on the machine only ever adds time).
 */
static double time_it(void (*fn)(unsigned long), unsigned long *iters)
{
	double t0, dt, best = 0;
	unsigned long n = 1000;
	int rep;

	for (;;) {
		t0 = now_s();
		fn(n);
		dt = now_s() - t0;
		if (dt >= MIN_SEC)
			break;
		n *= 2;
	}
	best = dt;
	for (rep = 1; rep < 3; rep++) {
		t0 = now_s();
		fn(n);
		dt = now_s() - t0;
		if (dt < best)
			best = dt;
	}
	*iters = n;
	return best * 1e9 / n;
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

static void do_movq(unsigned long n)
{
	while (n--) {
		copy_movq(dst, src, BUF_LEN);
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
	double sc, al, mq, mv, mc;
	unsigned long it;
	int json = argc > 1 && !strcmp(argv[1], "--json");

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: tcg_costs [--json]\n");
		return 2;
	}
	memset(src, 0x5a, sizeof(src));
	sc = time_it(do_syscall, &it);
	al = time_it(do_alloc, &it);
	mq = time_it(do_movq, &it) / BUF_LEN;
	mv = time_it(do_movsb, &it) / BUF_LEN;
	mc = time_it(do_memcpy, &it) / BUF_LEN;
	if (json)
		printf("{\"syscall_ns\": %.2f, \"alloc_ns\": %.2f, "
		       "\"movq_ns_per_byte\": %.4f, \"movsb_ns_per_byte\": %.4f, "
		       "\"memcpy_ns_per_byte\": %.4f, \"movq_bytes_per_alloc\": %.1f}\n",
		       sc, al, mq, mv, mc, al / mq);
	else
		printf("syscall %.1f ns, alloc %.1f ns, movq %.4f ns/B, rep movsb %.4f ns/B, "
		       "memcpy %.4f ns/B; movq copies %.0f B per alloc\n",
		       sc, al, mq, mv, mc, al / mq);
	return 0;
}
