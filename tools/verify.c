// SPDX-License-Identifier: GPL-2.0
/*
 * Receive side of headlen0_tx; see verify.h.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "verify.h"

#define H0_RX_BATCH	64
#define H0_RX_BUF	(65536 + 64)

static double h0_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

unsigned int h0_verify_known(const struct h0_opts *o)
{
	return (o->run_id_set ? H0_KNOWN_RUN_ID : 0) | (o->src_mac_set ? H0_KNOWN_SRC : 0) |
	       (o->dst_mac_set ? H0_KNOWN_DST : 0);
}

int h0_verify_init(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   unsigned int known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen)
{
	memset(v, 0, sizeof(*v));
	v->fd = -1;
	snprintf(v->ifname, sizeof(v->ifname), "%s", ifname);
	v->cfg = *cfg;
	v->run_id_known = known & H0_KNOWN_RUN_ID;
	v->src_known = known & H0_KNOWN_SRC;
	v->dst_known = known & H0_KNOWN_DST;
	v->timeout = timeout;
	if (h0_seq_init(&v->t, expected)) {
		snprintf(errbuf, errlen, "cannot allocate the sequence bitmap for %llu frames",
			 (unsigned long long)expected);
		return -1;
	}
	return 0;
}

int h0_verify_open(struct h0_verify *v, const char *ifname, const struct h0_frame_cfg *cfg,
		   unsigned int known, uint64_t expected, uint32_t timeout,
		   char *errbuf, size_t errlen)
{
	struct packet_mreq mr = { 0 };
	struct sockaddr_ll sll = { 0 };
	int ifindex, rcvbuf = 64 << 20;

	if (h0_verify_init(v, ifname, cfg, known, expected, timeout, errbuf, errlen))
		return -1;
	ifindex = (int)if_nametoindex(ifname);
	if (!ifindex) {
		snprintf(errbuf, errlen,
			 "unknown interface '%s' for --verify: no such device in this network "
			 "namespace; check 'ip link'", ifname);
		goto err;
	}
	v->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (v->fd < 0) {
		snprintf(errbuf, errlen, "cannot open an AF_PACKET socket: %s; %s",
			 strerror(errno), errno == EPERM ?
			 "it needs CAP_NET_RAW: run as root" : "check CONFIG_PACKET");
		goto err;
	}
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = ifindex;
	if (bind(v->fd, (struct sockaddr *)&sll, sizeof(sll))) {
		snprintf(errbuf, errlen, "cannot bind AF_PACKET to %s: %s", ifname,
			 strerror(errno));
		goto err;
	}
	/* Frames for another MAC must reach us too. */
	mr.mr_ifindex = ifindex;
	mr.mr_type = PACKET_MR_PROMISC;
	if (setsockopt(v->fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr))) {
		snprintf(errbuf, errlen, "cannot make %s promiscuous (PACKET_ADD_MEMBERSHIP: "
			 "%s), so frames to another MAC than its own would not reach the "
			 "receiver; %s", ifname, strerror(errno), errno == EPERM ?
			 "it needs CAP_NET_RAW: run as root" :
			 "check that its driver allows it: 'ip link set dev IFACE promisc on'");
		goto err;
	}
	/* Root may go past net.core.rmem_max; anyone else gets it clamped. */
	if (setsockopt(v->fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) &&
	    setsockopt(v->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf))) {
		snprintf(errbuf, errlen, "cannot set the receive buffer of the AF_PACKET socket "
			 "on %s (SO_RCVBUF: %s); without it the receiver drops frames at "
			 "speed: check net.core.rmem_max, or run as root", ifname,
			 strerror(errno));
		goto err;
	}
	return 0;
err:
	h0_verify_close(v);
	return -1;
}

void h0_verify_feed(struct h0_verify *v, const uint8_t *buf, uint32_t len)
{
	struct h0_frame_result r;
	uint32_t run_id;

	/*
	 * A destination we know filters as the source does (h0_frame_is_ours()).
	 * A sub-header frame may carry only a part of it: h0_frame_check()
	 * compares what it carries.
	 */
	if (v->dst_known && !h0_frame_sub_header(&v->cfg) &&
	    (len < 6 || memcmp(buf, v->cfg.dst_mac, 6))) {
		v->t.foreign++;
		return;
	}
	/*
	 * Receive-only without --src-mac or --dst-mac: take what is unknown
	 * from the first frame of our template (with our magic, when frames
	 * are tagged) that matches what is known. Not from a sub-header frame,
	 * which holds neither whole (the options require both for those).
	 */
	if ((!v->src_known || !v->dst_known) && !h0_frame_sub_header(&v->cfg) &&
	    len >= 14) {
		struct h0_frame_cfg c = v->cfg;
		uint32_t tag = h0_frame_tag_off(&c);

		if (!v->src_known)
			memcpy(c.src_mac, buf + 6, 6);
		if (h0_frame_is_ours(&c, buf, len, NULL) &&
		    (!h0_frame_tagged(&c) || (len >= tag + H0_TAG_LEN &&
		     buf[tag] == 0x48 && buf[tag + 1] == 0x30 &&
		     buf[tag + 2] == 0x54 && buf[tag + 3] == 0x58))) {
			memcpy(v->cfg.src_mac, buf + 6, 6);
			memcpy(v->cfg.dst_mac, buf, 6);
			v->src_known = true;
			v->dst_known = true;
		}
	}
	if (!v->run_id_known && h0_frame_tagged(&v->cfg) &&
	    h0_frame_is_ours(&v->cfg, buf, len, &run_id) &&
	    len >= h0_frame_tag_off(&v->cfg) + H0_TAG_LEN) {
		v->cfg.run_id = run_id;
		v->run_id_known = true;
	}
	h0_frame_check(&v->cfg, buf, len, &r);
	if (r.verdict == H0_FRAME_CORRUPT && r.len_mismatch && !v->len_mismatch++)
		v->wrong_len = r.len;
	if (r.verdict == H0_FRAME_CORRUPT && !v->have_bad) {
		v->have_bad = true;
		v->bad_seq = r.seq;
		v->bad_seq_valid = r.seq_valid;
		v->bad_len_mismatch = r.len_mismatch;
		v->bad_off = r.bad_off;
		v->bad_guard = r.guard;
	}
	if (h0_seq_account(&v->t, &r))
		v->err = ENOMEM;
}

static void h0_verify_drops(struct h0_verify *v)
{
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (!getsockopt(v->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len))
		v->sock_drops += st.tp_drops;	/* reset on every read */
}

void h0_verify_run(struct h0_verify *v)
{
	struct sockaddr_ll from[H0_RX_BATCH];
	struct mmsghdr msgs[H0_RX_BATCH];
	struct iovec iov[H0_RX_BATCH];
	double start = h0_now(), last = start, first_good = 0, last_good = 0;
	struct pollfd pfd = { .fd = v->fd, .events = POLLIN };
	uint64_t good_before, ours_before;
	uint8_t *bufs;
	int i, n;

	bufs = malloc((size_t)H0_RX_BATCH * H0_RX_BUF);
	if (!bufs) {
		v->err = ENOMEM;
		return;
	}
	for (;;) {
		double now = h0_now();
		bool done = __atomic_load_n(&v->sender_done, __ATOMIC_ACQUIRE);

		if (v->stop && *v->stop)
			break;

		if (done) {
			v->t.expected = v->sender_frames;
			if (!v->sender_frames)
				break;
		}
		if (h0_seq_complete(&v->t))
			break;
		/* Alone, or once the sender is done: stop after timeout idle seconds. */
		if ((!v->threaded || done) && now - last > v->timeout)
			break;
		if (poll(&pfd, 1, 100) <= 0)
			continue;

		memset(msgs, 0, sizeof(msgs));
		for (i = 0; i < H0_RX_BATCH; i++) {
			iov[i].iov_base = bufs + (size_t)i * H0_RX_BUF;
			iov[i].iov_len = H0_RX_BUF;
			msgs[i].msg_hdr.msg_iov = &iov[i];
			msgs[i].msg_hdr.msg_iovlen = 1;
			msgs[i].msg_hdr.msg_name = &from[i];
			msgs[i].msg_hdr.msg_namelen = sizeof(from[i]);
		}
		n = recvmmsg(v->fd, msgs, H0_RX_BATCH, MSG_DONTWAIT | MSG_TRUNC, NULL);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			v->err = errno;
			break;
		}
		good_before = v->t.distinct + v->t.untagged;
		ours_before = v->t.received;
		for (i = 0; i < n; i++) {
			uint32_t len = msgs[i].msg_len;

			if (from[i].sll_pkttype == PACKET_OUTGOING)
				continue;
			if (len > H0_RX_BUF) {
				v->truncated++;
				len = H0_RX_BUF;
			}
			h0_verify_feed(v, iov[i].iov_base, len);
		}
		if (v->t.received != ours_before)
			last = h0_now();
		if (v->t.distinct + v->t.untagged != good_before) {
			last_good = last;
			if (!first_good)
				first_good = last_good;
		}
	}
	v->elapsed = first_good ? last_good - first_good : 0;
	h0_verify_drops(v);
	free(bufs);
}

static void *h0_verify_thread(void *arg)
{
	h0_verify_run(arg);
	return NULL;
}

int h0_verify_start(struct h0_verify *v)
{
	v->threaded = true;
	return pthread_create(&v->thread, NULL, h0_verify_thread, v);
}

void h0_verify_join(struct h0_verify *v, uint64_t frames_sent)
{
	v->sender_frames = frames_sent;
	__atomic_store_n(&v->sender_done, 1, __ATOMIC_RELEASE);
	pthread_join(v->thread, NULL);
	/* Nothing sent: no frame is lost. */
	if (!frames_sent)
		v->t.expected = 0;
}

bool h0_verify_ok(const struct h0_verify *v)
{
	return !v->err && !h0_seq_lost(&v->t) && !v->t.corrupted && !v->t.duplicates &&
	       !v->t.out_of_range && (v->t.distinct + v->t.untagged) > 0;
}

bool h0_verify_error(const struct h0_verify *v, char *buf, size_t len)
{
	switch (v->err) {
	case 0:
		return false;
	case ENETDOWN:
		snprintf(buf, len, "receive on %s failed: %s: the interface is down or went "
			 "down during the run; bring it up with 'ip link set dev %s up' and "
			 "run again", v->ifname, strerror(v->err), v->ifname);
		break;
	case ENODEV:
	case ENXIO:
		snprintf(buf, len, "receive on %s failed: %s: the interface went away during "
			 "the run; check 'ip link' and run again", v->ifname, strerror(v->err));
		break;
	case ENOMEM:
	case ENOBUFS:
		snprintf(buf, len, "receive on %s failed: %s: out of memory for the receive "
			 "buffers; free some memory and run again", v->ifname,
			 strerror(v->err));
		break;
	default:
		snprintf(buf, len, "receive on %s failed: %s; see dmesg, then run again",
			 v->ifname, strerror(v->err));
		break;
	}
	return true;
}

void h0_verify_close(struct h0_verify *v)
{
	if (v->fd >= 0)
		close(v->fd);
	v->fd = -1;
	h0_seq_free(&v->t);
}
