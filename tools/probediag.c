// SPDX-License-Identifier: GPL-2.0
/*
 * Why the driver probe cannot attach; see probediag.h.
 *
 * What each cause does to the probe (6.12):
 *  - no kernel BTF: libbpf cannot relocate the CO-RE field reads of any
 *    program, and fentry targets are BTF ids: nothing loads.
 *  - lockdown=confidentiality: bpf_probe_read_kernel() is withheld from
 *    tracing programs (LOCKDOWN_BPF_READ_KERNEL: the verifier rejects the
 *    load, EINVAL) and kprobes are refused (LOCKDOWN_KPROBES: EPERM).
 *    lockdown=integrity allows both.
 *  - tracing programs need CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN) in
 *    the initial user namespace; without them the bpf() syscall says EPERM.
 *  - fentry needs a BPF trampoline: ENOTSUPP (524) or EOPNOTSUPP where
 *    the architecture or the configuration has none.
 *  - kprobes need CONFIG_KPROBES and CONFIG_KPROBE_EVENTS; libbpf uses
 *    the kprobe PMU, /sys/bus/event_source/devices/kprobe.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probediag.h"

#define H0_ENOTSUPP	524	/* the kernel's, not in userspace headers */

#define CAP_SYS_ADMIN_BIT	21
#define CAP_PERFMON_BIT		38
#define CAP_BPF_BIT		39

const char *h0_errno_name(int err)
{
	switch (err) {
	case EPERM:
		return "EPERM";
	case EACCES:
		return "EACCES";
	case ENOENT:
		return "ENOENT";
	case ESRCH:
		return "ESRCH";
	case EINVAL:
		return "EINVAL";
	case E2BIG:
		return "E2BIG";
	case EBUSY:
		return "EBUSY";
	case ENODEV:
		return "ENODEV";
	case EOPNOTSUPP:
		return "EOPNOTSUPP";
	case H0_ENOTSUPP:
		return "ENOTSUPP";
	case EADDRNOTAVAIL:
		return "EADDRNOTAVAIL";
	default:
		return NULL;
	}
}

/* "load: EPERM (Operation not permitted)", or "not tried (H0_ATTACH=...)" */
static void h0_try_str(const struct h0_attach_try *t, const char *other, char *out,
		       size_t len)
{
	const char *name = h0_errno_name(t->err);

	if (!t->tried)
		snprintf(out, len, "not tried (H0_ATTACH=%s)", other);
	else if (!t->err)
		snprintf(out, len, "no error recorded");
	else if (t->err == H0_ENOTSUPP)
		snprintf(out, len, "%s: ENOTSUPP (524, not supported)", t->step);
	else
		snprintf(out, len, "%s: %s%s%s%s", t->step, name ? name : "", name ? " (" : "",
			 strerror(t->err), name ? ")" : "");
}

static bool h0_err_perm(int err)
{
	return err == EPERM || err == EACCES;
}

/* What became of the kprobes, for a cause found with fentry. */
static void h0_kprobe_str(const struct h0_attach_facts *f, char *out, size_t len)
{
	char t[160];

	if (f->kprobe.tried && f->kprobe_pmu == 0) {
		snprintf(out, len, "no kprobes in this kernel either "
			 "(/sys/bus/event_source/devices/kprobe missing: CONFIG_KPROBES, "
			 "CONFIG_KPROBE_EVENTS)");
		return;
	}
	h0_try_str(&f->kprobe, "fentry", t, sizeof(t));
	snprintf(out, len, "kprobe: %s", t);
}

static const char *h0_lockdown_str(const struct h0_attach_facts *f)
{
	if (!f->lockdown[0])
		return "no lockdown";
	if (!strcmp(f->lockdown, "none"))
		return "lockdown none";
	return "lockdown integrity, which allows tracing";
}

void h0_attach_facts_caps(struct h0_attach_facts *f, unsigned long long eff)
{
	f->caps_known = true;
	f->cap_sys_admin = eff >> CAP_SYS_ADMIN_BIT & 1;
	f->cap_perfmon = eff >> CAP_PERFMON_BIT & 1;
	f->cap_bpf = eff >> CAP_BPF_BIT & 1;
}

enum h0_attach_cause h0_attach_diagnose(const struct h0_attach_facts *f, char *buf,
					size_t len)
{
	static const char head[] = "cannot attach the BPF probe: ";
	int ferr = f->fentry.tried ? f->fentry.err : 0;
	int kerr = f->kprobe.tried ? f->kprobe.err : 0;
	bool eperm = h0_err_perm(ferr) || h0_err_perm(kerr);
	enum h0_attach_cause cause;
	char ft[160], kt[256];

	h0_try_str(&f->fentry, "kprobe", ft, sizeof(ft));
	h0_kprobe_str(f, kt, sizeof(kt));

	if (f->btf_err) {
		cause = H0_CAUSE_NO_BTF;
		snprintf(buf, len, "%sthe kernel has no BTF (/sys/kernel/btf/vmlinux %s): "
			 "the probe's field reads are CO-RE, relocated against it, and its "
			 "fentry hooks are BTF ids (fentry: %s; %s); boot a kernel built with "
			 "CONFIG_DEBUG_INFO_BTF=y (and CONFIG_DEBUG_INFO_BTF_MODULES=y for a "
			 "driver module); %s", head,
			 f->btf_err == ENOENT ? "missing" : strerror(f->btf_err), ft, kt,
			 H0_PROBE_WITHOUT);
	} else if (!strcmp(f->lockdown, "confidentiality")) {
		cause = H0_CAUSE_LOCKDOWN;
		snprintf(buf, len, "%skernel lockdown in confidentiality mode "
			 "(/sys/kernel/security/lockdown): it withholds bpf_probe_read_kernel() "
			 "from tracing programs and forbids kprobes (fentry: %s; %s); boot with "
			 "lockdown=integrity or lockdown=none (Secure Boot may impose it: "
			 "check 'mokutil --sb-state'); %s", head, ft, kt, H0_PROBE_WITHOUT);
	} else if (f->caps_known && !f->cap_sys_admin && (!f->cap_bpf || !f->cap_perfmon)) {
		cause = H0_CAUSE_NO_CAPS;
		snprintf(buf, len, "%smissing %s%s%s: tracing programs need CAP_BPF and "
			 "CAP_PERFMON, or CAP_SYS_ADMIN (fentry: %s; %s); run as root or 'setcap "
			 "cap_net_raw,cap_bpf,cap_perfmon+ep headlen0_tx'; %s", head,
			 f->cap_bpf ? "" : "CAP_BPF",
			 !f->cap_bpf && !f->cap_perfmon ? " and " : "",
			 f->cap_perfmon ? "" : "CAP_PERFMON", ft, kt, H0_PROBE_WITHOUT);
	} else if (f->userns == 1 && eperm) {
		cause = H0_CAUSE_USERNS;
		snprintf(buf, len, "%sthe process is in a user namespace (/proc/self/uid_map "
			 "is not the identity), and BPF tracing takes capabilities only in the "
			 "initial one (fentry: %s; %s); run it on the host or in a privileged "
			 "container; %s", head, ft, kt, H0_PROBE_WITHOUT);
	} else if (h0_err_perm(ferr)) {
		cause = H0_CAUSE_REFUSED;
		snprintf(buf, len, "%sfentry refused with EPERM (at %s) with CAP_BPF and "
			 "CAP_PERFMON held, in the initial user namespace, %s: a security "
			 "module (SELinux, AppArmor, the BPF LSM) or the platform forbids "
			 "tracing programs; look for the denial in 'journalctl -k' or "
			 "'ausearch -m avc'; %s; %s", head, f->fentry.step,
			 h0_lockdown_str(f), kt, H0_PROBE_WITHOUT);
	} else if (ferr == H0_ENOTSUPP || ferr == EOPNOTSUPP) {
		cause = H0_CAUSE_UNSUPPORTED;
		snprintf(buf, len, "%sfentry is not supported by this kernel (%s: no BPF "
			 "trampoline for this architecture or configuration); %s; build the "
			 "kernel with CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS for fentry, or "
			 "CONFIG_KPROBES and CONFIG_KPROBE_EVENTS for kprobes; %s", head, ft,
			 kt, H0_PROBE_WITHOUT);
	} else {
		cause = H0_CAUSE_UNKNOWN;
		snprintf(buf, len, "%sfentry: %s; %s; with the kernel's BTF, %s, the "
			 "capabilities and the initial user namespace: run with H0_DEBUG=1 "
			 "for libbpf's log (the verifier's reason) and report it; %s", head,
			 ft, kt, h0_lockdown_str(f), H0_PROBE_WITHOUT);
	}
	return cause;
}

void h0_lockdown_mode(const char *text, char *out, size_t len)
{
	const char *a = strchr(text, '['), *b = a ? strchr(a, ']') : NULL;

	if (!a || !b)
		snprintf(out, len, "%s", "");
	else
		snprintf(out, len, "%.*s", (int)(b - a - 1), a + 1);
}

bool h0_capeff_parse(const char *text, unsigned long long *eff)
{
	const char *p = strstr(text, "\nCapEff:");
	char *end;

	if (!strncmp(text, "CapEff:", 7))
		p = text;
	else if (p)
		p++;
	else
		return false;
	*eff = strtoull(p + 7, &end, 16);
	return end != p + 7;
}

int h0_uid_map_userns(const char *text)
{
	unsigned long long inside, outside, count;

	if (sscanf(text, "%llu %llu %llu", &inside, &outside, &count) != 3)
		return -1;
	return !(inside == 0 && outside == 0 && count == 4294967295ULL);
}
