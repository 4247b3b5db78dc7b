// SPDX-License-Identifier: GPL-2.0
/*
 * xsk_min_tx: the least an AF_XDP copy-mode sender can do per frame.
 *
 * The bench's yardstick for tools/headlen0_tx: the same socket setup
 * (XDP_COPY, UMEM of 4096-byte chunks, 2048-entry rings, -b frames per
 * sendto() kick) but no per-frame work in user space. Every chunk is filled
 * once before the clock starts (an Ethernet header, ethertype 0x88b5, zero
 * payload); the loop only recycles completed addresses onto the TX ring and
 * kicks. If headlen0_tx sends as fast as this, the tool is not what limits
 * a measurement.
 *
 * --interleave MS measures both transmit paths in one run: every MS
 * milliseconds it switches the device's private flag tx-no-linear (exnic's,
 * the null device's), so the copy path's and the page path's slices take
 * turns, and counts the frames completed in each slice after its first
 * quarter (the frames built before the switch complete in that quarter).
 * A host whose speed changes from one second to the next then slows both
 * paths alike, where two runs one after the other would see it as a gain
 * or a loss. Whole frames only: the pieces of an --mb frame may be built
 * over several sendto() calls, on both sides of a switch. --flag-file
 * PATH switches by writing 1 (page) or 0 (copy) to PATH instead, for a
 * driver without the private flag: nl_force.ko's parameter no_linear
 * (checklist/force/) on virtio_net.
 *
 * Usage: xsk_min_tx -i IFACE [-q Q] [-s BYTES] [-d SEC | -n N] [-b N]
 *                   [--mb N] [--sndbuf BYTES] [--interleave MS
 *                   [--flag-file PATH]] [--json]
 * Exit: 0 sent and every descriptor completed, 1 a run that stalled or
 * lost completions, 2 bad usage or setup.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/ethtool.h>
#include <linux/if_ether.h>
#include <linux/if_xdp.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <xdp/xsk.h>

#ifndef XDP_USE_SG
#define XDP_USE_SG	(1 << 4)
#endif
#ifndef XDP_PKT_CONTD
#define XDP_PKT_CONTD	(1 << 0)
#endif

#define MIN_CHUNK	4096u
#define MIN_CHUNKS	4096u
#define MIN_RING	2048u
#define MIN_MB_MAX	17u	/* MAX_SKB_FRAGS */
#define MIN_STALL_SEC	5.0
#define MIN_DRAIN_SEC	2.0
#define MIN_PFLAG	"tx-no-linear"
#define MIN_SLICE_MAX_MS	10000u
/* --interleave: a path's windows below 1/MIN_SHORT of the run's rate */
#define MIN_SHORT	10

struct min_opts {
	const char *ifname;
	unsigned int queue;
	unsigned int size;
	unsigned int batch;
	unsigned int mb;
	int sndbuf;		/* SO_SNDBUF, 0: the default */
	unsigned int interleave_ms;	/* 0: one path, the device's */
	const char *flag_file;	/* --interleave switches by this file */
	double duration;
	unsigned long long count;
	bool json;
};

/*
 * What --interleave switches: the device's private flag MIN_PFLAG, or
 * the --flag-file that holds IFF_TX_SKB_NO_LINEAR (Y/N, 1/0)
 */
struct min_pflag {
	int fd;			/* a datagram socket for SIOCETHTOOL */
	struct ifreq ifr;
	uint32_t bit;
	int file;		/* --flag-file, or -1 */
	const char *name;	/* for messages: MIN_PFLAG or the file */
	bool opened;		/* initial read: restore it at the end */
	bool initial;
};

/* What one path did in its measured windows (--interleave) */
struct min_path {
	unsigned long long descs;
	/* sendto() calls; below 32 frames a kick, the sender waited on completions */
	unsigned long long kicks;
	double seconds;
	unsigned int slices;
};

struct min_tx {
	struct xsk_umem *umem;
	struct xsk_socket *xsk;
	struct xsk_ring_prod fq, tx;
	struct xsk_ring_cons cq;
	void *area;
	size_t area_size;
	uint64_t *free_addr;	/* stack of free chunk addresses */
	unsigned int nfree;
	unsigned int piece_len[MIN_MB_MAX];
};

struct min_stats {
	unsigned long long frames_sent, descs_sent, descs_done, kicks;
	unsigned long long kick_errors;	/* anything but EAGAIN/EBUSY */
	int kick_errno;
	double elapsed;
	bool stalled;
	int sndbuf;		/* as the kernel set it */
	struct min_path path[2];	/* --interleave: [0] copy, [1] page */
	int pflag_errno;	/* --interleave: a switch that failed */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: xsk_min_tx -i IFACE [-q Q] [-s BYTES] [-d SEC | -n N] [-b N] [--mb N]\n"
		"                  [--sndbuf BYTES] [--interleave MS [--flag-file PATH]] [--json]\n"
		"  -i IFACE   interface to send on (required)\n"
		"  -q Q       queue to bind (default 0)\n"
		"  -s BYTES   frame size with the Ethernet header, 14..%u (default 64)\n"
		"  -d SEC     send for SEC seconds (default 5)\n"
		"  -n N       send N frames instead\n"
		"  -b N       frames per sendto() kick, 1..%u (default 64)\n"
		"  --mb N     N descriptors a frame (XDP_USE_SG), 1..%u (default 1)\n"
		"  --sndbuf BYTES  socket send budget, 4096..2^30 (SO_SNDBUFFORCE as root)\n"
		"  --interleave MS  switch the private flag " MIN_PFLAG " every MS ms,\n"
		"             1..%u, and measure the copy and page paths apart (needs -d,\n"
		"             not with --mb)\n"
		"  --flag-file PATH  with --interleave: switch by writing 1 (page) or 0\n"
		"             (copy) to PATH instead, e.g. nl_force.ko's\n"
		"             /sys/module/nl_force/parameters/no_linear\n"
		"  --json     one JSON object on stdout\n",
		MIN_CHUNK * MIN_MB_MAX, MIN_RING / 2, MIN_MB_MAX, MIN_SLICE_MAX_MS);
}

static int bad(const char *msg, const char *arg)
{
	fprintf(stderr, "xsk_min_tx: %s '%s' (see --help)\n", msg, arg);
	return 2;
}

static int parse_uint(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno || end == s || *end || *s == '-' || *v > max ? -1 : 0;
}

static int parse_args(int argc, char **argv, struct min_opts *o)
{
	static const struct option lopts[] = {
		{ "mb", required_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "sndbuf", required_argument, NULL, 'S' },
		{ "interleave", required_argument, NULL, 'I' },
		{ "flag-file", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long v;
	char *end;
	int c;

	*o = (struct min_opts){ .size = 64, .batch = 64, .mb = 1, .duration = 5 };
	while ((c = getopt_long(argc, argv, "i:q:s:d:n:b:h", lopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			o->ifname = optarg;
			break;
		case 'q':
			if (parse_uint(optarg, UINT_MAX, &v))
				return bad("bad queue", optarg);
			o->queue = (unsigned int)v;
			break;
		case 's':
			if (parse_uint(optarg, MIN_CHUNK * MIN_MB_MAX, &v) || v < ETH_HLEN)
				return bad("frame size out of range", optarg);
			o->size = (unsigned int)v;
			break;
		case 'd':
			errno = 0;
			o->duration = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o->duration > 0))
				return bad("bad duration", optarg);
			o->count = 0;
			break;
		case 'n':
			if (parse_uint(optarg, ULLONG_MAX, &v) || !v)
				return bad("bad frame count", optarg);
			o->count = v;
			o->duration = 0;
			break;
		case 'b':
			if (parse_uint(optarg, MIN_RING / 2, &v) || !v)
				return bad("batch out of range", optarg);
			o->batch = (unsigned int)v;
			break;
		case 'm':
			if (parse_uint(optarg, MIN_MB_MAX, &v) || !v)
				return bad("--mb out of range", optarg);
			o->mb = (unsigned int)v;
			break;
		case 'j':
			o->json = true;
			break;
		case 'S':
			if (parse_uint(optarg, 1u << 30, &v) || v < 4096)
				return bad("--sndbuf out of range 4096..1073741824", optarg);
			o->sndbuf = (int)v;
			break;
		case 'I':
			if (parse_uint(optarg, MIN_SLICE_MAX_MS, &v) || !v)
				return bad("--interleave wants 1..10000 milliseconds, not", optarg);
			o->interleave_ms = (unsigned int)v;
			break;
		case 'F':
			o->flag_file = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return bad("unexpected argument", argv[optind]);
	if (!o->ifname) {
		fprintf(stderr, "xsk_min_tx: -i IFACE is required (see --help)\n");
		return 2;
	}
	if (!if_nametoindex(o->ifname))
		return bad("no such interface", o->ifname);
	if ((o->size + o->mb - 1) / o->mb > MIN_CHUNK) {
		fprintf(stderr,
			"xsk_min_tx: -s %u does not fit %u-byte chunks; use --mb %u or more\n",
			o->size, MIN_CHUNK, (o->size + MIN_CHUNK - 1) / MIN_CHUNK);
		return 2;
	}
	if (o->size / o->mb == 0) {
		fprintf(stderr, "xsk_min_tx: --mb %u leaves empty descriptors at -s %u\n",
			o->mb, o->size);
		return 2;
	}
	if (o->flag_file && !o->interleave_ms) {
		fprintf(stderr, "xsk_min_tx: --flag-file is what --interleave switches; give --interleave MS too\n");
		return 2;
	}
	if (o->interleave_ms && !o->duration) {
		fprintf(stderr, "xsk_min_tx: --interleave measures time slices; give -d SEC, not -n\n");
		return 2;
	}
	if (o->interleave_ms && o->mb > 1) {
		/* the kernel builds a frame's pieces over several sendto() calls */
		fprintf(stderr,
			"xsk_min_tx: --interleave sends whole frames only: a frame of --mb %u pieces could straddle a switch\n",
			o->mb);
		return 2;
	}
	if ((unsigned long long)o->batch * o->mb > MIN_RING) {
		fprintf(stderr, "xsk_min_tx: -b %u x --mb %u exceeds the %u-entry TX ring\n",
			o->batch, o->mb, MIN_RING);
		return 2;
	}
	return 0;
}

static int min_open(struct min_tx *t, const struct min_opts *o)
{
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	struct xsk_socket_config xcfg = { 0 };
	struct xsk_umem_config ucfg = { 0 };
	unsigned int i;
	uint8_t *p;
	int ret;

	for (i = 0; i < o->mb; i++)
		t->piece_len[i] = o->size / o->mb + (i < o->size % o->mb);

	t->area_size = (size_t)MIN_CHUNK * MIN_CHUNKS;
	t->area = mmap(NULL, t->area_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (t->area == MAP_FAILED) {
		t->area = NULL;
		fprintf(stderr, "xsk_min_tx: cannot map the UMEM: %s\n", strerror(errno));
		return -1;
	}
	t->free_addr = calloc(MIN_CHUNKS, sizeof(*t->free_addr));
	if (!t->free_addr) {
		fprintf(stderr, "xsk_min_tx: out of memory\n");
		return -1;
	}
	/* Every chunk starts with the same frame: broadcast, ethertype 0x88b5 */
	for (i = 0; i < MIN_CHUNKS; i++) {
		p = (uint8_t *)t->area + (size_t)i * MIN_CHUNK;
		memset(p, 0xff, ETH_ALEN);
		memcpy(p + ETH_ALEN, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
		p[12] = 0x88;
		p[13] = 0xb5;
		t->free_addr[i] = (uint64_t)(MIN_CHUNKS - 1 - i) * MIN_CHUNK;
	}
	t->nfree = MIN_CHUNKS;
	setrlimit(RLIMIT_MEMLOCK, &rl);

	ucfg.fill_size = 64;
	ucfg.comp_size = MIN_RING;
	ucfg.frame_size = MIN_CHUNK;
	ret = xsk_umem__create(&t->umem, t->area, t->area_size, &t->fq, &t->cq, &ucfg);
	if (ret) {
		t->umem = NULL;
		fprintf(stderr, "xsk_min_tx: cannot register the UMEM: %s%s\n", strerror(-ret),
			ret == -EPERM ? "; run as root" : "");
		return -1;
	}
	xcfg.tx_size = MIN_RING;
	xcfg.libxdp_flags = XSK_LIBXDP_FLAGS__INHIBIT_PROG_LOAD;
	xcfg.bind_flags = XDP_COPY | (o->mb > 1 ? XDP_USE_SG : 0);
	ret = xsk_socket__create(&t->xsk, o->ifname, o->queue, t->umem, NULL, &t->tx, &xcfg);
	if (ret) {
		t->xsk = NULL;
		fprintf(stderr,
			"xsk_min_tx: cannot bind AF_XDP (XDP_COPY) to %s queue %u: %s; check -q against 'ethtool -l'%s\n",
			o->ifname, o->queue, strerror(-ret),
			o->mb > 1 ? " and that the kernel has XDP_USE_SG (6.6+)" : "");
		return -1;
	}
	/* The page path charges a whole chunk per frame against this budget. */
	if (o->sndbuf &&
	    setsockopt(xsk_socket__fd(t->xsk), SOL_SOCKET, SO_SNDBUFFORCE, &o->sndbuf,
		       sizeof(o->sndbuf)) &&
	    setsockopt(xsk_socket__fd(t->xsk), SOL_SOCKET, SO_SNDBUF, &o->sndbuf,
		       sizeof(o->sndbuf))) {
		fprintf(stderr, "xsk_min_tx: cannot set SO_SNDBUF to %d: %s\n", o->sndbuf,
			strerror(errno));
		return -1;
	}
	return 0;
}

static int min_sndbuf(const struct min_tx *t)
{
	socklen_t len = sizeof(int);
	int v;

	return getsockopt(xsk_socket__fd(t->xsk), SOL_SOCKET, SO_SNDBUF, &v, &len) ? -1 : v;
}

static void min_close(struct min_tx *t)
{
	if (t->xsk)
		xsk_socket__delete(t->xsk);
	if (t->umem)
		xsk_umem__delete(t->umem);
	if (t->area)
		munmap(t->area, t->area_size);
	free(t->free_addr);
}

static int pflag_ioctl(struct min_pflag *p, void *cmd)
{
	p->ifr.ifr_data = cmd;
	return ioctl(p->fd, SIOCETHTOOL, &p->ifr);
}

static int pflag_get(struct min_pflag *p, bool *on)
{
	struct ethtool_value v = { .cmd = ETHTOOL_GPFLAGS };
	ssize_t n;
	char c;

	if (p->file >= 0) {
		n = pread(p->file, &c, 1, 0);
		if (n != 1) {
			if (n >= 0)
				errno = EIO;
			return -1;
		}
		*on = c == 'Y' || c == 'y' || c == '1';
		return 0;
	}
	if (pflag_ioctl(p, &v))
		return -1;
	*on = v.data & p->bit;
	return 0;
}

static int pflag_set(struct min_pflag *p, bool on)
{
	struct ethtool_value v = { .cmd = ETHTOOL_GPFLAGS };
	ssize_t n;

	if (p->file >= 0) {
		n = pwrite(p->file, on ? "1" : "0", 1, 0);
		if (n == 1)
			return 0;
		if (n >= 0)
			errno = EIO;
		return -1;
	}
	if (pflag_ioctl(p, &v))
		return -1;
	v.cmd = ETHTOOL_SPFLAGS;
	v.data = on ? v.data | p->bit : v.data & ~p->bit;
	return pflag_ioctl(p, &v);
}

/* Opens --flag-file @path, which switches IFNAME's flag, and reads it. */
static int pflag_open_file(struct min_pflag *p, const char *ifname, const char *path)
{
	snprintf(p->ifr.ifr_name, sizeof(p->ifr.ifr_name), "%s", ifname);
	p->name = path;
	p->file = open(path, O_RDWR | O_CLOEXEC);
	if (p->file < 0) {
		fprintf(stderr,
			"xsk_min_tx: cannot open --flag-file %s: %s; it must be a writable file that switches IFF_TX_SKB_NO_LINEAR (load nl_force.ko ifname=IFACE first)\n",
			path, strerror(errno));
		return -1;
	}
	if (pflag_get(p, &p->initial)) {
		fprintf(stderr, "xsk_min_tx: cannot read --flag-file %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	/* a file that does not take the write would fail every switch */
	if (pflag_set(p, p->initial)) {
		fprintf(stderr,
			"xsk_min_tx: cannot write --flag-file %s: %s; it must be a file that switches IFF_TX_SKB_NO_LINEAR (nl_force.ko's no_linear)\n",
			path, strerror(errno));
		return -1;
	}
	p->opened = true;
	return 0;
}

/* Finds MIN_PFLAG among IFNAME's private flags and reads its state. */
static int pflag_open(struct min_pflag *p, const char *ifname)
{
	struct {
		struct ethtool_sset_info hdr;
		uint32_t len;
	} info = { .hdr = { .cmd = ETHTOOL_GSSET_INFO,
			    .sset_mask = 1ull << ETH_SS_PRIV_FLAGS } };
	struct ethtool_gstrings *names = NULL;
	uint32_t n = 0, i;

	p->name = MIN_PFLAG;
	p->fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (p->fd < 0) {
		fprintf(stderr, "xsk_min_tx: cannot open a socket for ethtool: %s\n",
			strerror(errno));
		return -1;
	}
	snprintf(p->ifr.ifr_name, sizeof(p->ifr.ifr_name), "%s", ifname);
	if (!pflag_ioctl(p, &info) && info.hdr.sset_mask)
		n = info.len;
	if (n) {
		names = calloc(1, sizeof(*names) + (size_t)n * ETH_GSTRING_LEN);
		if (!names) {
			fprintf(stderr, "xsk_min_tx: out of memory\n");
			return -1;
		}
		names->cmd = ETHTOOL_GSTRINGS;
		names->string_set = ETH_SS_PRIV_FLAGS;
		names->len = n;
		if (pflag_ioctl(p, names))
			n = 0;
	}
	for (i = 0; i < n && i < 32; i++) {
		if (!strncmp((char *)names->data + i * ETH_GSTRING_LEN, MIN_PFLAG,
			     ETH_GSTRING_LEN)) {
			p->bit = 1u << i;
			break;
		}
	}
	free(names);
	if (!p->bit) {
		fprintf(stderr,
			"xsk_min_tx: %s has no private flag %s; --interleave needs a driver that switches IFF_TX_SKB_NO_LINEAR with it (exnic, its null device)\n",
			ifname, MIN_PFLAG);
		return -1;
	}
	if (pflag_get(p, &p->initial)) {
		fprintf(stderr, "xsk_min_tx: cannot read %s's private flags: %s\n", ifname,
			strerror(errno));
		return -1;
	}
	p->opened = true;
	return 0;
}

static void pflag_close(struct min_pflag *p)
{
	if (p->opened && pflag_set(p, p->initial))
		fprintf(stderr, "xsk_min_tx: cannot restore %s on %s: %s\n", p->name,
			p->ifr.ifr_name, strerror(errno));
	if (p->fd >= 0)
		close(p->fd);
	if (p->file >= 0)
		close(p->file);
}

static unsigned int min_reclaim(struct min_tx *t)
{
	unsigned int n, i;
	uint32_t idx;

	n = xsk_ring_cons__peek(&t->cq, MIN_RING, &idx);
	for (i = 0; i < n; i++)
		t->free_addr[t->nfree++] = *xsk_ring_cons__comp_addr(&t->cq, idx + i);
	if (n)
		xsk_ring_cons__release(&t->cq, n);
	return n;
}

static void min_kick(struct min_tx *t, struct min_stats *st)
{
	st->kicks++;
	if (sendto(xsk_socket__fd(t->xsk), NULL, 0, MSG_DONTWAIT, NULL, 0) >= 0)
		return;
	if (errno == EAGAIN || errno == EBUSY)
		return;
	if (!st->kick_errors++)
		st->kick_errno = errno;
}

static void min_submit(struct min_tx *t, const struct min_opts *o, unsigned int n,
		       struct min_stats *st)
{
	unsigned int f, k;
	uint32_t idx = 0;	/* set by reserve; 0 quiets -Wmaybe-uninitialized */

	if (xsk_ring_prod__reserve(&t->tx, n * o->mb, &idx) != n * o->mb)
		return;
	for (f = 0; f < n; f++) {
		for (k = 0; k < o->mb; k++) {
			struct xdp_desc *d = xsk_ring_prod__tx_desc(&t->tx, idx++);

			d->addr = t->free_addr[--t->nfree];
			d->len = t->piece_len[k];
			d->options = k + 1 < o->mb ? XDP_PKT_CONTD : 0;
		}
	}
	xsk_ring_prod__submit(&t->tx, n * o->mb);
	st->frames_sent += n;
	st->descs_sent += (unsigned long long)n * o->mb;
}

/*
 * --interleave: a slice of path @page ends at @now; its measured window,
 * from @win_start (a quarter into the slice), completed @win_descs.
 */
static void min_window_close(struct min_stats *st, bool page, double win_start,
			     unsigned long long win_descs, unsigned long long win_kicks,
			     double now)
{
	struct min_path *path = &st->path[page];

	if (now <= win_start)
		return;
	path->descs += win_descs;
	path->kicks += win_kicks;
	path->seconds += now - win_start;
	path->slices++;
}

/* --interleave: ends the slice of path @page and switches to the other. */
static void min_slice_end(struct min_pflag *p, struct min_stats *st, bool *page,
			  double win_start, unsigned long long win_descs,
			  unsigned long long win_kicks, double now)
{
	min_window_close(st, *page, win_start, win_descs, win_kicks, now);
	*page = !*page;
	if (pflag_set(p, *page) && !st->pflag_errno)
		st->pflag_errno = errno;
}

static void min_run(struct min_tx *t, const struct min_opts *o, struct min_pflag *p,
		    struct min_stats *st)
{
	double t0 = now_s(), now = t0, last = t0, last_done = t0;
	double end = o->duration ? t0 + o->duration : 0;
	double slice = o->interleave_ms / 1e3, slice_end = t0 + slice;
	double win_start = t0 + slice / 4;
	unsigned long long win_descs = 0, win_kicks = 0;
	bool page = p->initial;
	unsigned int n;

	for (;;) {
		now = now_s();
		if (o->count && st->frames_sent >= o->count)
			break;
		if (end && now >= end)
			break;
		if (o->interleave_ms && now >= slice_end) {
			min_slice_end(p, st, &page, win_start, win_descs, win_kicks, now);
			win_start = now + slice / 4;
			slice_end = now + slice;
			win_descs = 0;
			win_kicks = 0;
		}
		n = min_reclaim(t);
		if (n) {
			st->descs_done += n;
			last = last_done = now;
			if (now >= win_start)
				win_descs += n;
		}
		n = o->batch;
		if (o->count && o->count - st->frames_sent < n)
			n = (unsigned int)(o->count - st->frames_sent);
		if (t->nfree >= n * o->mb && xsk_prod_nb_free(&t->tx, n * o->mb) >= n * o->mb) {
			min_submit(t, o, n, st);
			last = now;
		} else if (now - last > MIN_STALL_SEC) {
			st->stalled = true;
			break;
		}
		min_kick(t, st);
		if (now >= win_start)
			win_kicks++;
	}
	if (o->interleave_ms)
		min_window_close(st, page, win_start, win_descs, win_kicks, now);
	last = now_s();
	while (st->descs_done < st->descs_sent && now_s() - last < MIN_DRAIN_SEC) {
		min_kick(t, st);
		n = min_reclaim(t);
		if (n) {
			st->descs_done += n;
			last = last_done = now_s();
		}
	}
	st->elapsed = last_done - t0;
}

/* --interleave: path @page's frames, rate and slices, as JSON */
static void min_path_json(const struct min_opts *o, const struct min_stats *st, bool page)
{
	const struct min_path *path = &st->path[page];
	double pps = path->seconds > 0 ? path->descs / o->mb / path->seconds : 0;

	printf(", \"%s\": {\"slices\": %u, \"frames\": %llu, \"seconds\": %.6f, "
	       "\"pps\": %.1f, \"gbps\": %.6f, \"kicks\": %llu}", page ? "page" : "copy",
	       path->slices, path->descs / o->mb, path->seconds, pps,
	       pps * o->size * 8 / 1e9, path->kicks);
}

/*
 * --interleave: the path whose measured windows saw less than a tenth of
 * the run's rate (@pps), or -1. The two paths differ by well under a
 * factor of two; a path that slow stalled through its slices while the
 * other ran, and one such run would outweigh every other round of a
 * page/copy interval. Like a stall of the whole run, it fails the run.
 */
static int min_path_short(const struct min_opts *o, const struct min_stats *st, double pps)
{
	for (int k = 0; k < 2; k++) {
		const struct min_path *path = &st->path[k];

		if (path->seconds > 0 && path->descs / o->mb / path->seconds * MIN_SHORT < pps)
			return k;
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct min_pflag pf = { .fd = -1, .file = -1 };
	struct min_stats st = { 0 };
	struct min_tx t = { 0 };
	unsigned long long frames;
	struct min_opts o;
	double pps, gbps;
	int rc, short_path = -1;

	rc = parse_args(argc, argv, &o);
	if (rc)
		return rc;
	if (o.flag_file)
		rc = pflag_open_file(&pf, o.ifname, o.flag_file);
	else if (o.interleave_ms)
		rc = pflag_open(&pf, o.ifname);
	if (rc || min_open(&t, &o)) {
		min_close(&t);
		pflag_close(&pf);
		return 2;
	}
	st.sndbuf = min_sndbuf(&t);
	min_run(&t, &o, &pf, &st);
	min_close(&t);
	pflag_close(&pf);

	frames = st.descs_done / o.mb;
	pps = st.elapsed > 0 ? frames / st.elapsed : 0;
	gbps = pps * o.size * 8 / 1e9;
	rc = (!frames || st.stalled || st.descs_done != st.descs_sent) ? 1 : 0;
	if (o.interleave_ms) {
		short_path = min_path_short(&o, &st, pps);
		if (st.pflag_errno || !st.path[0].descs || !st.path[1].descs || short_path >= 0)
			rc = 1;
	}
	if (o.json) {
		printf("{\"tool\": \"xsk_min_tx\", \"ifname\": \"%s\", \"size\": %u, \"mb\": %u, "
		       "\"batch\": %u, \"frames_sent\": %llu, \"frames_completed\": %llu, "
		       "\"descs_missing\": %llu, \"elapsed_s\": %.6f, \"pps\": %.1f, "
		       "\"gbps\": %.6f, \"kicks\": %llu, \"kick_errors\": %llu, "
		       "\"kick_errno\": %d, \"sndbuf\": %d, \"stalled\": %s",
		       o.ifname, o.size, o.mb, o.batch, st.frames_sent, frames,
		       st.descs_sent - st.descs_done, st.elapsed, pps, gbps, st.kicks,
		       st.kick_errors, st.kick_errno, st.sndbuf, st.stalled ? "true" : "false");
		if (o.interleave_ms) {
			printf(", \"interleave_ms\": %u, \"switch\": \"%s\", \"pflag_errno\": %d",
			       o.interleave_ms, o.flag_file ? "file" : "pflag", st.pflag_errno);
			if (short_path < 0)
				printf(", \"path_short\": null");
			else
				printf(", \"path_short\": \"%s\"", short_path ? "page" : "copy");
			min_path_json(&o, &st, false);
			min_path_json(&o, &st, true);
		}
		printf(", \"exit\": %d}\n", rc);
	} else {
		printf("%s: %llu frames of %u B in %.3f s: %.0f pps, %.4f Gb/s (%llu kicks)\n",
		       o.ifname, frames, o.size, st.elapsed, pps, gbps, st.kicks);
		if (st.stalled)
			printf("STALLED: no progress for %.0f s\n", MIN_STALL_SEC);
		if (st.descs_done != st.descs_sent)
			printf("missing completions: %llu\n", st.descs_sent - st.descs_done);
		if (st.kick_errors)
			printf("sendto errors: %llu, first: %s\n", st.kick_errors,
			       strerror(st.kick_errno));
		for (int k = 0; o.interleave_ms && k < 2; k++)
			printf("%s path: %llu frames in %u slices, %.3f s measured: %.0f pps\n",
			       k ? "page" : "copy", st.path[k].descs / o.mb, st.path[k].slices,
			       st.path[k].seconds, st.path[k].seconds > 0 ?
			       st.path[k].descs / o.mb / st.path[k].seconds : 0);
		if (st.pflag_errno)
			printf("switching %s failed: %s\n", pf.name, strerror(st.pflag_errno));
	}
	if (short_path >= 0)
		fprintf(stderr,
			"xsk_min_tx: the %s path stalled: its slices ran at under a tenth of the run's %.0f pps; the run measures the stall, not the path\n",
			short_path ? "page" : "copy", pps);
	return rc;
}
