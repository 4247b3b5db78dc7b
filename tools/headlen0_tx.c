// SPDX-License-Identifier: GPL-2.0
/*
 * headlen0_tx: send headlen-0 skbs through AF_XDP generic mode and prove
 * they reach the driver unlinearized.
 *
 *   headlen0_tx -i IFACE [-s SIZE] [-n COUNT | -d SEC] [--mb N] [--unaligned]
 *               [--verify=PEER] [--expect-headlen0=100 | --expect-linear] [--json]
 *   headlen0_tx --verify -i IFACE [-n COUNT] [-s SIZE] [--timeout SEC]
 *
 * This file decides; the others do one thing each:
 *   args.c     command line          frame.c    frame generator/checker
 *   slots.c    UMEM slots, ledger    seqtrack.c receive-side sequence accounting
 *   tx.c       AF_XDP sender         verify.c   AF_PACKET receiver
 *   probe.c    BPF probe loader      netdev.c   interface and capability queries
 *   result.c   checks, exit status   report.c   summary, progress, JSON
 *   json.c     JSON strings          stop.c     SIGINT/SIGTERM
 *
 * Exit status: 0 success, 1 a check failed or a signal interrupted the run,
 * 2 bad usage or setup error.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "frame.h"
#include "netdev.h"
#include "probe.h"
#include "report.h"
#include "stop.h"
#include "tx.h"
#include "verify.h"

/*
 * Messages of the setup steps (netdev, verify, probe, tx): each is bounded
 * (names of IF_NAMESIZE, errno texts, the probe's note of 1 KiB), and this
 * is above the longest. The parser's messages quote arguments of any length
 * and are allocated instead.
 */
#define H0_ERR_MAX	4096


static int h0_fail_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "headlen0_tx: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	return H0_EXIT_USAGE;
}

struct h0_tick_ctx {
	const struct h0_opts *o;
	const struct h0_probe *probe;
};

static void h0_tick(void *ctx, const struct h0_tx_stats *st, double elapsed)
{
	const struct h0_tick_ctx *t = ctx;

	if (t->o->progress)
		h0_report_progress(stderr, t->o, st, t->probe, elapsed);
}

static void h0_frame_cfg_init(struct h0_frame_cfg *c, const struct h0_opts *o,
			      const struct h0_netdev *nd)
{
	static const uint8_t fallback[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const uint8_t zero[6];

	memset(c, 0, sizeof(*c));
	c->tmpl = o->tmpl;
	c->size = o->size;
	memcpy(c->dst_mac, o->dst_mac, 6);
	if (o->src_mac_set)
		memcpy(c->src_mac, o->src_mac, 6);
	else if (nd && memcmp(nd->mac, zero, 6))
		memcpy(c->src_mac, nd->mac, 6);
	else
		memcpy(c->src_mac, fallback, 6);
	c->src_ip = o->src_ip;
	c->dst_ip = o->dst_ip;
	c->udp_port = o->udp_port;
	c->run_id = o->run_id;
	if (!o->run_id_set && getrandom(&c->run_id, sizeof(c->run_id), 0) != sizeof(c->run_id))
		c->run_id = (uint32_t)time(NULL) ^ (uint32_t)getpid() << 16;
}

static void h0_output(const struct h0_result *r)
{
	char why[512];

	if (r->o->json)
		h0_report_json(stdout, r);
	else
		h0_report_human(stdout, r);
	fflush(stdout);
	/* A setup error found during the run: on stderr too, like the others. */
	if (r->verify && h0_verify_error(r->verify, why, sizeof(why)))
		fprintf(stderr, "headlen0_tx: %s\n", why);
}

static int h0_main_verify(const struct h0_opts *o)
{
	struct h0_result r = { .o = o, .dev_tx_packets = -1, .dev_tx_dropped = -1 };
	struct h0_frame_cfg cfg;
	struct h0_netdev nd;
	struct h0_verify v;
	char err[H0_ERR_MAX];

	if (h0_mode_note(o, err, sizeof(err)))
		fprintf(stderr, "headlen0_tx: note: %s\n", err);
	if (!h0_have_cap(H0_CAP_NET_RAW))
		return h0_fail_usage("missing CAP_NET_RAW: AF_PACKET needs it; run as root or "
				     "'setcap cap_net_raw+ep headlen0_tx'");
	if (h0_netdev_open(o->ifname, &nd, err, sizeof(err)) ||
	    h0_netdev_check_up(&nd, false, err, sizeof(err)))
		return h0_fail_usage("%s", err);
	h0_frame_cfg_init(&cfg, o, &nd);
	if (h0_verify_open(&v, o->ifname, &cfg, h0_verify_known(o), o->count, o->timeout,
			   err, sizeof(err)))
		return h0_fail_usage("%s", err);
	v.stop = &h0_stop;
	if (o->progress)
		fprintf(stderr, "headlen0_tx: receiving on %s, %s frames of %u bytes, "
			"stop after %u s without one\n", o->ifname,
			o->count ? "expecting" : "any number of", o->size, o->timeout);
	h0_verify_run(&v);

	r.nd = &nd;
	r.cfg = &v.cfg;
	r.verify = &v;
	r.stop_signal = h0_stop;
	h0_result_finish(&r);
	h0_output(&r);
	h0_verify_close(&v);
	return r.exit_code;
}

static int h0_main_send(const struct h0_opts *o)
{
	struct h0_result r = { .o = o, .dev_tx_packets = -1, .dev_tx_dropped = -1 };
	struct h0_tick_ctx tick = { .o = o };
	int64_t tx_pkts0, tx_drop0, tx_pkts1, tx_drop1;
	struct h0_netdev nd, peer;
	struct h0_verify *v = NULL;
	struct h0_probe *probe = NULL;
	struct h0_frame_cfg cfg;
	struct h0_tx tx;
	char err[H0_ERR_MAX];
	int ret = H0_EXIT_USAGE;
	uint32_t max_size;
	int qmax;

	if (!h0_have_cap(H0_CAP_NET_RAW))
		return h0_fail_usage("missing CAP_NET_RAW: AF_XDP needs it; run as root or "
				     "'setcap cap_net_raw,cap_bpf,cap_perfmon+ep headlen0_tx'");
	if (o->probe && !h0_have_cap(H0_CAP_BPF_TRACE))
		return h0_fail_usage("missing CAP_BPF (with CAP_PERFMON, or CAP_SYS_ADMIN): the "
				     "driver probe needs it; run as root or 'setcap cap_net_raw,"
				     "cap_bpf,cap_perfmon+ep headlen0_tx'; " H0_PROBE_WITHOUT);
	if (h0_netdev_open(o->ifname, &nd, err, sizeof(err)))
		return h0_fail_usage("%s", err);
	max_size = nd.mtu + 14;
	if (o->size > max_size)
		return h0_fail_usage("-s %u: size out of range %u..%u for %s (MTU %u + 14); use "
				     "-s %u or less, or raise the MTU: ip link set dev %s mtu %u",
				     o->size, o->sub_header ? H0_SIZE_MIN_SUB : H0_SIZE_MIN,
				     max_size, o->ifname, nd.mtu, max_size, o->ifname,
				     o->size - 14);
	qmax = nd.tx_queues < nd.rx_queues ? nd.tx_queues : nd.rx_queues;
	if (qmax > 0 && (int)o->queue >= qmax)
		return h0_fail_usage("-q %u: %s has %d RX/TX queue pair%s (0..%d); pick a queue "
				     "in range, see 'ethtool -l %s'", o->queue, o->ifname, qmax,
				     qmax > 1 ? "s" : "", qmax - 1, o->ifname);
	if (h0_netdev_check_up(&nd, true, err, sizeof(err)))
		return h0_fail_usage("%s", err);
	h0_frame_cfg_init(&cfg, o, &nd);

	if (o->verify_peer[0]) {
		if (h0_netdev_open(o->verify_peer, &peer, err, sizeof(err)) ||
		    h0_netdev_check_up(&peer, false, err, sizeof(err)))
			return h0_fail_usage("--verify: %s", err);
		v = calloc(1, sizeof(*v));
		if (!v)
			return h0_fail_usage("out of memory");
		if (h0_verify_open(v, o->verify_peer, &cfg, H0_KNOWN_ALL, o->count, o->timeout,
				   err, sizeof(err))) {
			free(v);
			return h0_fail_usage("%s", err);
		}
		v->stop = &h0_stop;	/* no wait for the last frames either */
	}
	if (o->probe) {
		probe = calloc(1, sizeof(*probe));
		if (!probe) {
			h0_fail_usage("out of memory");
			goto out;
		}
		if (h0_probe_open(probe, o->ifname, nd.ifindex, err, sizeof(err))) {
			h0_fail_usage("%s", err);
			free(probe);
			probe = NULL;
			goto out;
		}
	}
	if (h0_tx_open(&tx, o, &cfg, err, sizeof(err))) {
		h0_fail_usage("%s", err);
		goto out;
	}

	tx_pkts0 = h0_netdev_stat(o->ifname, "tx_packets");
	tx_drop0 = h0_netdev_stat(o->ifname, "tx_dropped");
	if (v && h0_verify_start(v)) {
		h0_fail_usage("cannot start the receiver thread");
		h0_tx_close(&tx);
		goto out;
	}
	tick.probe = probe;
	h0_tx_run(&tx, &h0_stop, h0_tick, &tick);
	tx_pkts1 = h0_netdev_stat(o->ifname, "tx_packets");
	tx_drop1 = h0_netdev_stat(o->ifname, "tx_dropped");
	if (v)
		h0_verify_join(v, tx.st.frames_sent);

	r.nd = &nd;
	r.cfg = &cfg;
	r.tx = &tx.st;
	r.probe = probe;
	r.verify = v;
	if (probe)
		h0_probe_read(probe, &r.counts);
	if (tx_pkts0 >= 0 && tx_pkts1 >= 0) {
		r.dev_tx_packets = tx_pkts1 - tx_pkts0;
		r.dev_tx_dropped = tx_drop1 >= 0 && tx_drop0 >= 0 ? tx_drop1 - tx_drop0 : -1;
	}

	r.stop_signal = h0_stop;
	h0_result_finish(&r);

	h0_output(&r);
	ret = r.exit_code;
	h0_tx_close(&tx);
out:
	if (probe) {
		h0_probe_close(probe);
		free(probe);
	}
	if (v) {
		h0_verify_close(v);
		free(v);
	}
	return ret;
}

int main(int argc, char **argv)
{
	enum h0_parse_result pr;
	char *err, msg[H0_ERR_MAX];
	struct h0_opts o;

	pr = h0_parse_args(argc, argv, &o, &err);
	if (pr == H0_PARSE_HELP) {
		fputs(h0_usage(), stdout);
		return H0_EXIT_OK;
	}
	if (pr != H0_PARSE_OK) {
		fprintf(stderr, "headlen0_tx: %s\n(see 'headlen0_tx -h')\n",
			err ? err : "bad usage, and out of memory for the message");
		free(err);
		return H0_EXIT_USAGE;
	}
	if (h0_stop_install(msg, sizeof(msg)))
		return h0_fail_usage("%s", msg);

	if (o.mode == H0_MODE_VERIFY)
		return h0_main_verify(&o);
	return h0_main_send(&o);
}
