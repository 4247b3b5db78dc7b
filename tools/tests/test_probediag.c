// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the diagnosis of a probe that cannot attach
 * (probediag.c): one case per cause, each from the facts alone, and the
 * parsers of the files the facts come from.
 */
#include <errno.h>
#include <string.h>

#include "../probediag.h"
#include "h0test.h"

#define ENOTSUPP_KERNEL	524

/* A healthy system where both kinds were tried and failed with @ferr / @kerr. */
static struct h0_attach_facts facts(int ferr, const char *fstep, int kerr, const char *kstep)
{
	struct h0_attach_facts f = {
		.caps_known = true, .cap_bpf = true, .cap_perfmon = true,
		.cap_sys_admin = true, .userns = 0, .kprobe_pmu = 1,
		.fentry = { .tried = true, .err = ferr },
		.kprobe = { .tried = true, .err = kerr },
	};

	strcpy(f.lockdown, "none");
	snprintf(f.fentry.step, sizeof(f.fentry.step), "%s", fstep);
	snprintf(f.kprobe.step, sizeof(f.kprobe.step), "%s", kstep);
	return f;
}

/* Each case: a healthy system (facts()), then one thing changed. */
static void set_no_btf(struct h0_attach_facts *f)
{
	f->btf_err = ENOENT;
	f->fentry.err = ESRCH;
	f->kprobe.err = ESRCH;
}

static void set_btf_unreadable(struct h0_attach_facts *f)
{
	f->btf_err = EACCES;
}

static void set_lockdown_confidentiality(struct h0_attach_facts *f)
{
	strcpy(f->lockdown, "confidentiality");
	f->fentry.err = EINVAL;
}

static void set_lockdown_integrity(struct h0_attach_facts *f)
{
	strcpy(f->lockdown, "integrity");
}

static void set_no_bpf_no_perfmon(struct h0_attach_facts *f)
{
	f->cap_bpf = f->cap_perfmon = f->cap_sys_admin = false;
}

static void set_no_bpf(struct h0_attach_facts *f)
{
	f->cap_bpf = f->cap_sys_admin = false;
}

static void set_sys_admin_only(struct h0_attach_facts *f)
{
	f->cap_bpf = f->cap_perfmon = false;
}

static void set_userns(struct h0_attach_facts *f)
{
	f->userns = 1;
}

static void set_userns_einval(struct h0_attach_facts *f)
{
	f->userns = 1;
	f->fentry.err = EINVAL;
	f->kprobe.err = EINVAL;
}

static void set_fentry_eperm_no_kprobes(struct h0_attach_facts *f)
{
	f->lockdown[0] = '\0';
	f->kprobe_pmu = 0;
	f->kprobe.err = ENOENT;
}

static void set_fentry_enotsupp_no_kprobes(struct h0_attach_facts *f)
{
	f->fentry.err = ENOTSUPP_KERNEL;
	f->kprobe_pmu = 0;
	f->kprobe.err = ENOENT;
}

static void set_fentry_eopnotsupp(struct h0_attach_facts *f)
{
	f->fentry.err = EOPNOTSUPP;
	f->kprobe.err = EINVAL;
}

static void set_kprobe_only(struct h0_attach_facts *f)
{
	f->fentry.tried = false;
	f->kprobe.err = EINVAL;
}

static void set_fentry_only(struct h0_attach_facts *f)
{
	f->kprobe.tried = false;
	f->fentry.err = EINVAL;
}

static void set_unnamed_errno(struct h0_attach_facts *f)
{
	f->fentry.err = 200;
	f->kprobe.err = 200;
}

static const struct {
	const char *name;
	void (*set)(struct h0_attach_facts *f);
	enum h0_attach_cause cause;
	const char *has[4];	/* in the message, besides what works without */
} cases[] = {
	{ "no BTF", set_no_btf, H0_CAUSE_NO_BTF,
	  { "the kernel has no BTF (/sys/kernel/btf/vmlinux missing)", "CONFIG_DEBUG_INFO_BTF=y", "ESRCH" } },
	{ "BTF unreadable", set_btf_unreadable, H0_CAUSE_NO_BTF,
	  { "/sys/kernel/btf/vmlinux Permission denied" } },
	{ "lockdown confidentiality", set_lockdown_confidentiality, H0_CAUSE_LOCKDOWN,
	  { "kernel lockdown in confidentiality mode", "bpf_probe_read_kernel()", "kprobe: attach: EPERM", "lockdown=integrity" } },
	{ "lockdown integrity is no cause", set_lockdown_integrity, H0_CAUSE_REFUSED,
	  { "lockdown integrity, which allows tracing" } },
	{ "CAP_BPF and CAP_PERFMON missing", set_no_bpf_no_perfmon, H0_CAUSE_NO_CAPS,
	  { "missing CAP_BPF and CAP_PERFMON", "setcap" } },
	{ "CAP_BPF missing", set_no_bpf, H0_CAUSE_NO_CAPS,
	  { "missing CAP_BPF:" } },
	{ "CAP_SYS_ADMIN is enough", set_sys_admin_only, H0_CAUSE_REFUSED,
	  { "fentry refused with EPERM (at load)" } },
	{ "user namespace", set_userns, H0_CAUSE_USERNS,
	  { "the process is in a user namespace", "privileged container" } },
	{ "user namespace, not EPERM", set_userns_einval, H0_CAUSE_UNKNOWN,
	  { "fentry: load: EINVAL (Invalid argument)", "H0_DEBUG=1" } },
	{ "fentry EPERM, no kprobes", set_fentry_eperm_no_kprobes, H0_CAUSE_REFUSED,
	  { "fentry refused with EPERM", "no lockdown", "security module", "no kprobes in this kernel" } },
	{ "fentry ENOTSUPP, no kprobes", set_fentry_enotsupp_no_kprobes, H0_CAUSE_UNSUPPORTED,
	  { "fentry is not supported", "ENOTSUPP (524", "no kprobes", "CONFIG_KPROBE_EVENTS" } },
	{ "fentry EOPNOTSUPP, kprobe EINVAL", set_fentry_eopnotsupp, H0_CAUSE_UNSUPPORTED,
	  { "EOPNOTSUPP", "kprobe: attach: EINVAL" } },
	{ "H0_ATTACH=kprobe", set_kprobe_only, H0_CAUSE_UNKNOWN,
	  { "fentry: not tried (H0_ATTACH=kprobe)" } },
	{ "H0_ATTACH=fentry", set_fentry_only, H0_CAUSE_UNKNOWN,
	  { "kprobe: not tried (H0_ATTACH=fentry)" } },
	{ "an errno without a name", set_unnamed_errno, H0_CAUSE_UNKNOWN,
	  { "fentry: load: Unknown error 200" } },
};

H0_TEST(diagnose_each_cause)
{
	char msg[2048];
	size_t i, j;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct h0_attach_facts f = facts(EPERM, "load", EPERM, "attach");
		enum h0_attach_cause c;

		cases[i].set(&f);
		c = h0_attach_diagnose(&f, msg, sizeof(msg));
		if (c != cases[i].cause)
			printf("  %s: cause %d, expected %d: %s\n", cases[i].name, c,
			       cases[i].cause, msg);
		H0_EXPECT_EQ(c, cases[i].cause);
		H0_EXPECT(!strncmp(msg, "cannot attach the BPF probe: ", 29));
		H0_EXPECT(strstr(msg, H0_PROBE_WITHOUT));
		for (j = 0; j < 4 && cases[i].has[j]; j++) {
			if (!strstr(msg, cases[i].has[j]))
				printf("  %s: '%s' not in: %s\n", cases[i].name,
				       cases[i].has[j], msg);
			H0_EXPECT(strstr(msg, cases[i].has[j]));
		}
	}
}

/* A short buffer truncates, never overruns (ASan would say). */
H0_TEST(diagnose_short_buffer)
{
	struct h0_attach_facts f = facts(EPERM, "load", EPERM, "attach");
	char msg[16];

	h0_attach_diagnose(&f, msg, sizeof(msg));
	H0_EXPECT_EQ(strlen(msg), sizeof(msg) - 1);
}

H0_TEST(lockdown_mode_parse)
{
	char m[24];

	h0_lockdown_mode("none [integrity] confidentiality\n", m, sizeof(m));
	H0_EXPECT(!strcmp(m, "integrity"));
	h0_lockdown_mode("none integrity [confidentiality]\n", m, sizeof(m));
	H0_EXPECT(!strcmp(m, "confidentiality"));
	h0_lockdown_mode("[none] integrity confidentiality\n", m, sizeof(m));
	H0_EXPECT(!strcmp(m, "none"));
	h0_lockdown_mode("garbage\n", m, sizeof(m));
	H0_EXPECT(!strcmp(m, ""));
	h0_lockdown_mode("[unterminated\n", m, sizeof(m));
	H0_EXPECT(!strcmp(m, ""));
}

H0_TEST(capeff_parse)
{
	unsigned long long eff = 0;
	struct h0_attach_facts f;

	H0_EXPECT(h0_capeff_parse("Name:\tx\nCapPrm:\t0\nCapEff:\t000001fffeffffff\n", &eff));
	H0_EXPECT_EQ(eff, 0x1fffeffffffULL);
	memset(&f, 0, sizeof(f));
	h0_attach_facts_caps(&f, eff);
	H0_EXPECT(f.caps_known && f.cap_bpf && f.cap_perfmon && f.cap_sys_admin);
	H0_EXPECT(h0_capeff_parse("CapEff:\t0000008000000000\n", &eff));
	h0_attach_facts_caps(&f, eff);
	H0_EXPECT(f.cap_bpf && !f.cap_perfmon && !f.cap_sys_admin);
	H0_EXPECT(!h0_capeff_parse("Name:\tx\nCapPrm:\t0\n", &eff));
	H0_EXPECT(!h0_capeff_parse("CapEff:\tzz\n", &eff));
}

H0_TEST(uid_map_parse)
{
	H0_EXPECT_EQ(h0_uid_map_userns("         0          0 4294967295\n"), 0);
	H0_EXPECT_EQ(h0_uid_map_userns("         0     100000      65536\n"), 1);
	H0_EXPECT_EQ(h0_uid_map_userns("         0          0      65536\n"), 1);
	H0_EXPECT_EQ(h0_uid_map_userns(""), -1);
}

H0_TEST(errno_names)
{
	H0_EXPECT(!strcmp(h0_errno_name(EPERM), "EPERM"));
	H0_EXPECT(!strcmp(h0_errno_name(ENOTSUPP_KERNEL), "ENOTSUPP"));
	H0_EXPECT(!strcmp(h0_errno_name(EOPNOTSUPP), "EOPNOTSUPP"));
	H0_EXPECT(!h0_errno_name(200));
}

int main(void)
{
	H0_RUN(diagnose_each_cause);
	H0_RUN(diagnose_short_buffer);
	H0_RUN(lockdown_mode_parse);
	H0_RUN(capeff_parse);
	H0_RUN(uid_map_parse);
	H0_RUN(errno_names);
	return h0_test_done();
}
