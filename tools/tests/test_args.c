// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the headlen0_tx argument parser (args.c).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "../args.h"
#include "h0test.h"

#define MAXARGS 64

/* Split @line on spaces into argv (argv[0] = "headlen0_tx"). */
static int split(char *line, char *argv[MAXARGS])
{
	int argc = 0;
	char *tok, *save = NULL;

	argv[argc++] = "headlen0_tx";
	for (tok = strtok_r(line, " ", &save); tok && argc < MAXARGS - 1;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	return argc;
}

/* Parse @cmd; the message (if any) into @err for the substring checks. */
static enum h0_parse_result parse(const char *cmd, struct h0_opts *o, char *err, size_t errlen)
{
	char line[512], *argv[MAXARGS], *msg;
	enum h0_parse_result r;
	int argc;

	snprintf(line, sizeof(line), "%s", cmd);
	argc = split(line, argv);
	r = h0_parse_args(argc, argv, o, &msg);
	snprintf(err, errlen, "%s", msg ? msg : "");
	if (r == H0_PARSE_ERR && !msg)
		printf("  '%s': no message\n", cmd);
	if (r != H0_PARSE_ERR && msg)
		printf("  '%s': a message without an error: %s\n", cmd, msg);
	free(msg);
	return r;
}

struct args_case {
	const char *name;
	const char *cmd;
	enum h0_parse_result want;
	const char *err_has;		/* substring of the error message */
};

static const struct args_case cases[] = {
	{ "minimal",		"-i eth0",				H0_PARSE_OK, NULL },
	{ "help",		"-h",					H0_PARSE_HELP, NULL },
	{ "help_long",		"-i eth0 --help",			H0_PARSE_HELP, NULL },
	{ "no_iface",		"-s 64",				H0_PARSE_ERR, "-i IFACE" },
	{ "iface_too_long",	"-i abcdefghijklmnopq",			H0_PARSE_ERR, "interface name" },
	{ "iface_slash",	"-i a/b",				H0_PARSE_ERR, "interface name" },
	{ "size_min",		"-i eth0 -s 14",			H0_PARSE_OK, NULL },
	{ "size_too_small",	"-i eth0 -s 13",			H0_PARSE_ERR, "add --sub-header" },
	{ "size_one_no_flag",	"-i eth0 -s 1",				H0_PARSE_ERR,
	  "shorter than the 14-byte Ethernet header" },
	{ "size_zero",		"-i eth0 -s 0",				H0_PARSE_ERR, "out of range 1..65535" },
	{ "sub_header_zero",	"-i eth0 --sub-header -s 0",		H0_PARSE_ERR, "out of range 1..65535" },
	{ "sub_header_1",	"-i eth0 --sub-header -s 1",		H0_PARSE_OK, NULL },
	{ "sub_header_after",	"-i eth0 -s 13 --sub-header",		H0_PARSE_OK, NULL },
	{ "sub_header_large",	"-i eth0 --sub-header -s 1514",		H0_PARSE_OK, NULL },
	{ "sub_header_value",	"-i eth0 --sub-header=1 -s 5",		H0_PARSE_ERR, "takes no value" },
	{ "sub_header_udp",	"-i eth0 --sub-header --udp -s 13",	H0_PARSE_ERR, "42 bytes" },
	{ "sub_header_mb",	"-i eth0 --sub-header -s 5 --mb 5",	H0_PARSE_OK, NULL },
	{ "sub_header_mb_big",	"-i eth0 --sub-header -s 5 --mb 6",	H0_PARSE_ERR, "at least one byte" },
	{ "sub_header_peer",	"-i eth0 --sub-header -s 6 --verify=eth1", H0_PARSE_OK, NULL },
	{ "sub_header_rx_nomac", "--verify -i eth1 --sub-header -s 5",	H0_PARSE_ERR,
	  "give --src-mac and --dst-mac" },
	{ "sub_header_rx_src",	"--verify -i eth1 --sub-header -s 12 --src-mac 02:00:00:00:00:01",
									H0_PARSE_ERR, "--dst-mac" },
	{ "sub_header_rx_macs",	"--verify -i eth1 --sub-header -s 5 --src-mac 02:00:00:00:00:01 "
				"--dst-mac ff:ff:ff:ff:ff:ff",		H0_PARSE_OK, NULL },
	{ "sub_header_rx_noflag", "--verify -i eth1 -s 5 --src-mac 02:00:00:00:00:01 "
				"--dst-mac ff:ff:ff:ff:ff:ff",		H0_PARSE_ERR, "--sub-header" },
	{ "size_too_big",	"-i eth0 -s 65536",			H0_PARSE_ERR, "out of range" },
	{ "size_negative",	"-i eth0 -s -5",			H0_PARSE_ERR, "not a number" },
	{ "size_junk",		"-i eth0 -s 64k",			H0_PARSE_ERR, "not a number" },
	{ "size_empty",		"-i eth0 --size=",			H0_PARSE_ERR, "not a number" },
	{ "size_overflow",	"-i eth0 -s 99999999999999999999999",	H0_PARSE_ERR, "out of range" },
	{ "size_missing_value",	"-i eth0 -s",				H0_PARSE_ERR, "needs a value" },
	{ "udp_min",		"-i eth0 --udp -s 42",			H0_PARSE_OK, NULL },
	{ "udp_too_small",	"-i eth0 --udp -s 41",			H0_PARSE_ERR, "42 bytes" },
	{ "udp_and_raw",	"-i eth0 --udp --raw",			H0_PARSE_ERR, "choose one" },
	{ "count_and_duration",	"-i eth0 -n 5 -d 5",			H0_PARSE_ERR, "-n and -d" },
	{ "count_zero",		"-i eth0 -n 0",				H0_PARSE_ERR, "out of range" },
	{ "duration",		"-i eth0 -d 10",			H0_PARSE_OK, NULL },
	{ "batch_zero",		"-i eth0 -b 0",				H0_PARSE_ERR, "out of range" },
	{ "batch_big",		"-i eth0 -b 4096",			H0_PARSE_ERR, "out of range" },
	{ "batch_vs_frames",	"-i eth0 -b 2048 --frames 2048",	H0_PARSE_ERR, "--frames" },
	{ "rate_zero",		"-i eth0 -r 0",				H0_PARSE_ERR, "out of range" },
	{ "chunk_not_pow2",	"-i eth0 -f 3000",			H0_PARSE_ERR, "power of two" },
	{ "chunk_unaligned",	"-i eth0 -f 3000 --unaligned",		H0_PARSE_OK, NULL },
	{ "chunk_too_big",	"-i eth0 -f 8192",			H0_PARSE_ERR, "out of range" },
	{ "frame_vs_chunk",	"-i eth0 -s 9014",			H0_PARSE_ERR, "larger than its" },
	{ "frame_split",	"-i eth0 -s 9014 --mb 3",		H0_PARSE_OK, NULL },
	{ "mb_copy_path_max",	"-i eth0 --mb 18",			H0_PARSE_OK, NULL },
	{ "mb_too_many",	"-i eth0 --mb 19",			H0_PARSE_ERR, "MAX_SKB_FRAGS" },
	{ "mb_vs_size",		"-i eth0 -s 14 --mb 15",		H0_PARSE_ERR, "at least one byte" },
	{ "sndbuf",		"-i eth0 --sndbuf 16777216",		H0_PARSE_OK, NULL },
	{ "sndbuf_small",	"-i eth0 --sndbuf 4095",		H0_PARSE_ERR, "4096..1073741824" },
	{ "sndbuf_large",	"-i eth0 --sndbuf 1073741825",		H0_PARSE_ERR, "out of range" },
	{ "no_check",		"-i eth0 --no-check --no-probe",	H0_PARSE_OK, NULL },
	{ "no_check_verify",	"-i eth0 --no-check --verify=eth1",	H0_PARSE_ERR, "sequence" },
	{ "sndbuf_receiver",	"--verify -i eth1 --sndbuf 65536",	H0_PARSE_ERR, "sender option" },
	{ "no_check_receiver",	"--verify -i eth1 --no-check",		H0_PARSE_ERR, "sender option" },
	{ "mac_ok",		"-i eth0 --src-mac 02:00:00:00:00:01 --dst-mac aa-bb-cc-dd-ee-ff",
									H0_PARSE_OK, NULL },
	{ "mac_bad",		"-i eth0 --dst-mac 02:00:00:00:00",	H0_PARSE_ERR, "MAC" },
	{ "mac_trailing",	"-i eth0 --dst-mac 02:00:00:00:00:01:",	H0_PARSE_ERR, "MAC" },
	{ "ip_bad",		"-i eth0 --udp --dst-ip 300.1.1.1",	H0_PARSE_ERR, "IPv4" },
	{ "unknown_long",	"-i eth0 --bogus",			H0_PARSE_ERR, "unknown option '--bogus'" },
	{ "unknown_short",	"-i eth0 -Z",				H0_PARSE_ERR, "unknown option '-Z'" },
	{ "positional",		"-i eth0 extra",			H0_PARSE_ERR, "unexpected argument" },
	{ "flag_with_value",	"-i eth0 --json=1",			H0_PARSE_ERR, "takes no value" },
	{ "expect_h0",		"-i eth0 --expect-headlen0=100",	H0_PARSE_OK, NULL },
	{ "expect_h0_range",	"-i eth0 --expect-headlen0=101",	H0_PARSE_ERR, "out of range" },
	{ "expect_both",	"-i eth0 --expect-headlen0=1 --expect-linear", H0_PARSE_ERR, "choose one" },
	{ "expect_no_probe",	"-i eth0 --expect-linear --no-probe",	H0_PARSE_ERR, "--no-probe" },
	{ "verify_only",	"--verify -i eth1 -n 100 -s 64 --timeout 3", H0_PARSE_OK, NULL },
	{ "verify_peer_space",	"--verify eth1 -i eth0",		H0_PARSE_OK, NULL },
	{ "verify_peer_eq",	"-i eth0 --verify=eth1",		H0_PARSE_OK, NULL },
	{ "verify_peer_self",	"-i eth0 --verify=eth0",		H0_PARSE_ERR, "sending interface" },
	{ "verify_sender_opt",	"--verify -i eth1 -b 32",		H0_PARSE_ERR, "sender option" },
	{ "verify_sender_peer",	"-i eth0 --verify -b 32",		H0_PARSE_ERR, "--verify=PEER" },
	{ "timeout_zero",	"--verify -i eth1 --timeout 0",		H0_PARSE_ERR, "out of range" },
	{ "queue_big",		"-i eth0 -q 70000",			H0_PARSE_ERR, "out of range" },
	{ "run_id_hex",		"-i eth0 --run-id 0xdeadbeef",		H0_PARSE_OK, NULL },
	{ "run_id_big",		"-i eth0 --run-id 0x100000000",		H0_PARSE_ERR, "out of range" },
};

/* Every row of the table is one test case, reported by its name. */
static void run_table(void)
{
	char name[64], err[256];
	struct h0_opts o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct args_case *c = &cases[i];
		enum h0_parse_result r = parse(c->cmd, &o, err, sizeof(err));

		snprintf(name, sizeof(name), "args_%s", c->name);
		if (r != c->want) {
			printf("  case %s: got %d want %d (%s)\n", c->name, r, c->want, err);
			h0_test_failed_now = 1;
			h0_test_record(name);
			continue;
		}
		if (c->err_has && !strstr(err, c->err_has)) {
			printf("  case %s: error '%s' lacks '%s'\n", c->name, err, c->err_has);
			h0_test_failed_now = 1;
		}
		if (r == H0_PARSE_ERR && !err[0]) {
			printf("  case %s: empty error message\n", c->name);
			h0_test_failed_now = 1;
		}
		h0_test_record(name);
	}
}

H0_TEST(defaults)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("-i eth0", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!strcmp(o.ifname, "eth0"));
	H0_EXPECT_EQ(o.mode, H0_MODE_SEND);
	H0_EXPECT_EQ(o.tmpl, H0_TMPL_RAW);
	H0_EXPECT_EQ(o.size, H0_DEFAULT_SIZE);
	H0_EXPECT_EQ(o.count, H0_DEFAULT_COUNT);
	H0_EXPECT_EQ(o.batch, H0_DEFAULT_BATCH);
	H0_EXPECT_EQ(o.chunk_size, 4096);
	H0_EXPECT_EQ(o.mb, 1);
	H0_EXPECT_EQ(o.queue, 0);
	H0_EXPECT_EQ(o.rate, 0);
	H0_EXPECT(o.probe);
	H0_EXPECT(o.progress);
	H0_EXPECT(!o.json);
	H0_EXPECT(!o.unaligned);
	H0_EXPECT(!o.src_mac_set);
	H0_EXPECT(!o.run_id_set);
	H0_EXPECT_EQ(o.expect_headlen0, -1);
	H0_EXPECT_EQ(o.dst_mac[0], 0xff);
	H0_EXPECT_EQ(o.dst_mac[5], 0xff);
	H0_EXPECT_EQ(ntohl(o.dst_ip), 0xc0000202);
}

H0_TEST(values)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("-iveth0 -q3 -s 1514 --count=42 -b 16 -r 1000 -f 2048 --frames 8192 "
			   "--unaligned --mb 2 --udp --src-mac 02:00:00:00:00:01 "
			   "--dst-mac 02:00:00:00:00:02 --src-ip 10.0.0.1 --dst-ip 10.0.0.2 "
			   "--port 4791 --run-id 7 --json --no-probe --no-progress",
			   &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!strcmp(o.ifname, "veth0"));
	H0_EXPECT_EQ(o.queue, 3);
	H0_EXPECT_EQ(o.size, 1514);
	H0_EXPECT_EQ(o.count, 42);
	H0_EXPECT(o.count_set);
	H0_EXPECT_EQ(o.batch, 16);
	H0_EXPECT_EQ(o.rate, 1000);
	H0_EXPECT_EQ(o.chunk_size, 2048);
	H0_EXPECT_EQ(o.frames, 8192);
	H0_EXPECT(o.unaligned);
	H0_EXPECT_EQ(o.mb, 2);
	H0_EXPECT_EQ(o.tmpl, H0_TMPL_UDP);
	H0_EXPECT_EQ(o.src_mac[5], 1);
	H0_EXPECT(o.src_mac_set);
	H0_EXPECT_EQ(o.dst_mac[5], 2);
	H0_EXPECT_EQ(ntohl(o.src_ip), 0x0a000001);
	H0_EXPECT_EQ(ntohl(o.dst_ip), 0x0a000002);
	H0_EXPECT_EQ(o.udp_port, 4791);
	H0_EXPECT_EQ(o.run_id, 7);
	H0_EXPECT(o.run_id_set);
	H0_EXPECT(o.json);
	H0_EXPECT(!o.probe);
	H0_EXPECT(!o.progress);
}

H0_TEST(duration_clears_count)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("-i eth0 -d 3", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.duration, 3);
	H0_EXPECT_EQ(o.count, 0);
}

H0_TEST(verify_modes)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("--verify -i eth1 -n 100 -s 128 --udp --timeout 2",
			   &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.mode, H0_MODE_VERIFY);
	H0_EXPECT(!strcmp(o.ifname, "eth1"));
	H0_EXPECT(!o.verify_peer[0]);
	H0_EXPECT_EQ(o.count, 100);
	H0_EXPECT_EQ(o.timeout, 2);

	H0_EXPECT_EQ(parse("--verify -i eth1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.count, 0);	/* unknown */

	H0_EXPECT_EQ(parse("-i eth0 --verify eth1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.mode, H0_MODE_SEND);
	H0_EXPECT(!strcmp(o.verify_peer, "eth1"));

	H0_EXPECT_EQ(parse("-i eth0 --verify=eth1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.mode, H0_MODE_SEND);
	H0_EXPECT(!strcmp(o.verify_peer, "eth1"));
}

/* Receive-only mode filters on the addresses given, learns the others. */
H0_TEST(verify_macs_given_are_set)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("--verify -i eth1 --dst-mac 02:00:00:00:00:02", &o, err, sizeof(err)),
		     H0_PARSE_OK);
	H0_EXPECT(o.dst_mac_set);
	H0_EXPECT(!o.src_mac_set);
	H0_EXPECT_EQ(o.dst_mac[5], 2);
	H0_EXPECT_EQ(parse("--verify -i eth1 --src-mac 02:00:00:00:00:01", &o, err, sizeof(err)),
		     H0_PARSE_OK);
	H0_EXPECT(o.src_mac_set);
	H0_EXPECT(!o.dst_mac_set);
	H0_EXPECT_EQ(parse("--verify -i eth1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!o.src_mac_set);
	H0_EXPECT(!o.dst_mac_set);
}

/* The note for "-i X --verify": there in receive-only mode, only there. */
H0_TEST(mode_note)
{
	struct h0_opts o;
	char err[256], note[256];

	H0_EXPECT_EQ(parse("-i eth0 --verify", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(h0_mode_note(&o, note, sizeof(note)) == note);
	H0_EXPECT(strstr(note, "receive-only on eth0"));
	H0_EXPECT(strstr(note, "--verify=PEER"));
	H0_EXPECT_EQ(parse("-i eth0 --verify eth1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!h0_mode_note(&o, note, sizeof(note)));
	H0_EXPECT_EQ(parse("-i eth0", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!h0_mode_note(&o, note, sizeof(note)));
}

H0_TEST(parse_u64_edges)
{
	uint64_t v = 0;

	H0_EXPECT_EQ(h0_parse_u64("0", 0, 10, &v), 0);
	H0_EXPECT_EQ(v, 0);
	H0_EXPECT_EQ(h0_parse_u64("0x10", 0, 100, &v), 0);
	H0_EXPECT_EQ(v, 16);
	H0_EXPECT(h0_parse_u64("", 0, 10, &v) < 0);
	H0_EXPECT(h0_parse_u64(" 5", 0, 10, &v) < 0);
	H0_EXPECT(h0_parse_u64("+5", 0, 10, &v) < 0);
	H0_EXPECT(h0_parse_u64("5 ", 0, 10, &v) < 0);
	H0_EXPECT(h0_parse_u64("11", 0, 10, &v) < 0);
	H0_EXPECT(h0_parse_u64("18446744073709551616", 0, UINT64_MAX, &v) < 0);
	H0_EXPECT(h0_parse_u64(NULL, 0, 10, &v) < 0);
}

H0_TEST(null_and_odd_argv)
{
	char *argv1[] = { "headlen0_tx", NULL };
	char *argv2[] = { "headlen0_tx", "-", NULL };
	char *argv3[] = { "headlen0_tx", "--", NULL };
	char *argv4[] = { "headlen0_tx", "--=x", NULL };
	char *const *argvs[] = { argv1, argv2, argv3, argv4 };
	struct h0_opts o;
	char *err;
	size_t i;

	for (i = 0; i < sizeof(argvs) / sizeof(argvs[0]); i++) {
		H0_EXPECT_EQ(h0_parse_args(i ? 2 : 1, argvs[i], &o, &err), H0_PARSE_ERR);
		H0_EXPECT(err && err[0]);
		free(err);
	}
	H0_EXPECT_EQ(h0_parse_args(0, argv1, &o, NULL), H0_PARSE_ERR);	/* no message wanted */
}

/*
 * An argument of any length is quoted whole, and the cause and the fix
 * after it are never cut off (the message had 512 bytes before).
 */
H0_TEST(long_argument_message_complete)
{
	static const struct {
		const char *opt;
		const char *fix;
	} cases[] = {
		{ "-s", "give the frame bytes including the 14-byte Ethernet header" },
		{ "-i", "e.g. -i eth0" },
		{ "--dst-mac", "write it as 02:00:00:00:00:02" },
		{ "--port", "give 1..65535" },
		{ "--verify", "give the receiving interface, e.g. --verify=eth1" },
		{ "--udp --src-ip", "write it as 192.0.2.1" },
		{ NULL, "see -h for the options" },	/* unknown option --999... */
	};
	const size_t n = 100000;	/* near MAX_ARG_STRLEN (128 KiB) */
	char *val = malloc(n + 3);
	size_t i;

	H0_REQUIRE(val);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char opts[32], *argv[8], *err = NULL, *tok, *save = NULL;
		struct h0_opts o;
		int argc = 0;

		memset(val, '9', n + 2);
		val[n + 2] = '\0';
		argv[argc++] = "headlen0_tx";
		if (cases[i].opt) {
			snprintf(opts, sizeof(opts), "%s", cases[i].opt);
			for (tok = strtok_r(opts, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
				argv[argc++] = tok;
			argv[argc++] = val + 2;
		} else {
			val[0] = val[1] = '-';
			argv[argc++] = val;
		}
		argv[argc] = NULL;
		H0_EXPECT_EQ(h0_parse_args(argc, argv, &o, &err), H0_PARSE_ERR);
		H0_REQUIRE(err);
		H0_EXPECT(strstr(err, val + 2));
		H0_EXPECT(strstr(err, cases[i].fix));
		if (!strstr(err, cases[i].fix))
			printf("  %s: ends '%s'\n", cases[i].opt ? cases[i].opt : "--999...",
			       err + strlen(err) - (strlen(err) > 80 ? 80 : strlen(err)));
		free(err);
	}
	free(val);
}

/* --sub-header only opens the range: -s stays what it says. */
H0_TEST(sub_header_values)
{
	struct h0_opts o;
	char err[256];

	H0_EXPECT_EQ(parse("-i eth0 --sub-header -s 1", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.size, 1);
	H0_EXPECT(o.sub_header);
	H0_EXPECT_EQ(o.tmpl, H0_TMPL_RAW);
	H0_EXPECT_EQ(parse("-i eth0 --sub-header", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT_EQ(o.size, H0_DEFAULT_SIZE);
	H0_EXPECT_EQ(parse("-i eth0 -s 64", &o, err, sizeof(err)), H0_PARSE_OK);
	H0_EXPECT(!o.sub_header);
}

H0_TEST(usage_text)
{
	const char *u = h0_usage();

	H0_EXPECT(strstr(u, "--verify"));
	H0_EXPECT(strstr(u, "--mb"));
	H0_EXPECT(strstr(u, "--sndbuf"));
	H0_EXPECT(strstr(u, "--no-check"));
	H0_EXPECT(strstr(u, "--sub-header"));
	H0_EXPECT(strstr(u, "--unaligned"));
	H0_EXPECT(strstr(u, "exit status"));
	H0_EXPECT(strstr(u, "1  a check failed, or SIGINT/SIGTERM interrupted the run"));
}

/* Random argv from a pool of tokens: the parser must never crash or leak. */
H0_TEST(fuzz_no_crash)
{
	static char *const pool[] = {
		"-i", "eth0", "-q", "-s", "-n", "-d", "-b", "-r", "-f", "--frames", "-u",
		"--mb", "--src-mac", "--dst-mac", "--udp", "--raw", "--src-ip", "--dst-ip",
		"--port", "--run-id", "--json", "--verify", "--verify=eth1", "--timeout",
		"--probe", "--no-probe", "--expect-headlen0", "--expect-linear", "-h", "0",
		"--sndbuf", "--no-check", "--sub-header",
		"1", "13", "14", "64", "4096", "65535", "99999999999999999999", "-1", "", "x",
		"0x", "02:00:00:00:00:01", "1.2.3.4", "--", "-", "--size=", "-s1514",
		"-iveth0", "--mb=17", "--expect-headlen0=100", "abcdefghijklmnopqrstuvwxyz",
	};
	unsigned int seed = 12345, i, j;
	char *argv[12], *err;
	struct h0_opts o;

	for (i = 0; i < 20000; i++) {
		int argc = 1 + (int)(rand_r(&seed) % 11);
		enum h0_parse_result r;

		argv[0] = "headlen0_tx";
		for (j = 1; j < (unsigned int)argc; j++)
			argv[j] = pool[rand_r(&seed) % (sizeof(pool) / sizeof(pool[0]))];
		argv[argc] = NULL;
		r = h0_parse_args(argc, argv, &o, &err);
		H0_EXPECT(r == H0_PARSE_OK || r == H0_PARSE_HELP || r == H0_PARSE_ERR);
		if (r == H0_PARSE_ERR && (!err || !err[0])) {
			H0_EXPECT(err && err[0]);
			free(err);
			break;
		}
		free(err);
		if (r == H0_PARSE_OK) {
			H0_EXPECT(o.ifname[0]);
			H0_EXPECT(o.size >= H0_SIZE_MIN && o.size <= H0_SIZE_MAX);
			H0_EXPECT(o.mb >= 1 && o.mb <= o.size);
		}
	}
}

int main(void)
{
	run_table();
	H0_RUN(defaults);
	H0_RUN(values);
	H0_RUN(duration_clears_count);
	H0_RUN(verify_modes);
	H0_RUN(verify_macs_given_are_set);
	H0_RUN(mode_note);
	H0_RUN(parse_u64_edges);
	H0_RUN(null_and_odd_argv);
	H0_RUN(long_argument_message_complete);
	H0_RUN(sub_header_values);
	H0_RUN(usage_text);
	H0_RUN(fuzz_no_crash);
	return h0_test_done();
}
