// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parser of headlen0_tx.
 *
 * A table-driven parser instead of getopt_long(): it is re-entrant (the
 * unit tests call it many times), it accepts "--verify" with or without an
 * interface after it, and every error names the option, the cause and the
 * fix in one line.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

enum h0_opt_id {
	OPT_IFACE, OPT_QUEUE, OPT_SIZE, OPT_COUNT, OPT_DURATION, OPT_BATCH,
	OPT_RATE, OPT_FRAME_SIZE, OPT_FRAMES, OPT_UNALIGNED, OPT_MB,
	OPT_SRC_MAC, OPT_DST_MAC, OPT_UDP, OPT_RAW, OPT_SRC_IP, OPT_DST_IP,
	OPT_PORT, OPT_RUN_ID, OPT_JSON, OPT_VERIFY, OPT_TIMEOUT, OPT_PROBE,
	OPT_NO_PROBE, OPT_NO_PROGRESS, OPT_EXPECT_H0, OPT_EXPECT_LINEAR,
	OPT_SNDBUF, OPT_NO_CHECK, OPT_SUB_HEADER, OPT_HELP,
};

enum h0_arg_kind { ARG_NONE, ARG_REQUIRED, ARG_OPTIONAL };

struct h0_opt_def {
	const char *name;
	char short_name;
	enum h0_arg_kind arg;
	enum h0_opt_id id;
};

static const struct h0_opt_def h0_opt_defs[] = {
	{ "iface",		'i', ARG_REQUIRED, OPT_IFACE },
	{ "queue",		'q', ARG_REQUIRED, OPT_QUEUE },
	{ "size",		's', ARG_REQUIRED, OPT_SIZE },
	{ "sub-header",		0,   ARG_NONE,	   OPT_SUB_HEADER },
	{ "count",		'n', ARG_REQUIRED, OPT_COUNT },
	{ "duration",		'd', ARG_REQUIRED, OPT_DURATION },
	{ "batch",		'b', ARG_REQUIRED, OPT_BATCH },
	{ "rate",		'r', ARG_REQUIRED, OPT_RATE },
	{ "frame-size",		'f', ARG_REQUIRED, OPT_FRAME_SIZE },
	{ "frames",		0,   ARG_REQUIRED, OPT_FRAMES },
	{ "unaligned",		'u', ARG_NONE,	   OPT_UNALIGNED },
	{ "mb",			0,   ARG_REQUIRED, OPT_MB },
	{ "sndbuf",		0,   ARG_REQUIRED, OPT_SNDBUF },
	{ "no-check",		0,   ARG_NONE,	   OPT_NO_CHECK },
	{ "src-mac",		0,   ARG_REQUIRED, OPT_SRC_MAC },
	{ "dst-mac",		0,   ARG_REQUIRED, OPT_DST_MAC },
	{ "udp",		0,   ARG_NONE,	   OPT_UDP },
	{ "raw",		0,   ARG_NONE,	   OPT_RAW },
	{ "src-ip",		0,   ARG_REQUIRED, OPT_SRC_IP },
	{ "dst-ip",		0,   ARG_REQUIRED, OPT_DST_IP },
	{ "port",		0,   ARG_REQUIRED, OPT_PORT },
	{ "run-id",		0,   ARG_REQUIRED, OPT_RUN_ID },
	{ "json",		0,   ARG_NONE,	   OPT_JSON },
	{ "verify",		0,   ARG_OPTIONAL, OPT_VERIFY },
	{ "timeout",		0,   ARG_REQUIRED, OPT_TIMEOUT },
	{ "probe",		0,   ARG_NONE,	   OPT_PROBE },
	{ "no-probe",		0,   ARG_NONE,	   OPT_NO_PROBE },
	{ "no-progress",	0,   ARG_NONE,	   OPT_NO_PROGRESS },
	{ "expect-headlen0",	0,   ARG_REQUIRED, OPT_EXPECT_H0 },
	{ "expect-linear",	0,   ARG_NONE,	   OPT_EXPECT_LINEAR },
	{ "help",		'h', ARG_NONE,	   OPT_HELP },
};

static const char h0_usage_text[] =
"usage: headlen0_tx -i IFACE [options]            send through AF_XDP (XDP_COPY)\n"
"       headlen0_tx --verify -i IFACE [options]   receive and check (AF_PACKET)\n"
"\n"
"sender:\n"
"  -i, --iface IFACE        interface to send on (required)\n"
"  -q, --queue Q            queue id to bind (default 0)\n"
"  -s, --size BYTES         frame bytes with Ethernet header, 14..MTU+14 (default 64)\n"
"      --sub-header         allow -s 1..13: frames shorter than the Ethernet header,\n"
"                           which AF_XDP sends as they are and the NIC must pad; the\n"
"                           receiver checks that the padding is zeros (raw template)\n"
"  -n, --count N            frames to send (default 100000)\n"
"  -d, --duration SEC       send for SEC seconds instead of a count\n"
"  -b, --batch N            descriptors per ring submission, 1..2048 (default 64)\n"
"  -r, --rate PPS           limit to PPS frames per second (default unlimited)\n"
"  -f, --frame-size BYTES   UMEM chunk size, 2048..4096 (default 4096)\n"
"      --frames N           UMEM chunks (default 4096)\n"
"  -u, --unaligned          unaligned UMEM chunks; frames cross page boundaries\n"
"      --mb N               split each frame over N descriptors (XDP_PKT_CONTD), 1..18;\n"
"                           the kernel drops a frame of more than 17 on an\n"
"                           IFF_TX_SKB_NO_LINEAR device, of more than 18 on the copy path\n"
"      --sndbuf BYTES       socket send budget (SO_SNDBUFFORCE as root, else SO_SNDBUF);\n"
"                           the page path charges a whole UMEM chunk per frame\n"
"      --no-check           benchmark: write each UMEM chunk once, on first use, and do\n"
"                           not compare it on completion (no umem_unchanged check)\n"
"      --src-mac MAC        source address (default: the interface's)\n"
"      --dst-mac MAC        destination address (default ff:ff:ff:ff:ff:ff)\n"
"      --raw | --udp        raw L2 with ethertype 0x88b5 (default) or Ethernet/IPv4/UDP\n"
"      --src-ip A --dst-ip A --port P   UDP template (default 192.0.2.1 -> 192.0.2.2:9)\n"
"      --run-id N           run id written in every frame (default random)\n"
"      --probe | --no-probe count skbs at the driver with BPF (default --probe)\n"
"      --expect-headlen0=PCT fail (exit 1) unless PCT% of our skbs reach the driver\n"
"                           with headlen 0\n"
"      --expect-linear      fail (exit 1) unless every one of our skbs is linear\n"
"      --verify[=]PEER      also receive on PEER (the other end) and check every frame\n"
"\n"
"receiver (--verify without PEER: nothing is sent, '-i X --verify' receives on X):\n"
"  -i IFACE -n N -s BYTES   expected interface, count (default unknown) and size\n"
"                           (-s 1..13 with --sub-header, --src-mac and --dst-mac)\n"
"  --timeout SEC            stop after SEC seconds without a frame (default 5)\n"
"  --raw/--udp, MAC, IP and --run-id options must match the sender's\n"
"\n"
"common:\n"
"      --json               one JSON object on stdout instead of the summary\n"
"      --no-progress        no progress line on stderr\n"
"  -h, --help               this text\n"
"\n"
"exit status:\n"
"  0  every check passed\n"
"  1  a check failed, or SIGINT/SIGTERM interrupted the run: the check did not complete\n"
"  2  bad usage or setup error\n";

const char *h0_usage(void)
{
	return h0_usage_text;
}

const char *h0_mode_note(const struct h0_opts *o, char *buf, size_t len)
{
	if (o->mode != H0_MODE_VERIFY)
		return NULL;
	snprintf(buf, len, "receive-only on %s: --verify without a PEER receives on -i and "
		 "nothing is sent; to send on %s and check on the other end, give "
		 "--verify=PEER", o->ifname, o->ifname);
	return buf;
}

void h0_opts_default(struct h0_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mode = H0_MODE_SEND;
	o->tmpl = H0_TMPL_RAW;
	o->size = H0_DEFAULT_SIZE;
	o->count = H0_DEFAULT_COUNT;
	o->batch = H0_DEFAULT_BATCH;
	o->chunk_size = H0_CHUNK_MAX;
	o->frames = H0_DEFAULT_FRAMES;
	o->mb = 1;
	memset(o->dst_mac, 0xff, sizeof(o->dst_mac));
	o->src_ip = htonl(0xc0000201);	/* 192.0.2.1, TEST-NET-1 */
	o->dst_ip = htonl(0xc0000202);	/* 192.0.2.2 */
	o->udp_port = 9;		/* discard */
	o->timeout = H0_DEFAULT_TIMEOUT;
	o->probe = true;
	o->progress = true;
	o->expect_headlen0 = -1;
}

/*
 * The message is allocated to its length: an argument of any size is
 * quoted whole and the fix after it is never cut off.
 */
static enum h0_parse_result __attribute__((format(printf, 2, 3)))
h0_err(char **err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		if (vasprintf(err, fmt, ap) < 0)
			*err = NULL;
		va_end(ap);
	}
	return H0_PARSE_ERR;
}

int h0_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;
	int base = 10;

	if (!s || !*s || !isdigit((unsigned char)s[0]))
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno == ERANGE)
		return -ERANGE;
	if (errno || *end || end == s)
		return -EINVAL;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int h0_parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int i, hi, lo;
	const char *p = s;

	if (!s)
		return -EINVAL;
	for (i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]))
			return -EINVAL;
		hi = isdigit((unsigned char)p[0]) ? p[0] - '0' : (tolower(p[0]) - 'a' + 10);
		lo = isdigit((unsigned char)p[1]) ? p[1] - '0' : (tolower(p[1]) - 'a' + 10);
		mac[i] = hi << 4 | lo;
		p += 2;
		if (i < 5) {
			if (*p != ':' && *p != '-')
				return -EINVAL;
			p++;
		}
	}
	return *p ? -EINVAL : 0;
}

static int h0_parse_ifname(const char *s, char out[IF_NAMESIZE])
{
	size_t i, n = strlen(s);

	if (!n || n >= IF_NAMESIZE || !strcmp(s, ".") || !strcmp(s, ".."))
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (s[i] == '/' || s[i] == ':' || isspace((unsigned char)s[i]))
			return -EINVAL;
	memcpy(out, s, n + 1);
	return 0;
}

static const struct h0_opt_def *h0_find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(h0_opt_defs) / sizeof(h0_opt_defs[0]); i++)
		if (strlen(h0_opt_defs[i].name) == len &&
		    !strncmp(h0_opt_defs[i].name, name, len))
			return &h0_opt_defs[i];
	return NULL;
}

static const struct h0_opt_def *h0_find_short(char c)
{
	size_t i;

	for (i = 0; i < sizeof(h0_opt_defs) / sizeof(h0_opt_defs[0]); i++)
		if (h0_opt_defs[i].short_name && h0_opt_defs[i].short_name == c)
			return &h0_opt_defs[i];
	return NULL;
}

#define NUM(lo, hi, what, fix)							\
	do {									\
		int __e = h0_parse_u64(val, (lo), (hi), &v);			\
		if (__e == -ERANGE)						\
			return h0_err(err,				\
				"%s %s: %s out of range %llu..%llu; %s",	\
				shown, val, what, (unsigned long long)(lo),	\
				(unsigned long long)(hi), fix);			\
		if (__e)							\
			return h0_err(err,				\
				"%s '%s': not a number; give %s as a decimal "	\
				"(or 0x hex) integer", shown, val, what);	\
	} while (0)

static enum h0_parse_result h0_apply(const struct h0_opt_def *d, const char *shown,
				     const char *val, struct h0_opts *o, char **err)
{
	struct in_addr ia;
	uint64_t v;

	switch (d->id) {
	case OPT_IFACE:
		if (h0_parse_ifname(val, o->ifname))
			return h0_err(err,
				"%s '%s': not an interface name; give a name of 1..%d "
				"characters, e.g. -i eth0", shown, val, IF_NAMESIZE - 1);
		break;
	case OPT_QUEUE:
		NUM(0, 65535, "queue id", "see 'ethtool -l IFACE' for the queues");
		o->queue = v;
		break;
	case OPT_SIZE:
		/* 1..13 only with --sub-header: h0_check() */
		NUM(H0_SIZE_MIN_SUB, H0_SIZE_MAX, "frame size",
		    "give the frame bytes including the 14-byte Ethernet header");
		o->size = v;
		break;
	case OPT_SUB_HEADER:
		o->sub_header = true;
		break;
	case OPT_COUNT:
		NUM(1, 1ULL << 40, "frame count", "give at least 1 frame");
		o->count = v;
		o->count_set = true;
		break;
	case OPT_DURATION:
		NUM(1, 86400, "duration", "give seconds, 1..86400");
		o->duration = v;
		break;
	case OPT_BATCH:
		NUM(1, H0_BATCH_MAX, "batch size", "the TX ring holds 2048 descriptors");
		o->batch = v;
		break;
	case OPT_RATE:
		NUM(1, 1000000000ULL, "rate", "give frames per second or omit -r for no limit");
		o->rate = v;
		break;
	case OPT_FRAME_SIZE:
		NUM(H0_CHUNK_MIN, H0_CHUNK_MAX, "UMEM chunk size",
		    "the kernel accepts 2048..PAGE_SIZE");
		o->chunk_size = v;
		break;
	case OPT_FRAMES:
		NUM(64, 1 << 20, "UMEM chunk count", "give 64..1048576");
		o->frames = v;
		break;
	case OPT_UNALIGNED:
		o->unaligned = true;
		break;
	case OPT_MB:
		NUM(1, H0_MB_MAX, "descriptors per frame",
		    "a frame takes at most 17 descriptors with IFF_TX_SKB_NO_LINEAR "
		    "(MAX_SKB_FRAGS frags) and 18 on the copy path (a linear part "
		    "and MAX_SKB_FRAGS frags)");
		o->mb = v;
		break;
	case OPT_SNDBUF:
		NUM(H0_SNDBUF_MIN, H0_SNDBUF_MAX, "send buffer size",
		    "the kernel doubles it; 16777216 covers a full ring of 4096-byte chunks");
		o->sndbuf = v;
		break;
	case OPT_NO_CHECK:
		o->no_check = true;
		break;
	case OPT_SRC_MAC:
		if (h0_parse_mac(val, o->src_mac))
			return h0_err(err,
				"%s '%s': not a MAC address; write it as 02:00:00:00:00:01",
				shown, val);
		o->src_mac_set = true;
		break;
	case OPT_DST_MAC:
		if (h0_parse_mac(val, o->dst_mac))
			return h0_err(err,
				"%s '%s': not a MAC address; write it as 02:00:00:00:00:02",
				shown, val);
		o->dst_mac_set = true;
		break;
	case OPT_UDP:
	case OPT_RAW:
		o->tmpl = d->id == OPT_UDP ? H0_TMPL_UDP : H0_TMPL_RAW;
		break;
	case OPT_SRC_IP:
	case OPT_DST_IP:
		if (inet_pton(AF_INET, val, &ia) != 1)
			return h0_err(err,
				"%s '%s': not an IPv4 address; write it as 192.0.2.1",
				shown, val);
		if (d->id == OPT_SRC_IP)
			o->src_ip = ia.s_addr;
		else
			o->dst_ip = ia.s_addr;
		break;
	case OPT_PORT:
		NUM(1, 65535, "UDP port", "give 1..65535");
		o->udp_port = v;
		break;
	case OPT_RUN_ID:
		NUM(0, UINT32_MAX, "run id", "give a 32-bit number");
		o->run_id = v;
		o->run_id_set = true;
		break;
	case OPT_JSON:
		o->json = true;
		break;
	case OPT_VERIFY:
		o->mode = H0_MODE_VERIFY;
		o->verify_peer[0] = '\0';
		if (val) {
			if (h0_parse_ifname(val, o->verify_peer))
				return h0_err(err,
					"%s '%s': not an interface name; give the receiving "
					"interface, e.g. --verify=eth1", shown, val);
			o->mode = H0_MODE_SEND;
		}
		break;
	case OPT_TIMEOUT:
		NUM(1, 3600, "timeout", "give seconds, 1..3600");
		o->timeout = v;
		break;
	case OPT_PROBE:
	case OPT_NO_PROBE:
		o->probe = d->id == OPT_PROBE;
		break;
	case OPT_NO_PROGRESS:
		o->progress = false;
		break;
	case OPT_EXPECT_H0:
		NUM(0, 100, "headlen-0 share", "give a percentage, e.g. --expect-headlen0=100");
		o->expect_headlen0 = v;
		break;
	case OPT_EXPECT_LINEAR:
		o->expect_linear = true;
		break;
	case OPT_HELP:
		return H0_PARSE_HELP;
	}
	return H0_PARSE_OK;
}

static const char *h0_opt_name(int id)
{
	size_t i;

	for (i = 0; i < sizeof(h0_opt_defs) / sizeof(h0_opt_defs[0]); i++)
		if ((int)h0_opt_defs[i].id == id)
			return h0_opt_defs[i].name;
	return "?";
}

/* Cross-option rules: everything that needs more than one option. */
static enum h0_parse_result h0_check(const struct h0_opts *o, const bool *seen, char **err)
{
	if (!o->ifname[0])
		return h0_err(err,
			"no interface: give one with -i IFACE");
	if (seen[OPT_COUNT] && seen[OPT_DURATION])
		return h0_err(err,
			"-n and -d both given: choose a count (-n) or a duration (-d)");
	if (seen[OPT_UDP] && seen[OPT_RAW])
		return h0_err(err,
			"--udp and --raw both given: choose one frame template");
	if (o->tmpl == H0_TMPL_UDP && o->size < 42)
		return h0_err(err,
			"-s %u: size out of range for --udp; Ethernet+IPv4+UDP headers "
			"need at least 42 bytes, use -s 42 or more (or --raw)", o->size);
	if (o->size < H0_SIZE_MIN && !o->sub_header)
		return h0_err(err,
			"-s %u: shorter than the 14-byte Ethernet header; add --sub-header "
			"to send (or receive) frames of 1..13 bytes on purpose, or give "
			"-s 14 or more", o->size);
	if (o->size < H0_SIZE_MIN && o->mode == H0_MODE_VERIFY &&
	    !(seen[OPT_SRC_MAC] && seen[OPT_DST_MAC]))
		return h0_err(err,
			"-s %u receive-only: a frame of %u bytes holds no whole Ethernet "
			"header to learn the sender from; give --src-mac and --dst-mac as "
			"the sender uses them (its destination defaults to "
			"ff:ff:ff:ff:ff:ff)", o->size, o->size);
	if (o->mb > o->size)
		return h0_err(err,
			"--mb %u with -s %u: every descriptor needs at least one byte; "
			"use --mb %u or less", o->mb, o->size, o->size);
	if (!o->unaligned && (o->chunk_size & (o->chunk_size - 1)))
		return h0_err(err,
			"-f %u: aligned UMEM chunks must be a power of two; use -f 2048 "
			"or -f 4096, or add --unaligned", o->chunk_size);
	if (o->expect_headlen0 >= 0 && o->expect_linear)
		return h0_err(err,
			"--expect-headlen0 and --expect-linear both given: choose one");
	if ((o->expect_headlen0 >= 0 || o->expect_linear) && !o->probe)
		return h0_err(err,
			"--expect-* needs the driver probe: drop --no-probe");
	if (o->no_check && o->verify_peer[0])
		return h0_err(err,
			"--no-check with --verify=%s: the peer checks every frame's sequence "
			"number, which --no-check does not write; drop one of them",
			o->verify_peer);
	if (o->verify_peer[0] && !strcmp(o->verify_peer, o->ifname))
		return h0_err(err,
			"--verify=%s is the sending interface: give the other end "
			"(the peer port), or run --verify there separately", o->verify_peer);

	if (o->mode == H0_MODE_VERIFY) {
		static const int send_only[] = {
			OPT_DURATION, OPT_BATCH, OPT_RATE, OPT_FRAME_SIZE, OPT_FRAMES,
			OPT_UNALIGNED, OPT_MB, OPT_QUEUE, OPT_EXPECT_H0,
			OPT_EXPECT_LINEAR, OPT_PROBE, OPT_SNDBUF, OPT_NO_CHECK,
		};
		size_t i;

		for (i = 0; i < sizeof(send_only) / sizeof(send_only[0]); i++) {
			if (seen[send_only[i]])
				return h0_err(err,
					"--%s is a sender option, and --verify without a PEER "
					"is receive-only on -i: drop --%s, or give --verify=PEER "
					"to send and check", h0_opt_name(send_only[i]),
					h0_opt_name(send_only[i]));
		}
	} else {
		if (o->chunk_size < (o->size + o->mb - 1) / o->mb)
			return h0_err(err,
				"-s %u: frame larger than its %u-byte UMEM chunk; split it "
				"with --mb %u or more", o->size, o->chunk_size,
				(o->size + o->chunk_size - 1) / o->chunk_size);
		if (o->batch * o->mb > o->frames / 2)
			return h0_err(err,
				"-b %u x --mb %u descriptors per batch need more than half "
				"of the %u UMEM chunks; lower -b or raise --frames",
				o->batch, o->mb, o->frames);
		if (o->batch * o->mb > H0_RING_SIZE)
			return h0_err(err,
				"-b %u x --mb %u exceeds the %u-entry TX ring; lower -b",
				o->batch, o->mb, H0_RING_SIZE);
	}
	return H0_PARSE_OK;
}

enum h0_parse_result h0_parse_args(int argc, char *const argv[], struct h0_opts *o,
				   char **err)
{
	bool seen[OPT_HELP + 1] = { false };
	enum h0_parse_result r;
	int i;

	h0_opts_default(o);
	if (err)
		*err = NULL;

	for (i = 1; i < argc; i++) {
		const struct h0_opt_def *d;
		const char *arg = argv[i], *val = NULL;
		char shown[40];

		if (!arg)
			break;
		if (arg[0] != '-' || !arg[1])
			return h0_err(err,
				"unexpected argument '%s': options start with '-', see -h", arg);

		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			if (!len)
				return h0_err(err,
					"unexpected argument '--': no positional arguments, see -h");
			d = h0_find_long(name, len);
			if (!d)
				return h0_err(err,
					"unknown option '%.*s': see -h for the options",
					(int)(len + 2), arg);
			snprintf(shown, sizeof(shown), "--%s", d->name);
			if (eq) {
				if (d->arg == ARG_NONE)
					return h0_err(err,
						"%s takes no value: write %s alone", shown, shown);
				val = eq + 1;
			}
		} else {
			d = h0_find_short(arg[1]);
			if (!d)
				return h0_err(err,
					"unknown option '-%c': see -h for the options", arg[1]);
			snprintf(shown, sizeof(shown), "-%c", d->short_name);
			if (arg[2]) {
				if (d->arg == ARG_NONE)
					return h0_err(err,
						"'%s': %s takes no value; give options one by one",
						arg, shown);
				val = arg + 2;
			}
		}

		if (!val && d->arg == ARG_REQUIRED) {
			if (i + 1 >= argc || !argv[i + 1])
				return h0_err(err,
					"%s needs a value: see -h", shown);
			val = argv[++i];
		} else if (!val && d->arg == ARG_OPTIONAL && i + 1 < argc &&
			   argv[i + 1] && argv[i + 1][0] != '-') {
			val = argv[++i];
		}

		r = h0_apply(d, shown, val, o, err);
		if (r != H0_PARSE_OK)
			return r;
		seen[d->id] = true;
	}

	if (o->duration && !seen[OPT_COUNT])
		o->count = 0;
	if (o->mode == H0_MODE_VERIFY && !seen[OPT_COUNT])
		o->count = 0;		/* unknown: lost counted up to the highest seq */
	o->count_set = seen[OPT_COUNT];

	return h0_check(o, seen, err);
}
