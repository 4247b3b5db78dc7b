/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Why the driver probe cannot attach, and what works without it.
 *
 * probe.c tries fentry, then kprobes (probe.h). When nothing attaches, the
 * errors alone seldom name the cause: EPERM comes from a missing
 * capability, a user namespace, lockdown or a security module alike. The
 * diagnosis here reads the cause from what was tried and what the system
 * shows, as a pure function of struct h0_attach_facts; probe.c gathers
 * the facts, the parsers of their files' text are here too.
 */
#ifndef H0_PROBEDIAG_H
#define H0_PROBEDIAG_H

#include <stdbool.h>
#include <stddef.h>

/* What --no-probe keeps and what it loses: the end of every such error. */
#define H0_PROBE_WITHOUT							\
	"without the probe (--no-probe) headlen0_tx still sends, checks every "	\
	"completion and the UMEM bytes, and with --verify=PEER every received "	\
	"byte; only the headlen-0 measurement at the driver, and with it "	\
	"--expect-headlen0 / --expect-linear, needs the probe"

enum h0_attach_cause {
	H0_CAUSE_UNKNOWN,	/* the errors are all there is */
	H0_CAUSE_NO_BTF,	/* no kernel BTF: CO-RE and fentry need it */
	H0_CAUSE_LOCKDOWN,	/* lockdown=confidentiality: no kprobes, no kernel reads */
	H0_CAUSE_NO_CAPS,	/* CAP_BPF or CAP_PERFMON missing (and CAP_SYS_ADMIN) */
	H0_CAUSE_USERNS,	/* capabilities of a user namespace: EPERM */
	H0_CAUSE_REFUSED,	/* fentry EPERM with all of the above in order: an LSM */
	H0_CAUSE_UNSUPPORTED,	/* fentry not supported (ENOTSUPP) by this kernel */
};

/* One kind of attach (fentry or kprobe): its last failure. */
struct h0_attach_try {
	bool tried;		/* H0_ATTACH may rule a kind out */
	int err;		/* positive errno, 0: no failure */
	char step[16];		/* "target", "load", "attach" */
};

struct h0_attach_facts {
	int btf_err;		/* /sys/kernel/btf/vmlinux: 0 there, else errno */
	char lockdown[24];	/* the [mode] of /sys/kernel/security/lockdown, "" no file */
	bool caps_known;	/* CapEff of /proc/self/status was read */
	bool cap_bpf, cap_perfmon, cap_sys_admin;
	int userns;		/* /proc/self/uid_map: 1 a user namespace, 0 the initial, -1 ? */
	int kprobe_pmu;		/* /sys/bus/event_source/devices/kprobe: 1, 0 absent, -1 ? */
	struct h0_attach_try fentry;	/* discovery and __dev_direct_xmit alone */
	struct h0_attach_try kprobe;
};

/*
 * "cannot attach the BPF probe: CAUSE; FIX; what works without it" into
 * @buf, from @f. Returns the cause.
 */
enum h0_attach_cause h0_attach_diagnose(const struct h0_attach_facts *f, char *buf,
					size_t len);

/* The mode in brackets of "none [integrity] confidentiality" into @out ("" none). */
void h0_lockdown_mode(const char *text, char *out, size_t len);
/* CapEff of /proc/self/status text into @eff: true, or false if it has none. */
bool h0_capeff_parse(const char *text, unsigned long long *eff);
/* CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN of the effective set @eff into @f. */
void h0_attach_facts_caps(struct h0_attach_facts *f, unsigned long long eff);
/* /proc/self/uid_map text: 0 the initial user namespace (0 0 4294967295), 1 another, -1 ? */
int h0_uid_map_userns(const char *text);
/* "EPERM", "ENOTSUPP" (the kernel's 524) ..., or NULL for an errno it does not know. */
const char *h0_errno_name(int err);

#endif /* H0_PROBEDIAG_H */
