// SPDX-License-Identifier: GPL-2.0
/*
 * Human summary, progress line and JSON of headlen0_tx; see report.h and
 * README.md ("Output fields") for what every field means.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

#include "json.h"
#include "report.h"

static const char *h0_tri(int v)
{
	return v < 0 ? "unknown" : v ? "yes" : "no";
}

static const char *h0_json_tri(int v)
{
	return v < 0 ? "null" : v ? "true" : "false";
}

static double h0_pps(const struct h0_tx_stats *st)
{
	return st->elapsed > 0 ? (double)st->frames_completed / st->elapsed : 0;
}

static double h0_gbps(const struct h0_tx_stats *st, uint32_t size)
{
	return h0_pps(st) * size * 8 / 1e9;
}

static void h0_mac_str(char out[18], const uint8_t m[6])
{
	snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

void h0_report_progress(FILE *f, const struct h0_opts *o, const struct h0_tx_stats *st,
			const struct h0_probe *p, double elapsed)
{
	struct h0_probe_counts c;
	const struct h0_site *s;

	fprintf(f, "headlen0_tx: %4.0fs sent %llu completed %llu (%.0f pps, %.3f Gb/s)",
		elapsed, (unsigned long long)st->frames_sent,
		(unsigned long long)st->frames_completed,
		elapsed > 0 ? st->frames_completed / elapsed : 0,
		elapsed > 0 ? st->frames_completed / elapsed * o->size * 8 / 1e9 : 0);
	if (p) {
		h0_probe_read(p, &c);
		s = p->at_driver ? &c.driver : &c.direct;
		fprintf(f, " headlen0 %.1f%% of %llu skbs", h0_site_pct(s, s->headlen0),
			(unsigned long long)s->skbs);
	}
	fputc('\n', f);
}

static void h0_human_site(FILE *f, const char *label, const struct h0_site *s)
{
	fprintf(f, "  %-22s %llu skbs: headlen0 %llu (%.1f%%), partial %llu, linear %llu; "
		"frags avg %.1f max %llu\n", label, (unsigned long long)s->skbs,
		(unsigned long long)s->headlen0, h0_site_pct(s, s->headlen0),
		(unsigned long long)s->partial, (unsigned long long)s->linear,
		s->skbs ? (double)s->frags / s->skbs : 0, (unsigned long long)s->max_frags);
}

void h0_report_human(FILE *f, const struct h0_result *r)
{
	const struct h0_opts *o = r->o;
	const struct h0_tx_stats *st = r->tx;
	const struct h0_verify *v = r->verify;
	int i, sg = r->nd ? r->nd->sg : -1;
	char mac[18], note[256], why[400];

	fprintf(f, "headlen0_tx %s on %s (ifindex %d, mtu %u)\n",
		o->mode == H0_MODE_VERIFY ? "verify" : "send", o->ifname,
		r->nd ? r->nd->ifindex : 0, r->nd ? r->nd->mtu : 0);
	h0_mac_str(mac, r->cfg->src_mac);
	fprintf(f, "  frames: %u bytes, %s template, run id 0x%08x, src %s", o->size,
		o->tmpl == H0_TMPL_UDP ? "udp" : "raw", r->cfg->run_id, mac);
	h0_mac_str(mac, r->cfg->dst_mac);
	fprintf(f, " dst %s\n", mac);
	if (h0_mode_note(o, note, sizeof(note)))
		fprintf(f, "  note: %s\n", note);

	if (st) {
		fprintf(f, "  umem: %s chunks of %u bytes, %u slots, %u descriptor%s per frame, "
			"queue %u, batch %u%s\n", o->unaligned ? "unaligned" : "aligned",
			o->chunk_size, o->frames, o->mb, o->mb > 1 ? "s (XDP_PKT_CONTD)" : "",
			o->queue, o->batch, o->unaligned ? ", frames cross page boundaries" : "");
		fprintf(f, "flags:\n  IFF_TX_SKB_NO_LINEAR   %s\n  NETIF_F_SG             %s\n",
			h0_tri(r->probe ? h0_probe_no_linear(r->probe) : -1), h0_tri(sg));
		fprintf(f, "tx:\n  frames sent            %llu in %.3f s: %.0f pps, %.3f Gb/s\n",
			(unsigned long long)st->frames_sent, st->elapsed, h0_pps(st),
			h0_gbps(st, o->size));
		fprintf(f, "  completions            %llu of %llu descriptors (%llu frames)\n",
			(unsigned long long)st->completions, (unsigned long long)st->descs_sent,
			(unsigned long long)st->frames_completed);
		fprintf(f, "  completion errors      duplicate %llu, unknown %llu, missing %llu\n",
			(unsigned long long)st->compl_duplicate,
			(unsigned long long)st->compl_unknown,
			(unsigned long long)st->compl_missing);
		if (st->compl_unknown)
			fprintf(f, "  first unknown address  0x%llx%s\n",
				(unsigned long long)st->compl_unknown_addr,
				st->compl_bit0_cleared ? " (an in-flight odd address with bit 0 "
				"cleared: the kernel mangles unaligned completions)" : "");
		if (o->no_check)
			fprintf(f, "  umem modified          not checked (--no-check)");
		else
			fprintf(f, "  umem modified          %llu descriptors",
				(unsigned long long)st->umem_modified);
		if (st->umem_modified)
			fprintf(f, " (first: seq %llu offset %llu)",
				(unsigned long long)st->umem_bad_seq,
				(unsigned long long)st->umem_bad_off);
		fprintf(f, "\n  kernel                 tx_invalid_descs %llu; sendto EAGAIN %llu "
			"EBUSY %llu ENOBUFS %llu ENETDOWN %llu other %llu%s%s\n",
			(unsigned long long)st->tx_invalid_descs,
			(unsigned long long)st->kick_eagain, (unsigned long long)st->kick_ebusy,
			(unsigned long long)st->kick_enobufs, (unsigned long long)st->kick_enetdown,
			(unsigned long long)st->kick_other,
			st->kick_other ? " last: " : "",
			st->kick_other ? strerror(st->kick_other_errno) : "");
		if (r->dev_tx_packets >= 0)
			fprintf(f, "  interface counters     tx_packets +%lld, tx_dropped +%lld\n",
				(long long)r->dev_tx_packets, (long long)r->dev_tx_dropped);
		if (st->sndbuf > 0)
			fprintf(f, "  socket send budget     SO_SNDBUF %d bytes\n", st->sndbuf);
		if (st->stalled)
			fprintf(f, "  STALLED: nothing completed for 5 s\n");
	}

	if (r->probe) {
		const struct h0_site *s = h0_result_site(r);

		fprintf(f, "probe:\n  attach point           %s\n", r->probe->attach);
		if (r->probe->discovered)
			fprintf(f, "  discovery              %s: ndo_start_xmit %s, priv_flags 0x%llx\n",
				r->probe->disc_hook,
				r->probe->driver_sym[0] ? r->probe->driver_sym : "(unresolved)",
				(unsigned long long)r->probe->disc.priv_flags);
		if (r->probe->note[0])
			fprintf(f, "  note                   %s\n", r->probe->note);
		if (h0_result_measured(r, why, sizeof(why)))
			fprintf(f, "  headlen-0 share        %.1f%% (%llu of %llu of our skbs %s)\n",
				h0_site_pct(s, s->headlen0), (unsigned long long)s->headlen0,
				(unsigned long long)s->skbs,
				r->probe->at_driver ? "at the driver" : "at __dev_direct_xmit");
		else
			fprintf(f, "  headlen-0 share        NOT MEASURED: %s\n", why);
		if (r->probe->at_driver)
			h0_human_site(f, "at driver, ours", &r->counts.driver);
		h0_human_site(f, "at __dev_direct_xmit", &r->counts.direct);
		if (r->probe->at_driver)
			h0_human_site(f, "at driver, other", &r->counts.driver_other);
	} else if (st) {
		fprintf(f, "probe:\n  disabled (--no-probe)\n");
	}

	if (v) {
		fprintf(f, "verify on %s:\n", v->ifname);
		fprintf(f, "  received %llu, expected %llu, lost %llu, duplicates %llu, reordered %llu, "
			"corrupted %llu\n", (unsigned long long)v->t.received,
			(unsigned long long)v->t.expected, (unsigned long long)h0_seq_lost(&v->t),
			(unsigned long long)v->t.duplicates, (unsigned long long)v->t.reordered,
			(unsigned long long)v->t.corrupted);
		fprintf(f, "  good %llu (untagged %llu), stale %llu, out of range %llu, other run %llu, "
			"foreign %llu, socket drops %llu%s\n",
			(unsigned long long)(v->t.distinct + v->t.untagged),
			(unsigned long long)v->t.untagged, (unsigned long long)v->t.stale,
			(unsigned long long)v->t.out_of_range,
			(unsigned long long)v->t.other_run, (unsigned long long)v->t.foreign,
			(unsigned long long)v->sock_drops,
			h0_frame_sub_header(&v->cfg) ? " (frames shorter than the Ethernet header: "
			"no sequence number; the padding to 60 bytes must be zeros)" :
			h0_frame_tagged(&v->cfg) ? "" : " (frames too short for a sequence number)");
		if (v->len_mismatch)
			fprintf(f, "  wrong length           %llu frames (-s must match the "
				"sender's)\n", (unsigned long long)v->len_mismatch);
		if (v->have_bad) {
			fprintf(f, "  first corrupt frame: ");
			if (v->bad_seq_valid)
				fprintf(f, "seq %u%s", v->bad_seq, v->bad_len_mismatch ? "" : " ");
			if (v->bad_len_mismatch)
				fprintf(f, "%slength mismatch: expected %u bytes, got %u\n",
					v->bad_seq_valid ? ", " : "",
					v->cfg.size, v->wrong_len);
			else
				fprintf(f, "at offset %u%s\n", v->bad_off, v->bad_guard ?
					" (the bytes that follow a descriptor in the sender's "
					"UMEM: the driver read past the frame's end)" :
					v->bad_off >= v->cfg.size ? " (padding, not zero)" : "");
		}
		if (v->err)
			fprintf(f, "  receive error: %s\n", strerror(v->err));
	}

	fprintf(f, "checks:\n");
	for (i = 0; i < r->nchecks; i++)
		fprintf(f, "  %-4s %-22s %s\n", r->checks[i].ok ? "ok" : "FAIL", r->checks[i].name,
			r->checks[i].detail);
	fprintf(f, "result: %s (exit %d)\n", h0_result_word(r), r->exit_code);
}

static void h0_json_site(FILE *f, const char *name, const struct h0_site *s)
{
	fprintf(f, "\"%s\":{\"skbs\":%llu,\"headlen0\":%llu,\"partial\":%llu,\"linear\":%llu,"
		"\"bytes\":%llu,\"frags\":%llu,\"max_frags\":%llu,\"headlen0_pct\":%.3f}", name,
		(unsigned long long)s->skbs, (unsigned long long)s->headlen0,
		(unsigned long long)s->partial, (unsigned long long)s->linear,
		(unsigned long long)s->bytes, (unsigned long long)s->frags,
		(unsigned long long)s->max_frags, h0_site_pct(s, s->headlen0));
}

void h0_report_json(FILE *f, const struct h0_result *r)
{
	const struct h0_opts *o = r->o;
	const struct h0_tx_stats *st = r->tx;
	const struct h0_verify *v = r->verify;
	char mac[18], note[256], why[400];
	const char *word;
	int i;

	fprintf(f, "{\"tool\":\"headlen0_tx\",\"mode\":\"%s\",\"note\":",
		o->mode == H0_MODE_VERIFY ? "verify" : "send");
	if (h0_mode_note(o, note, sizeof(note)))
		h0_json_str(f, note);
	else
		fprintf(f, "null");
	fprintf(f, ",\"iface\":");
	h0_json_str(f, o->ifname);
	fprintf(f, ",\"ifindex\":%d,\"mtu\":%u,\"queue\":%u,\"size\":%u,\"template\":\"%s\","
		"\"run_id\":%u,", r->nd ? r->nd->ifindex : 0, r->nd ? r->nd->mtu : 0, o->queue,
		o->size, o->tmpl == H0_TMPL_UDP ? "udp" : "raw", r->cfg->run_id);
	h0_mac_str(mac, r->cfg->src_mac);
	fprintf(f, "\"src_mac\":\"%s\",", mac);
	h0_mac_str(mac, r->cfg->dst_mac);
	fprintf(f, "\"dst_mac\":\"%s\",\"umem\":{\"unaligned\":%s,\"chunk_size\":%u,\"frames\":%u,"
		"\"mb\":%u,\"batch\":%u},", mac, o->unaligned ? "true" : "false", o->chunk_size,
		o->frames, o->mb, o->batch);
	fprintf(f, "\"flags\":{\"tx_skb_no_linear\":%s,\"sg\":%s,\"priv_flags\":",
		h0_json_tri(r->probe ? h0_probe_no_linear(r->probe) : -1),
		h0_json_tri(r->nd ? r->nd->sg : -1));
	if (r->probe && r->probe->discovered)
		fprintf(f, "%llu},", (unsigned long long)r->probe->disc.priv_flags);
	else
		fprintf(f, "null},");

	fprintf(f, "\"tx\":");
	if (st) {
		fprintf(f, "{\"frames_sent\":%llu,\"descs_sent\":%llu,\"completions\":%llu,"
			"\"frames_completed\":%llu,\"completion_errors\":{\"duplicate\":%llu,"
			"\"unknown\":%llu,\"missing\":%llu,\"bit0_cleared\":%llu},\"umem_checked\":%s,"
			"\"umem_modified\":%llu,\"sndbuf\":%d,"
			"\"elapsed_s\":%.6f,\"pps\":%.1f,\"gbps\":%.6f,\"tx_invalid_descs\":%llu,"
			"\"tx_ring_empty_descs\":%llu,\"sendto\":{\"calls\":%llu,\"eagain\":%llu,"
			"\"ebusy\":%llu,\"enobufs\":%llu,\"enetdown\":%llu,\"other\":%llu},"
			"\"stalled\":%s,\"dev_tx_packets\":%lld,\"dev_tx_dropped\":%lld},",
			(unsigned long long)st->frames_sent, (unsigned long long)st->descs_sent,
			(unsigned long long)st->completions, (unsigned long long)st->frames_completed,
			(unsigned long long)st->compl_duplicate, (unsigned long long)st->compl_unknown,
			(unsigned long long)st->compl_missing,
			(unsigned long long)st->compl_bit0_cleared,
			o->no_check ? "false" : "true",
			(unsigned long long)st->umem_modified, st->sndbuf,
			st->elapsed, h0_pps(st), h0_gbps(st, o->size),
			(unsigned long long)st->tx_invalid_descs,
			(unsigned long long)st->tx_ring_empty_descs, (unsigned long long)st->kicks,
			(unsigned long long)st->kick_eagain, (unsigned long long)st->kick_ebusy,
			(unsigned long long)st->kick_enobufs, (unsigned long long)st->kick_enetdown,
			(unsigned long long)st->kick_other, st->stalled ? "true" : "false",
			(long long)r->dev_tx_packets, (long long)r->dev_tx_dropped);
	} else {
		fprintf(f, "null,");
	}

	fprintf(f, "\"probe\":");
	if (r->probe) {
		const struct h0_site *s = h0_result_site(r);

		fprintf(f, "{\"attach\":");
		h0_json_str(f, r->probe->attach);
		fprintf(f, ",\"at_driver\":%s,\"driver_symbol\":",
			r->probe->at_driver ? "true" : "false");
		if (r->probe->driver_sym[0])
			h0_json_str(f, r->probe->driver_sym);
		else
			fprintf(f, "null");
		fprintf(f, ",\"discovery\":");
		if (r->probe->discovered)
			h0_json_str(f, r->probe->disc_hook);
		else
			fprintf(f, "null");
		fprintf(f, ",\"note\":");
		h0_json_str(f, r->probe->note);
		if (h0_result_measured(r, why, sizeof(why))) {
			fprintf(f, ",\"measured\":true,\"not_measured\":null,"
				"\"headlen0_pct\":%.3f,", h0_site_pct(s, s->headlen0));
		} else {
			fprintf(f, ",\"measured\":false,\"not_measured\":");
			h0_json_str(f, why);
			fprintf(f, ",\"headlen0_pct\":null,");
		}
		h0_json_site(f, "driver", &r->counts.driver);
		fputc(',', f);
		h0_json_site(f, "driver_other", &r->counts.driver_other);
		fputc(',', f);
		h0_json_site(f, "direct_xmit", &r->counts.direct);
		fprintf(f, "},");
	} else {
		fprintf(f, "null,");
	}

	fprintf(f, "\"verify\":");
	if (v) {
		fprintf(f, "{\"iface\":");
		h0_json_str(f, v->ifname);
		fprintf(f, ",\"expected\":%llu,\"received\":%llu,\"good\":%llu,\"untagged\":%llu,"
			"\"lost\":%llu,\"duplicates\":%llu,\"reordered\":%llu,\"stale\":%llu,"
			"\"corrupted\":%llu,"
			"\"out_of_range\":%llu,\"other_run\":%llu,\"foreign\":%llu,"
			"\"length_mismatch\":%llu,\"padding_checked\":%s,"
			"\"socket_drops\":%llu,\"elapsed_s\":%.6f,\"first_corrupt\":",
			(unsigned long long)v->t.expected, (unsigned long long)v->t.received,
			(unsigned long long)(v->t.distinct + v->t.untagged),
			(unsigned long long)v->t.untagged, (unsigned long long)h0_seq_lost(&v->t),
			(unsigned long long)v->t.duplicates, (unsigned long long)v->t.reordered,
			(unsigned long long)v->t.stale,
			(unsigned long long)v->t.corrupted, (unsigned long long)v->t.out_of_range,
			(unsigned long long)v->t.other_run, (unsigned long long)v->t.foreign,
			(unsigned long long)v->len_mismatch,
			h0_frame_sub_header(&v->cfg) ? "true" : "false",
			(unsigned long long)v->sock_drops, v->elapsed);
		if (v->have_bad) {
			fprintf(f, "{\"seq\":");
			if (v->bad_seq_valid)
				fprintf(f, "%u", v->bad_seq);
			else
				fprintf(f, "null");
			if (v->bad_len_mismatch)
				fprintf(f, ",\"offset\":null,\"length_mismatch\":true,"
					"\"expected_len\":%u,\"got_len\":%u,\"umem_guard\":false}",
					v->cfg.size, v->wrong_len);
			else
				fprintf(f, ",\"offset\":%u,\"length_mismatch\":false,"
					"\"umem_guard\":%s}", v->bad_off,
					v->bad_guard ? "true" : "false");
		} else {
			fprintf(f, "null");
		}
		fprintf(f, ",\"error\":");
		if (v->err)
			h0_json_str(f, strerror(v->err));
		else
			fprintf(f, "null");
		fprintf(f, "},");
	} else {
		fprintf(f, "null,");
	}

	fprintf(f, "\"checks\":[");
	for (i = 0; i < r->nchecks; i++) {
		fprintf(f, "%s{\"name\":\"%s\",\"ok\":%s,\"detail\":", i ? "," : "",
			r->checks[i].name, r->checks[i].ok ? "true" : "false");
		h0_json_str(f, r->checks[i].detail);
		fputc('}', f);
	}
	fprintf(f, "],\"interrupted\":");
	if (r->stop_signal)
		h0_json_str(f, h0_signal_name(r->stop_signal));
	else
		fprintf(f, "null");
	fprintf(f, ",\"result\":\"");
	for (word = h0_result_word(r); *word; word++)
		fputc(tolower((unsigned char)*word), f);
	fprintf(f, "\",\"exit\":%d}\n", r->exit_code);
}
