// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the checks and exit status (result.c), the output
 * (report.c, json.c) and the receiver's per-frame step (verify.c): a run's
 * counters go in, the verdict, the summary and the JSON come out. The JSON
 * is checked with the strict validator of jsonv.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../args.h"
#include "../json.h"
#include "../netdev.h"
#include "../report.h"
#include "../result.h"
#include "../verify.h"
#include "h0test.h"
#include "jsonv.h"

/* The probe's loader needs libbpf and a kernel: report.c only reads it. */
void h0_probe_read(const struct h0_probe *p, struct h0_probe_counts *c)
{
	(void)p;
	memset(c, 0, sizeof(*c));
}

int h0_probe_no_linear(const struct h0_probe *p)
{
	return p->discovered ? 1 : -1;
}

/* One run's worth of state, as headlen0_tx.c would hold it. */
struct fixture {
	struct h0_opts o;
	struct h0_netdev nd;
	struct h0_frame_cfg cfg;
	struct h0_tx_stats st;
	struct h0_probe probe;
	struct h0_verify v;
	struct h0_result r;
	char *human, *json;
};

static int fx_parse(struct fixture *fx, const char *cmd)
{
	char line[1024], *argv[64], *tok, *save = NULL, *err;
	int argc = 0;

	snprintf(line, sizeof(line), "%s", cmd);
	argv[argc++] = "headlen0_tx";
	for (tok = strtok_r(line, " ", &save); tok && argc < 63; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	if (h0_parse_args(argc, argv, &fx->o, &err) != H0_PARSE_OK) {
		printf("  parse '%s': %s\n", cmd, err);
		free(err);
		return -1;
	}
	return 0;
}

/* Options from @cmd, an interface up and running, frames as configured. */
static int fx_init(struct fixture *fx, const char *cmd)
{
	memset(fx, 0, sizeof(*fx));
	if (fx_parse(fx, cmd))
		return -1;
	snprintf(fx->nd.name, sizeof(fx->nd.name), "%s", fx->o.ifname);
	fx->nd.ifindex = 3;
	fx->nd.mtu = 1500;
	fx->nd.flags = IFF_UP | IFF_RUNNING;
	fx->nd.sg = 1;
	fx->cfg.tmpl = fx->o.tmpl;
	fx->cfg.size = fx->o.size;
	memcpy(fx->cfg.dst_mac, fx->o.dst_mac, 6);
	memcpy(fx->cfg.src_mac, fx->o.src_mac_set ? fx->o.src_mac :
	       (const uint8_t *)"\x02\x00\x00\x00\x00\x01", 6);
	fx->cfg.src_ip = fx->o.src_ip;
	fx->cfg.dst_ip = fx->o.dst_ip;
	fx->cfg.udp_port = fx->o.udp_port;
	fx->cfg.run_id = fx->o.run_id_set ? fx->o.run_id : 0x5eed;
	fx->r.o = &fx->o;
	fx->r.nd = &fx->nd;
	fx->r.cfg = &fx->cfg;
	fx->r.dev_tx_packets = -1;
	fx->r.dev_tx_dropped = -1;
	return 0;
}

/* A send of @n frames where every descriptor came back once. */
static void fx_sent(struct fixture *fx, uint64_t n)
{
	fx->st.frames_sent = n;
	fx->st.descs_sent = n * fx->o.mb;
	fx->st.completions = n * fx->o.mb;
	fx->st.frames_completed = n;
	fx->st.elapsed = 1.0;
	fx->st.sndbuf = 212992;
	fx->r.tx = &fx->st;
}

static void fx_probe(struct fixture *fx)
{
	fx->probe.discovered = true;
	fx->probe.at_driver = true;
	snprintf(fx->probe.attach, sizeof(fx->probe.attach), "fentry:exnic_xmit [exnic]");
	snprintf(fx->probe.driver_sym, sizeof(fx->probe.driver_sym), "exnic_xmit [exnic]");
	snprintf(fx->probe.disc_hook, sizeof(fx->probe.disc_hook), "fentry:dev_get_flags");
	fx->r.probe = &fx->probe;
	fx->r.counts.driver.skbs = fx->st.frames_sent;
	fx->r.counts.driver.headlen0 = fx->st.frames_sent;
	fx->r.counts.direct = fx->r.counts.driver;
}

/* A receiver on @ifname that expects @expected frames of fx->cfg. */
static int fx_verify(struct fixture *fx, const char *ifname, unsigned int known,
		     uint64_t expected)
{
	char err[512];

	if (h0_verify_init(&fx->v, ifname, &fx->cfg, known, expected, fx->o.timeout,
			   err, sizeof(err))) {
		printf("  h0_verify_init: %s\n", err);
		return -1;
	}
	fx->r.verify = &fx->v;
	return 0;
}

/* Feed frames [first, first + n) of @c to the receiver. */
static void fx_feed(struct fixture *fx, const struct h0_frame_cfg *c, uint32_t first,
		    uint32_t n)
{
	uint8_t *buf = malloc(c->size);
	uint32_t i;

	for (i = 0; i < n; i++) {
		h0_frame_build(c, first + i, 0, buf, c->size);
		h0_verify_feed(&fx->v, buf, c->size);
	}
	free(buf);
}

static char *fx_render(const struct h0_result *r, bool json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	if (json)
		h0_report_json(f, r);
	else
		h0_report_human(f, r);
	fclose(f);
	return text;
}

/* Render both outputs; the JSON must be valid whatever the run. */
static void fx_report(struct fixture *fx)
{
	const char *why;

	fx->human = fx_render(&fx->r, false);
	fx->json = fx_render(&fx->r, true);
	H0_EXPECT(fx->human && fx->json);
	if (!fx->json)
		return;
	why = h0_json_invalid(fx->json, strlen(fx->json));
	if (why)
		printf("  invalid JSON (%s): %s", why, fx->json);
	H0_EXPECT(!why);
}

static void fx_free(struct fixture *fx)
{
	free(fx->human);
	free(fx->json);
	h0_seq_free(&fx->v.t);
}

static bool has(const char *text, const char *needle)
{
	if (text && strstr(text, needle))
		return true;
	printf("  '%s' not in:\n%s\n", needle, text ? text : "(null)");
	return false;
}

/* The validator itself: it must reject what a JSON parser rejects. */
H0_TEST(jsonv_rejects_invalid)
{
	static const char *const good[] = {
		"{}", "[]", "{\"a\":[1,-2.5e3,true,false,null,\"\\u00ff\"]}", "\"\xc3\xa9\"",
		"\"\xf0\x9f\x98\x80\"", " 0 ",
	};
	static const char *const bad[] = {
		"", "{", "{\"a\":1,}", "[1 2]", "\"\xff\"", "\"\xc3\"", "\"\xc0\xaf\"",
		"\"\xed\xa0\x80\"", "\"\x01\"", "\"\\x\"", "01", "1.", "{} {}", "nul",
		"\"\\u12g4\"", "NaN", "-inf",
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		H0_EXPECT(!h0_json_invalid(good[i], strlen(good[i])));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		H0_EXPECT(h0_json_invalid(bad[i], strlen(bad[i])));
}

H0_TEST(json_str_escapes_ascii)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	h0_json_str(f, "a\"b\\c\n\x01\x7f");
	fclose(f);
	H0_EXPECT(!strcmp(text, "\"a\\\"b\\\\c\\u000a\\u0001\x7f\""));
	H0_EXPECT(!h0_json_invalid(text, len));
	free(text);
}

static char *json_of(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	h0_json_str(f, s);
	fclose(f);
	return text;
}

/*
 * Bytes that are not UTF-8 (an interface name may hold any byte but '/',
 * ':' and whitespace) come out as \u00XX; valid UTF-8 passes unchanged.
 */
H0_TEST(json_str_escapes_non_utf8)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "eth\xff", "\"eth\\u00ff\"" },
		{ "\x80\xbf", "\"\\u0080\\u00bf\"" },
		{ "caf\xc3\xa9", "\"caf\xc3\xa9\"" },			/* U+00E9 */
		{ "\xe2\x82\xac" "1", "\"\xe2\x82\xac" "1\"" },		/* U+20AC */
		{ "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"" },	/* U+1F600 */
		{ "a\xc3", "\"a\\u00c3\"" },				/* cut short */
		{ "\xc3(", "\"\\u00c3(\"" },				/* no continuation */
		{ "\xc0\xaf", "\"\\u00c0\\u00af\"" },			/* overlong '/' */
		{ "\xe0\x80\xaf", "\"\\u00e0\\u0080\\u00af\"" },	/* overlong */
		{ "\xed\xa0\x80", "\"\\u00ed\\u00a0\\u0080\"" },	/* surrogate */
		{ "\xf4\x90\x80\x80", "\"\\u00f4\\u0090\\u0080\\u0080\"" }, /* > U+10FFFF */
		{ "\xf5\x80", "\"\\u00f5\\u0080\"" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text = json_of(cases[i].in);
		const char *why = h0_json_invalid(text, strlen(text));

		if (why || strcmp(text, cases[i].out))
			printf("  case %zu: got %s (%s), want %s\n", i, text,
			       why ? why : "valid", cases[i].out);
		H0_EXPECT(!why);
		H0_EXPECT(!strcmp(text, cases[i].out));
		free(text);
	}
}

/* Every byte value in every position: the output is always valid JSON. */
H0_TEST(json_str_any_bytes_valid)
{
	unsigned int seed = 18, i, j;
	char in[24];

	for (i = 0; i < 20000; i++) {
		char *text;

		for (j = 0; j < sizeof(in) - 1; j++)
			in[j] = (char)(1 + rand_r(&seed) % 255);
		in[1 + rand_r(&seed) % (sizeof(in) - 1)] = '\0';
		text = json_of(in);
		if (h0_json_invalid(text, strlen(text))) {
			printf("  invalid: %s\n", text);
			H0_EXPECT(0);
			free(text);
			break;
		}
		free(text);
	}
}

/* An interface name with a byte above 0x7f in every string of the JSON. */
H0_TEST(report_json_valid_with_odd_ifname)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth\xe9\xff -n 10 --verify=p\xc3 --expect-linear"));
	H0_REQUIRE(!fx_verify(&fx, "p\xc3", H0_KNOWN_ALL, 10));
	fx_sent(&fx, 10);
	fx_probe(&fx);
	snprintf(fx.probe.note, sizeof(fx.probe.note), "fentry:drv\xfe: load: EPERM");
	fx_feed(&fx, &fx.cfg, 0, 10);
	h0_result_tx_checks(&fx.r);
	h0_result_probe_checks(&fx.r);
	h0_result_verify_checks(&fx.r);
	fx_report(&fx);
	H0_EXPECT(has(fx.json, "\"iface\":\"eth\\u00e9\\u00ff\""));
	H0_EXPECT(has(fx.json, "\"iface\":\"p\\u00c3\""));
	fx_free(&fx);
}

H0_TEST(send_all_good_passes)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 1000 -s 1514 --expect-headlen0=100"));
	fx_sent(&fx, 1000);
	fx_probe(&fx);
	h0_result_tx_checks(&fx.r);
	h0_result_probe_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "result: PASS (exit 0)"));
	H0_EXPECT(has(fx.json, "\"result\":\"pass\",\"exit\":0"));
	fx_free(&fx);
}

H0_TEST(send_missing_completion_fails)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 1000 --no-probe"));
	fx_sent(&fx, 1000);
	fx.st.completions--;
	fx.st.compl_missing = 1;
	h0_result_tx_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "FAIL completions"));
	H0_EXPECT(has(fx.json, "\"result\":\"fail\",\"exit\":1"));
	fx_free(&fx);
}

H0_TEST(send_with_peer_counts_every_frame)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 100 -s 256 --verify=eth1 --no-probe"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 100));
	fx_sent(&fx, 100);
	fx_feed(&fx, &fx.cfg, 0, 100);
	H0_EXPECT_EQ(fx.v.t.distinct, 100);
	H0_EXPECT(h0_verify_ok(&fx.v));
	h0_result_tx_checks(&fx.r);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "received 100, expected 100, lost 0"));
	fx_free(&fx);
}

/* Receive-only: the run id and the addresses come from the first frame. */
H0_TEST(verify_only_learns_from_first_frame)
{
	struct fixture fx;
	struct h0_frame_cfg sender;

	H0_REQUIRE(!fx_init(&fx, "--verify -i eth1 -n 50 -s 128"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", 0, 50));
	sender = fx.cfg;
	memcpy(sender.src_mac, "\x02\x00\x00\x00\x00\x33", 6);
	memcpy(sender.dst_mac, "\x02\x00\x00\x00\x00\x44", 6);
	sender.run_id = 77;
	fx_feed(&fx, &sender, 0, 50);
	H0_EXPECT_EQ(fx.v.t.distinct, 50);
	H0_EXPECT_EQ(fx.v.cfg.run_id, 77);
	H0_EXPECT(!memcmp(fx.v.cfg.src_mac, sender.src_mac, 6));
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "headlen0_tx verify on eth1"));
	fx_free(&fx);
}

static const uint8_t mac_a[6] = { 0x02, 0, 0, 0, 0, 0xaa };
static const uint8_t mac_b[6] = { 0x02, 0, 0, 0, 0, 0xbb };
static const uint8_t mac_c[6] = { 0x02, 0, 0, 0, 0, 0xcc };
static const uint8_t mac_d[6] = { 0x02, 0, 0, 0, 0, 0xdd };

static struct h0_frame_cfg sender_cfg(const struct fixture *fx, const uint8_t *src,
				      const uint8_t *dst, uint32_t run_id)
{
	struct h0_frame_cfg c = fx->cfg;

	memcpy(c.src_mac, src, 6);
	memcpy(c.dst_mac, dst, 6);
	c.run_id = run_id;
	return c;
}

/* The receiver as h0_main_verify() opens it from the options. */
static int fx_verify_only(struct fixture *fx, const char *cmd)
{
	if (fx_init(fx, cmd))
		return -1;
	if (fx_verify(fx, fx->o.ifname, h0_verify_known(&fx->o), fx->o.count))
		return -1;
	fx->r.cfg = &fx->v.cfg;		/* what it learned */
	return 0;
}

/*
 * --src-mac A --dst-mac B: frames of another sender (C -> B) or to another
 * destination (A -> D) are not ours, however early they come.
 */
H0_TEST(verify_only_honours_given_macs)
{
	struct h0_frame_cfg other_src, other_dst, ours;
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 20 -s 128 "
				   "--src-mac 02:00:00:00:00:aa --dst-mac 02:00:00:00:00:bb"));
	other_src = sender_cfg(&fx, mac_c, mac_b, 5);
	other_dst = sender_cfg(&fx, mac_a, mac_d, 6);
	ours = sender_cfg(&fx, mac_a, mac_b, 7);
	fx_feed(&fx, &other_src, 0, 10);
	fx_feed(&fx, &other_dst, 0, 10);
	fx_feed(&fx, &ours, 0, 20);
	H0_EXPECT(!memcmp(fx.v.cfg.src_mac, mac_a, 6));
	H0_EXPECT(!memcmp(fx.v.cfg.dst_mac, mac_b, 6));
	H0_EXPECT_EQ(fx.v.cfg.run_id, 7);
	H0_EXPECT_EQ(fx.v.t.distinct, 20);
	H0_EXPECT_EQ(fx.v.t.foreign, 20);
	H0_EXPECT_EQ(fx.v.t.corrupted, 0);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_free(&fx);
}

/* --dst-mac B alone: the source is learned, from a frame sent to B. */
H0_TEST(verify_only_learns_src_for_given_dst)
{
	struct h0_frame_cfg to_d, to_b;
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 20 -s 128 "
				   "--dst-mac 02:00:00:00:00:bb"));
	to_d = sender_cfg(&fx, mac_c, mac_d, 5);
	to_b = sender_cfg(&fx, mac_a, mac_b, 7);
	fx_feed(&fx, &to_d, 0, 10);
	fx_feed(&fx, &to_b, 0, 20);
	H0_EXPECT(!memcmp(fx.v.cfg.src_mac, mac_a, 6));
	H0_EXPECT(!memcmp(fx.v.cfg.dst_mac, mac_b, 6));
	H0_EXPECT_EQ(fx.v.t.distinct, 20);
	H0_EXPECT_EQ(fx.v.t.foreign, 10);
	fx_free(&fx);
}

/* --src-mac A alone: the destination is learned from A's first frame. */
H0_TEST(verify_only_learns_dst_for_given_src)
{
	struct h0_frame_cfg from_c, from_a;
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 20 -s 128 "
				   "--src-mac 02:00:00:00:00:aa"));
	from_c = sender_cfg(&fx, mac_c, mac_b, 5);
	from_a = sender_cfg(&fx, mac_a, mac_d, 7);
	fx_feed(&fx, &from_c, 0, 10);
	fx_feed(&fx, &from_a, 0, 20);
	H0_EXPECT(!memcmp(fx.v.cfg.src_mac, mac_a, 6));
	H0_EXPECT(!memcmp(fx.v.cfg.dst_mac, mac_d, 6));
	H0_EXPECT_EQ(fx.v.t.distinct, 20);
	H0_EXPECT_EQ(fx.v.t.foreign, 10);
	fx_free(&fx);
}

/*
 * Sender and receiver disagree on -s: every frame has the wrong length.
 * That is what the report must say, not "corrupt at offset N".
 */
H0_TEST(verify_length_mismatch_named)
{
	static const struct {
		const char *cmd;
		uint32_t sent;
	} cases[] = {
		{ "--verify -i eth1 -n 10 -s 64 --run-id 7", 1514 },	/* longer */
		{ "--verify -i eth1 -n 10 -s 1514 --run-id 7", 64 },	/* shorter */
		{ "--verify -i eth1 -n 10 -s 128 --udp --run-id 7", 1514 },
		{ "--verify -i eth1 -n 10 -s 64 --run-id 7", 60 },	/* padded too */
	};
	char want[128];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct h0_frame_cfg sender;
		struct fixture fx;

		H0_REQUIRE(!fx_verify_only(&fx, cases[i].cmd));
		sender = sender_cfg(&fx, mac_a, mac_b, 7);
		sender.size = cases[i].sent;
		fx_feed(&fx, &sender, 0, 10);
		H0_EXPECT_EQ(fx.v.t.corrupted, 10);
		h0_result_verify_checks(&fx.r);
		H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
		fx_report(&fx);
		snprintf(want, sizeof(want), "seq 0, length mismatch: expected %u bytes, got %u",
			 fx.o.size, cases[i].sent);
		H0_EXPECT(has(fx.human, want));
		snprintf(want, sizeof(want), "\"expected_len\":%u,\"got_len\":%u", fx.o.size,
			 cases[i].sent);
		H0_EXPECT(has(fx.json, want));
		H0_EXPECT(!strstr(fx.human, "at offset"));
		H0_EXPECT(has(fx.human, "give both sides the same -s"));
		fx_free(&fx);
	}
}

/* A byte that differs in a frame of the right length is still an offset. */
H0_TEST(verify_byte_corruption_has_offset)
{
	struct h0_frame_cfg sender;
	struct fixture fx;
	uint8_t buf[256];

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 1 -s 256 --run-id 7"));
	sender = sender_cfg(&fx, mac_a, mac_b, 7);
	h0_frame_build(&sender, 0, 0, buf, sizeof(buf));
	buf[200] ^= 1;
	h0_verify_feed(&fx.v, buf, sizeof(buf));
	h0_result_verify_checks(&fx.r);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "first corrupt frame: seq 0 at offset 200"));
	H0_EXPECT(!strstr(fx.human, "length mismatch"));
	H0_EXPECT(has(fx.json, "\"first_corrupt\":{\"seq\":0,\"offset\":200"));
	fx_free(&fx);
}

/* ------------------------------------------------------------------
 * Sub-header frames (--sub-header): the receiver on padded frames
 * ------------------------------------------------------------------
 */

/*
 * Feed @n frames of @c as a NIC delivers them: padded with zeros to @wire
 * bytes (the frame's own size: unpadded, as veth). @pad_at, when below
 * @wire, is a pad byte set to 0x5a in frame @bad_seq.
 */
static void fx_feed_wire(struct fixture *fx, const struct h0_frame_cfg *c, uint32_t n,
			 uint32_t wire, uint32_t bad_seq, uint32_t pad_at)
{
	uint8_t buf[128];
	uint32_t i;

	for (i = 0; i < n; i++) {
		memset(buf, 0, sizeof(buf));
		h0_frame_build(c, i, 0, buf, c->size);
		if (i == bad_seq && pad_at < wire)
			buf[pad_at] = 0x5a;
		h0_verify_feed(&fx->v, buf, wire);
	}
}

/* Stack traffic on the link: IPv6 router solicitations, ARP, broadcast. */
static void fx_feed_noise(struct fixture *fx, uint32_t n)
{
	uint8_t rs[70] = { 0x33, 0x33, 0, 0, 0, 0x02, 0x52, 0x54, 0, 0x12, 0x34, 0x56,
			   0x86, 0xdd, 0x60 };
	uint8_t arp[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x52, 0x54, 0, 0x12, 0x34,
			    0x56, 0x08, 0x06, 0, 1, 8, 0, 6, 4, 0, 1 };
	uint32_t i;

	for (i = 0; i < n; i++) {
		h0_verify_feed(&fx->v, rs, sizeof(rs));
		h0_verify_feed(&fx->v, arp, sizeof(arp));
	}
}

H0_TEST(sub_header_peer_counts_padded_frames)
{
	static const uint32_t sizes[] = { 1, 5, 6, 11, 12, 13 };
	size_t k;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		char cmd[128];
		struct fixture fx;

		snprintf(cmd, sizeof(cmd), "-i eth0 -n 100 -s %u --sub-header --verify=eth1 "
			 "--no-probe", sizes[k]);
		H0_REQUIRE(!fx_init(&fx, cmd));
		H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 100));
		fx_sent(&fx, 100);
		fx_feed_noise(&fx, 5);
		fx_feed_wire(&fx, &fx.cfg, 60, 60, ~0u, ~0u);	/* a NIC: padded */
		fx_feed_noise(&fx, 5);
		fx.cfg.run_id++;				/* no tag: any run */
		fx_feed_wire(&fx, &fx.cfg, 40, sizes[k], ~0u, ~0u); /* veth: as sent */
		H0_EXPECT_EQ(fx.v.t.untagged, 100);
		H0_EXPECT_EQ(fx.v.t.distinct, 0);
		H0_EXPECT_EQ(fx.v.t.foreign, 20);
		H0_EXPECT_EQ(fx.v.t.corrupted, 0);
		H0_EXPECT(h0_verify_ok(&fx.v));
		h0_result_tx_checks(&fx.r);
		h0_result_verify_checks(&fx.r);
		H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
		fx_report(&fx);
		H0_EXPECT(has(fx.human, "received 100, expected 100, lost 0"));
		H0_EXPECT(has(fx.human, "the padding to 60 bytes must be zeros"));
		H0_EXPECT(has(fx.json, "\"untagged\":100,"));
		H0_EXPECT(has(fx.json, "\"padding_checked\":true,"));
		H0_EXPECT(has(fx.json, "\"first_corrupt\":null"));
		fx_free(&fx);
	}
}

/* A pad byte that is not zero fails the run, at its offset. */
H0_TEST(sub_header_dirty_padding_fails)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 50 -s 6 --sub-header --verify=eth1 --no-probe"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 50));
	fx_sent(&fx, 50);
	fx_feed_wire(&fx, &fx.cfg, 50, 60, 7, 40);
	H0_EXPECT_EQ(fx.v.t.untagged, 49);
	H0_EXPECT_EQ(fx.v.t.corrupted, 1);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "FAIL verify_bytes"));
	H0_EXPECT(has(fx.human, "first corrupt frame: at offset 40 (padding, not zero)"));
	H0_EXPECT(has(fx.json, "\"first_corrupt\":{\"seq\":null,\"offset\":40,"
		      "\"length_mismatch\":false,\"umem_guard\":false}"));
	fx_free(&fx);
}

/* A pad byte in the header positions: the frame is not found, so lost. */
H0_TEST(sub_header_dirty_header_positions_lost)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 50 -s 6 --sub-header --verify=eth1 --no-probe"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 50));
	fx_sent(&fx, 50);
	fx_feed_wire(&fx, &fx.cfg, 50, 60, 3, 12);
	H0_EXPECT_EQ(fx.v.t.untagged, 49);
	H0_EXPECT_EQ(fx.v.t.foreign, 1);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "FAIL verify_received"));
	H0_EXPECT(has(fx.human, "49 good of 50 expected, 1 lost"));
	fx_free(&fx);
}

/* What follows the descriptor in UMEM reached the wire: named as such. */
H0_TEST(sub_header_read_past_end_named)
{
	uint8_t buf[60], guard[H0_GUARD_LEN];
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 1 -s 4 --sub-header --verify=eth1 --no-probe"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 1));
	fx_sent(&fx, 1);
	memset(buf, 0, sizeof(buf));
	h0_frame_build(&fx.cfg, 0, 0, buf, 4);
	h0_frame_guard(guard, sizeof(guard));
	memcpy(buf + 4, guard, 10);			/* a 14-byte header copied */
	h0_verify_feed(&fx.v, buf, sizeof(buf));
	H0_EXPECT_EQ(fx.v.t.corrupted, 1);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "at offset 4 (the bytes that follow a descriptor in the "
		      "sender's UMEM: the driver read past the frame's end)"));
	H0_EXPECT(has(fx.json, "\"offset\":4,\"length_mismatch\":false,\"umem_guard\":true}"));
	fx_free(&fx);
}

/*
 * Receive-only, both MACs given: frames of another source are foreign once
 * the frame carries a part of the source (-s 7 and more), and frames to
 * another destination once it differs in the bytes the frame carries.
 */
H0_TEST(sub_header_verify_only_given_macs)
{
	static const uint8_t other_dst[6] = { 0x04, 0, 0, 0, 0, 0xbb };
	struct h0_frame_cfg ours, from_c, to_other;
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 20 -s 12 --sub-header "
				   "--src-mac 02:00:00:00:00:aa --dst-mac 02:00:00:00:00:bb"));
	ours = sender_cfg(&fx, mac_a, mac_b, 1);
	from_c = sender_cfg(&fx, mac_c, mac_b, 1);
	to_other = sender_cfg(&fx, mac_a, other_dst, 1);
	fx_feed_wire(&fx, &from_c, 10, 60, ~0u, ~0u);
	fx_feed_wire(&fx, &to_other, 10, 60, ~0u, ~0u);
	fx_feed_wire(&fx, &ours, 20, 60, ~0u, ~0u);
	H0_EXPECT_EQ(fx.v.t.untagged, 20);
	H0_EXPECT_EQ(fx.v.t.foreign, 20);
	H0_EXPECT_EQ(fx.v.t.corrupted, 0);
	/* nothing learned: the options gave it */
	H0_EXPECT(!memcmp(fx.v.cfg.src_mac, mac_a, 6));
	H0_EXPECT(!memcmp(fx.v.cfg.dst_mac, mac_b, 6));
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	fx_free(&fx);
}

/* Frames lost on the way: counted against the count, whatever the noise. */
H0_TEST(sub_header_loss_counted)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 100 -s 1 --sub-header --verify=eth1 --no-probe"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 100));
	fx_sent(&fx, 100);
	fx_feed_noise(&fx, 50);
	fx_feed_wire(&fx, &fx.cfg, 90, 60, ~0u, ~0u);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "90 good of 100 expected, 10 lost"));
	H0_EXPECT(has(fx.json, "\"lost\":10,"));
	fx_free(&fx);
}

/* A frame older than the window fails the duplicates check, named. */
H0_TEST(verify_stale_fails_duplicates)
{
	struct h0_frame_result fr = { .verdict = H0_FRAME_OK, .seq_valid = true };
	struct fixture fx;
	uint64_t i;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 --run-id 7"));
	for (i = 0; i <= H0_SEQ_WINDOW + 1; i++) {
		fr.seq = (uint32_t)i;
		H0_REQUIRE(h0_seq_account(&fx.v.t, &fr) == 0);
	}
	fr.seq = 0;
	h0_seq_account(&fx.v.t, &fr);
	H0_EXPECT_EQ(fx.v.t.stale, 1);
	h0_result_verify_checks(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "FAIL verify_duplicates"));
	H0_EXPECT(has(fx.human, "1 stale (more than 4194304 behind the newest"));
	H0_EXPECT(has(fx.json, "\"stale\":1,"));
	fx_free(&fx);
}

/*
 * Ctrl-C after 5234 of 100000 frames: every check of what was sent may
 * pass, the peer's "expected" is what was sent, and still the run did not
 * complete: exit 1, and both outputs say it was interrupted.
 */
H0_TEST(interrupted_send_fails)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 100000 --no-probe --verify=eth1"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 100000));
	fx_sent(&fx, 5234);
	fx_feed(&fx, &fx.cfg, 0, 5234);
	fx.v.t.expected = 5234;			/* h0_verify_join() */
	fx.r.stop_signal = SIGINT;
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "FAIL completed"));
	H0_EXPECT(has(fx.human, "interrupted by SIGINT after 5234 of 100000 frames"));
	H0_EXPECT(has(fx.human, "result: INTERRUPTED (exit 1)"));
	H0_EXPECT(!strstr(fx.human, "PASS"));
	H0_EXPECT(has(fx.json, "\"interrupted\":\"SIGINT\",\"result\":\"interrupted\","
		      "\"exit\":1}"));
	fx_free(&fx);
}

H0_TEST(interrupted_duration_fails)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -d 60 --no-probe"));
	fx_sent(&fx, 1000);
	fx.st.elapsed = 12.5;
	fx.r.stop_signal = SIGTERM;
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "interrupted by SIGTERM after 12.5 of 60 s (-d)"));
	H0_EXPECT(has(fx.json, "\"interrupted\":\"SIGTERM\""));
	fx_free(&fx);
}

/* Receive-only without -n: everything received was good, still not done. */
H0_TEST(interrupted_verify_only_fails)
{
	struct h0_frame_cfg sender;
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -s 128"));
	sender = sender_cfg(&fx, mac_a, mac_b, 9);
	fx_feed(&fx, &sender, 0, 300);
	fx.r.stop_signal = SIGINT;
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "result: INTERRUPTED (exit 1)"));
	H0_EXPECT(has(fx.json, "\"result\":\"interrupted\""));
	fx_free(&fx);
}

/* The same run without a signal passes, and says it is not interrupted. */
H0_TEST(finished_send_passes)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 5234 --no-probe --verify=eth1"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 5234));
	fx_sent(&fx, 5234);
	fx_feed(&fx, &fx.cfg, 0, 5234);
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(!strstr(fx.human, "interrupted"));
	H0_EXPECT(has(fx.human, "result: PASS (exit 0)"));
	H0_EXPECT(has(fx.json, "\"interrupted\":null,\"result\":\"pass\",\"exit\":0}"));
	fx_free(&fx);
}

/*
 * The receive socket failed (here ENETDOWN: bound to a down interface, or
 * it went down): nothing was checked, so it is a setup error, exit 2, with
 * the cause and the fix; not "frames lost", exit 1.
 */
H0_TEST(verify_receive_error_is_setup_error)
{
	static const int errs[] = { ENETDOWN, ENODEV, ENOBUFS, EIO };
	size_t i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		struct fixture fx;

		H0_REQUIRE(!fx_verify_only(&fx, "--verify -i eth1 -n 100"));
		fx.v.err = errs[i];
		h0_result_finish(&fx.r);
		H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_USAGE);
		fx_report(&fx);
		H0_EXPECT(has(fx.human, "FAIL receiver"));
		H0_EXPECT(has(fx.human, "receive on eth1 failed: "));
		H0_EXPECT(has(fx.human, strerror(errs[i])));
		H0_EXPECT(has(fx.human, "result: ERROR (exit 2)"));
		H0_EXPECT(has(fx.json, "\"result\":\"error\",\"exit\":2}"));
		if (errs[i] == ENETDOWN)
			H0_EXPECT(has(fx.human, "bring it up with 'ip link set dev eth1 up'"));
		fx_free(&fx);
	}
}

/* The peer in send mode: the same, even after an interrupt. */
H0_TEST(peer_receive_error_is_setup_error)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 100 --no-probe --verify=eth1"));
	H0_REQUIRE(!fx_verify(&fx, "eth1", H0_KNOWN_ALL, 100));
	fx_sent(&fx, 100);
	fx.v.err = ENETDOWN;
	fx.r.stop_signal = SIGINT;
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_USAGE);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "result: ERROR (exit 2)"));
	fx_free(&fx);
}

/* Up front: a receiving (or sending) interface that is down or dark. */
H0_TEST(netdev_check_up)
{
	/* No such interface: the wait for a carrier cannot end early. */
	struct h0_netdev nd = { .name = "h0nosuchif0" };
	char err[512];

	nd.flags = 0;
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, false, err, sizeof(err)), -1);
	H0_EXPECT(has(err, "h0nosuchif0 is down"));
	H0_EXPECT(has(err, "ip link set dev h0nosuchif0 up"));
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, true, err, sizeof(err)), -1);
	H0_EXPECT(has(err, "ip link set dev h0nosuchif0 up"));
	nd.flags = IFF_UP;
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, false, err, sizeof(err)), -1);
	H0_EXPECT(has(err, "no carrier"));
	H0_EXPECT(has(err, "after 3 s"));
	H0_EXPECT(has(err, "no frame can arrive"));
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, true, err, sizeof(err)), -1);
	H0_EXPECT(has(err, "__dev_direct_xmit() would drop every frame"));
	nd.flags = IFF_UP | IFF_RUNNING;
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, false, err, sizeof(err)), 0);
	H0_EXPECT_EQ(h0_netdev_check_up(&nd, true, err, sizeof(err)), 0);
}

/*
 * "-i eth0 --verify" reads like "send on eth0 and verify", but --verify
 * without a PEER is receive-only on eth0: the report must say so.
 */
H0_TEST(verify_without_peer_noted)
{
	struct fixture fx;

	H0_REQUIRE(!fx_verify_only(&fx, "-i eth0 --verify -n 10"));
	fx_feed(&fx, &fx.cfg, 0, 10);
	h0_result_finish(&fx.r);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "receive-only on eth0"));
	H0_EXPECT(has(fx.human, "nothing is sent"));
	H0_EXPECT(has(fx.human, "--verify=PEER"));
	H0_EXPECT(has(fx.json, "\"note\":\"receive-only on eth0"));
	fx_free(&fx);
}

/* Sending, with or without a peer: no such note. */
H0_TEST(send_has_no_mode_note)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 --verify=eth1 --no-probe"));
	fx_sent(&fx, 10);
	h0_result_finish(&fx.r);
	fx_report(&fx);
	H0_EXPECT(!strstr(fx.human, "receive-only"));
	H0_EXPECT(has(fx.json, "\"note\":null"));
	fx_free(&fx);
}

/*
 * e1000e, probe on e1000's e1000_xmit_frame: 1000 frames sent, all of them
 * through __dev_direct_xmit and out of the interface, none at the probed
 * function. That is no measurement: say so, and fail the --expect-* check.
 */
static void fx_probe_saw_none(struct fixture *fx)
{
	fx_sent(fx, 1000);
	fx_probe(fx);
	snprintf(fx->probe.driver_sym, sizeof(fx->probe.driver_sym), "e1000_xmit_frame [e1000e]");
	snprintf(fx->probe.attach, sizeof(fx->probe.attach), "fentry:e1000_xmit_frame [e1000e] "
		 "(driver ndo_start_xmit; fentry:__dev_direct_xmit marks our skbs)");
	memset(&fx->r.counts.driver, 0, sizeof(fx->r.counts.driver));
	fx->r.counts.direct.skbs = 1000;
	fx->r.counts.direct.linear = 1000;
	fx->r.dev_tx_packets = 1000;
	fx->r.dev_tx_dropped = 0;
}

H0_TEST(probe_saw_none_fails_expect)
{
	static const char *const cmds[] = {
		"-i eth0 -n 1000 -s 512 --expect-linear",
		"-i eth0 -n 1000 -s 512 --expect-headlen0=0",
	};
	struct fixture fx;
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		H0_REQUIRE(!fx_init(&fx, cmds[i]));
		fx_probe_saw_none(&fx);
		h0_result_finish(&fx.r);
		H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_FAIL);
		H0_REQUIRE(fx.r.nchecks > 0);
		H0_EXPECT(!fx.r.checks[fx.r.nchecks - 1].ok);
		H0_EXPECT(has(fx.r.checks[fx.r.nchecks - 1].detail, "no measurement"));
		H0_EXPECT(has(fx.r.checks[fx.r.nchecks - 1].detail,
			      "saw none of our skbs"));
		fx_report(&fx);
		H0_EXPECT(has(fx.human, "headlen-0 share        NOT MEASURED: "));
		H0_EXPECT(has(fx.human, "result: FAIL (exit 1)"));
		H0_EXPECT(has(fx.json, "\"measured\":false,\"not_measured\":\""));
		H0_EXPECT(has(fx.json, "\"headlen0_pct\":null,"));
		printf("  %s\n", fx.r.checks[fx.r.nchecks - 1].detail);
		fx_free(&fx);
	}
}

/* Without --expect-* the run's checks stand, and the report still says so. */
H0_TEST(probe_saw_none_says_so)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 1000 -s 512"));
	fx_probe_saw_none(&fx);
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "headlen-0 share        NOT MEASURED: the probe at "
		      "e1000_xmit_frame [e1000e] saw none of our skbs"));
	H0_EXPECT(has(fx.human, "1000 passed __dev_direct_xmit"));
	H0_EXPECT(has(fx.json, "\"measured\":false,"));
	H0_EXPECT(has(fx.json, "\"headlen0_pct\":null,"));
	fx_free(&fx);
}

/* A measurement: "measured" true, the share a number. */
H0_TEST(probe_measured_reports_share)
{
	struct fixture fx;

	H0_REQUIRE(!fx_init(&fx, "-i eth0 -n 1000 -s 1514 --expect-headlen0=100"));
	fx_sent(&fx, 1000);
	fx_probe(&fx);
	h0_result_finish(&fx.r);
	H0_EXPECT_EQ(fx.r.exit_code, H0_EXIT_OK);
	fx_report(&fx);
	H0_EXPECT(has(fx.human, "headlen-0 share        100.0% (1000 of 1000 of our skbs "
		      "at the driver)"));
	H0_EXPECT(has(fx.json, "\"measured\":true,\"not_measured\":null,"));
	H0_EXPECT(has(fx.json, "\"headlen0_pct\":100.000,"));
	fx_free(&fx);
}

int main(void)
{
	H0_RUN(jsonv_rejects_invalid);
	H0_RUN(json_str_escapes_ascii);
	H0_RUN(json_str_escapes_non_utf8);
	H0_RUN(json_str_any_bytes_valid);
	H0_RUN(report_json_valid_with_odd_ifname);
	H0_RUN(send_all_good_passes);
	H0_RUN(send_missing_completion_fails);
	H0_RUN(send_with_peer_counts_every_frame);
	H0_RUN(verify_only_learns_from_first_frame);
	H0_RUN(verify_only_honours_given_macs);
	H0_RUN(verify_only_learns_src_for_given_dst);
	H0_RUN(verify_only_learns_dst_for_given_src);
	H0_RUN(verify_length_mismatch_named);
	H0_RUN(verify_byte_corruption_has_offset);
	H0_RUN(sub_header_peer_counts_padded_frames);
	H0_RUN(sub_header_dirty_padding_fails);
	H0_RUN(sub_header_dirty_header_positions_lost);
	H0_RUN(sub_header_read_past_end_named);
	H0_RUN(sub_header_verify_only_given_macs);
	H0_RUN(sub_header_loss_counted);
	H0_RUN(verify_stale_fails_duplicates);
	H0_RUN(interrupted_send_fails);
	H0_RUN(interrupted_duration_fails);
	H0_RUN(interrupted_verify_only_fails);
	H0_RUN(finished_send_passes);
	H0_RUN(verify_receive_error_is_setup_error);
	H0_RUN(peer_receive_error_is_setup_error);
	H0_RUN(netdev_check_up);
	H0_RUN(verify_without_peer_noted);
	H0_RUN(send_has_no_mode_note);
	H0_RUN(probe_saw_none_fails_expect);
	H0_RUN(probe_saw_none_says_so);
	H0_RUN(probe_measured_reports_share);
	return h0_test_done();
}
