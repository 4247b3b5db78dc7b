// SPDX-License-Identifier: GPL-2.0
/*
 * Loader of the driver probe; the attach strategy is described in probe.h.
 */
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe.h"	/* before the skeleton: it defines the counter types */
#include "headlen0_probe.skel.h"
#include "netdev.h"

static char h0_libbpf_last[256];

/* Keep libbpf quiet unless H0_DEBUG is set; remember its last complaint. */
static int h0_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	va_list aq;
	size_t n;

	if (getenv("H0_DEBUG")) {
		va_copy(aq, ap);
		vfprintf(stderr, fmt, aq);
		va_end(aq);
	}
	if (level == LIBBPF_DEBUG)
		return 0;
	vsnprintf(h0_libbpf_last, sizeof(h0_libbpf_last), fmt, ap);
	n = strlen(h0_libbpf_last);
	while (n && h0_libbpf_last[n - 1] == '\n')
		h0_libbpf_last[--n] = '\0';
	return 0;
}

static void h0_note(struct h0_probe *p, const char *fmt, ...)
{
	size_t n = strlen(p->note);
	va_list ap;

	if (n && n < sizeof(p->note) - 2) {
		p->note[n++] = ';';
		p->note[n++] = ' ';
		p->note[n] = '\0';
	}
	va_start(ap, fmt);
	vsnprintf(p->note + n, sizeof(p->note) - n, fmt, ap);
	va_end(ap);
}

/*
 * H0_ATTACH=fentry or H0_ATTACH=kprobe restricts the attach types, so that
 * both paths can be tested on a kernel that has both.
 */
static bool h0_mode_allowed(bool fentry)
{
	const char *m = getenv("H0_ATTACH");

	if (!m || !*m)
		return true;
	return fentry ? !strcmp(m, "fentry") : !strcmp(m, "kprobe");
}

/* /proc/kallsyms, or NULL with -errno in @err. */
static FILE *h0_kallsyms_open(int *err)
{
	FILE *f = fopen("/proc/kallsyms", "re");

	*err = f ? 0 : errno ? -errno : -EIO;
	return f;
}

/*
 * Is @name a function of the kernel image? 1 yes, 0 no, -errno if
 * /proc/kallsyms cannot be read.
 */
static int h0_kernel_has(const char *name)
{
	struct h0_ksym ks;
	FILE *f;
	int err;

	f = h0_kallsyms_open(&err);
	if (!f)
		return err;
	err = h0_ksym_find(f, name, "", &ks);
	fclose(f);
	return err;
}

/*
 * The function at @addr: name, module and how many share the name.
 * 1 found, 0 not, -errno if /proc/kallsyms cannot be read.
 */
static int h0_kernel_sym_at(unsigned long long addr, struct h0_ksym *ks)
{
	FILE *f;
	int err;

	memset(ks, 0, sizeof(*ks));
	f = h0_kallsyms_open(&err);
	if (!f)
		return err;
	err = h0_ksym_at(f, addr, ks);
	fclose(f);
	return err;
}

/*
 * Value of enumerator @val of enum @type in the running kernel's BTF into
 * @out (0 if there is none); -errno if that BTF cannot be loaded.
 */
static int h0_btf_enum(const char *type, const char *val, __u64 *out)
{
	struct btf *btf = btf__load_vmlinux_btf();
	__u64 ret = 0;
	int id, i;

	*out = 0;
	if (!btf)
		return errno ? -errno : -ENOENT;
	id = btf__find_by_name_kind(btf, type, BTF_KIND_ENUM);
	if (id > 0) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const struct btf_enum *e = btf_enum(t);

		for (i = 0; i < btf_vlen(t); i++, e++)
			if (!strcmp(btf__name_by_offset(btf, e->name_off), val))
				ret = (__u32)e->val;
	}
	id = ret ? -1 : btf__find_by_name_kind(btf, type, BTF_KIND_ENUM64);
	if (id > 0) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const struct btf_enum64 *e = btf_enum64(t);

		for (i = 0; i < btf_vlen(t); i++, e++)
			if (!strcmp(btf__name_by_offset(btf, e->name_off), val))
				ret = btf_enum64_value(e);
	}
	btf__free(btf);
	*out = ret;
	return 0;
}

/* A failure of fentry (@fentry) or kprobes at @step, for the diagnosis. */
static void h0_tried(struct h0_probe *p, bool fentry, const char *step, int err)
{
	struct h0_attach_try *t = fentry ? &p->fentry_try : &p->kprobe_try;

	t->tried = true;
	t->err = err < 0 ? -err : err;
	snprintf(t->step, sizeof(t->step), "%s", step);
}

/* @path's text into @buf (NUL-terminated, truncated): 0 or errno. */
static int h0_read_text(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	size_t n;

	if (!f)
		return errno ? errno : EIO;
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
	return 0;
}

/* What the system shows about the causes probediag.c knows. */
static void h0_attach_facts_read(const struct h0_probe *p, struct h0_attach_facts *f)
{
	unsigned long long eff;
	char text[8192];

	memset(f, 0, sizeof(*f));
	f->btf_err = h0_read_text("/sys/kernel/btf/vmlinux", text, 8);
	if (!h0_read_text("/sys/kernel/security/lockdown", text, sizeof(text)))
		h0_lockdown_mode(text, f->lockdown, sizeof(f->lockdown));
	if (!h0_read_text("/proc/self/status", text, sizeof(text)) &&
	    h0_capeff_parse(text, &eff))
		h0_attach_facts_caps(f, eff);
	f->userns = h0_read_text("/proc/self/uid_map", text, sizeof(text)) ? -1 :
		    h0_uid_map_userns(text);
	f->kprobe_pmu = h0_read_text("/sys/bus/event_source/devices/kprobe/type", text,
				     sizeof(text)) == ENOENT ? 0 : 1;
	f->fentry = p->fentry_try;
	f->kprobe = p->kprobe_try;
}

static struct headlen0_probe_bpf *h0_skel_open(int ifindex, __u64 dev)
{
	struct headlen0_probe_bpf *skel = headlen0_probe_bpf__open();

	if (!skel)
		return NULL;
	skel->rodata->targ_ifindex = ifindex;
	skel->rodata->targ_tgid = getpid();
	skel->rodata->targ_dev = dev;
	return skel;
}

/* Load only @a, @b and @c: 0 or the negative error of libbpf. */
static int h0_autoload_only(struct headlen0_probe_bpf *skel, struct bpf_program *a,
			    struct bpf_program *b, struct bpf_program *c)
{
	struct bpf_program *prog;
	int err;

	bpf_object__for_each_program(prog, skel->obj) {
		err = bpf_program__set_autoload(prog, prog == a || prog == b || prog == c);
		if (err)
			return err;
	}
	return 0;
}

static struct bpf_link *h0_attach(struct bpf_program *prog, bool fentry, const char *func,
				  bool ret)
{
	if (fentry)
		return bpf_program__attach(prog);
	return bpf_program__attach_kprobe(prog, ret, func);
}

/*
 * Step 1: read the net_device through dev_get_flags() or netif_get_flags().
 * Not finding it is no error (the counts fall back); -1 with "cause; fix"
 * in errbuf when the discovery itself cannot run.
 */
static int h0_discover(struct h0_probe *p, const char *ifname, int ifindex,
		       char *errbuf, size_t errlen)
{
	static const char *const hooks[] = { "dev_get_flags", "netif_get_flags" };
	struct headlen0_probe_bpf *skel;
	struct bpf_program *prog;
	unsigned int flags;
	size_t i;
	int m, err;

	for (i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		err = h0_kernel_has(hooks[i]);
		if (err < 0) {
			snprintf(errbuf, errlen, "cannot read /proc/kallsyms: %s; the probe finds "
				 "its hooks and the driver there: mount /proc, or run with "
				 "--no-probe", strerror(-err));
			return -1;
		}
		if (!err)
			continue;
		for (m = 0; m < 2; m++) {	/* fentry, then kprobe */
			struct bpf_link *link;

			skel = h0_skel_open(ifindex, 0);
			if (!skel) {
				snprintf(errbuf, errlen, "cannot open the BPF probe: %s; or run "
					 "with --no-probe", h0_libbpf_last[0] ?
					 h0_libbpf_last : strerror(errno));
				return -1;
			}
			prog = m == 0 ? skel->progs.disc_fentry : skel->progs.disc_kprobe;
			err = h0_autoload_only(skel, prog, NULL, NULL);
			if (err) {
				snprintf(errbuf, errlen, "cannot select the probe's programs "
					 "(bpf_program__set_autoload: %s); check the libbpf "
					 "version, or run with --no-probe", strerror(-err));
				headlen0_probe_bpf__destroy(skel);
				return -1;
			}
			if (!h0_mode_allowed(m == 0)) {
				headlen0_probe_bpf__destroy(skel);
				continue;
			}
			err = m == 0 ? bpf_program__set_attach_target(prog, 0, hooks[i]) : 0;
			if (!err)
				err = headlen0_probe_bpf__load(skel);
			if (err) {
				h0_tried(p, m == 0, "load", err);
				h0_note(p, "discovery %s:%s: load: %s", m ? "kprobe" : "fentry",
					hooks[i], strerror(err < 0 ? -err : err));
				headlen0_probe_bpf__destroy(skel);
				continue;
			}
			link = h0_attach(prog, m == 0, hooks[i], false);
			if (!link) {
				h0_tried(p, m == 0, "attach", errno);
				h0_note(p, "discovery %s:%s: attach: %s",
					m ? "kprobe" : "fentry", hooks[i], strerror(errno));
				headlen0_probe_bpf__destroy(skel);
				continue;
			}
			/* SIOCGIFFLAGS makes the kernel call the hook with our device. */
			err = h0_netdev_get_flags(ifname, &flags);
			p->disc = skel->bss->disc;
			bpf_link__destroy(link);
			headlen0_probe_bpf__destroy(skel);
			if (err) {
				snprintf(errbuf, errlen, "cannot trigger the probe's discovery: "
					 "SIOCGIFFLAGS on %s: %s; did the interface go away? check "
					 "'ip link', or run with --no-probe", ifname,
					 strerror(-err));
				return -1;
			}
			if (p->disc.seen) {
				snprintf(p->disc_hook, sizeof(p->disc_hook), "%s:%s",
					 m ? "kprobe" : "fentry", hooks[i]);
				p->discovered = true;
				p->note[0] = '\0';	/* earlier failures did not matter */
				return 0;
			}
			h0_note(p, "discovery %s:%s attached but never hit",
				m ? "kprobe" : "fentry", hooks[i]);
		}
	}
	return 0;
}

enum h0_drv_mode { DRV_NONE, DRV_FENTRY, DRV_KPROBE };

/*
 * The BTF object libbpf bound the loaded fentry program @prog to: "vmlinux"
 * or a module's name, into @out. 0, or -errno (-ENOENT: the kernel is too
 * old to say).
 */
static int h0_prog_btf_obj(const struct bpf_program *prog, char *out, __u32 len)
{
	struct bpf_prog_info info;
	struct bpf_btf_info btf;
	__u32 ilen = sizeof(info);
	int fd, err;

	memset(&info, 0, sizeof(info));
	err = bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &ilen);
	if (err)
		return err < 0 ? err : -EIO;
	if (!info.attach_btf_obj_id)
		return -ENOENT;
	fd = bpf_btf_get_fd_by_id(info.attach_btf_obj_id);
	if (fd < 0)
		return fd;
	memset(&btf, 0, sizeof(btf));
	memset(out, 0, len);
	btf.name = (__u64)(unsigned long)out;
	btf.name_len = len;
	ilen = sizeof(btf);
	err = bpf_obj_get_info_by_fd(fd, &btf, &ilen);
	close(fd);
	out[len - 1] = '\0';
	return err < 0 ? err : err ? -EIO : 0;
}

/*
 * A fentry program on a name that several functions share: did libbpf
 * bind it to @ks's? It picks by name (libbpf 1.2+ takes "module:name",
 * but matches the module by prefix: "e1000:" also finds e1000e). 0 yes,
 * or -1 with the reason in @why.
 */
static int h0_check_drv_btf(const struct bpf_program *prog, const struct h0_ksym *ks,
			    char *why, size_t len)
{
	const char *want = ks->module[0] ? ks->module : "vmlinux";
	char got[64];
	int err;

	err = h0_prog_btf_obj(prog, got, sizeof(got));
	if (err) {
		snprintf(why, len, "cannot tell which of the %u functions named %s libbpf "
			 "bound it to (%s)", ks->copies, ks->name, strerror(-err));
		return -1;
	}
	if (strcmp(got, want)) {
		snprintf(why, len, "libbpf bound it to %s's %s, not %s's", got, ks->name, want);
		return -1;
	}
	return 0;
}

/*
 * Attach the driver's program to @ks: fentry to the BTF target set before
 * the load; a kprobe by name, or by address when the name is not unique
 * (the kernel refuses an ambiguous name with EADDRNOTAVAIL, and a name
 * alone may be the other driver's).
 */
static struct bpf_link *h0_attach_drv(struct bpf_program *prog, bool fentry,
				      const struct h0_ksym *ks)
{
	LIBBPF_OPTS(bpf_kprobe_opts, opts, .offset = (size_t)ks->addr);

	if (fentry)
		return bpf_program__attach(prog);
	if (!h0_ksym_ambiguous(ks))
		return bpf_program__attach_kprobe(prog, false, ks->name);
	return bpf_program__attach_kprobe_opts(prog, NULL, &opts);
}

/* Step 3: one attempt at a combination of attach types. */
static int h0_try_count(struct h0_probe *p, int ifindex, bool direct_fentry,
			enum h0_drv_mode drv, const struct h0_ksym *ks)
{
	struct bpf_program *d_in, *d_out, *dr = NULL;
	char target[sizeof(ks->module) + sizeof(ks->name)];
	struct headlen0_probe_bpf *skel;
	const char *step = "open";
	struct bpf_link *link;
	char why[512] = "";
	int err = 0;

	/* How the driver's function is named to libbpf and in the notes */
	if (drv == DRV_FENTRY)
		h0_ksym_btf_target(ks, target, sizeof(target));
	else if (drv == DRV_KPROBE && h0_ksym_ambiguous(ks))
		snprintf(target, sizeof(target), "0x%llx", ks->addr);
	else
		snprintf(target, sizeof(target), "%s", ks->name);

	skel = h0_skel_open(ifindex, p->discovered ? p->disc.dev : 0);
	if (!skel) {
		h0_note(p, "open: %s", strerror(errno));
		return -1;
	}
	d_in = direct_fentry ? skel->progs.direct_fentry : skel->progs.direct_kprobe;
	d_out = direct_fentry ? skel->progs.direct_fexit : skel->progs.direct_kretprobe;
	if (drv == DRV_FENTRY)
		dr = skel->progs.drv_fentry;
	else if (drv == DRV_KPROBE)
		dr = skel->progs.drv_kprobe;
	step = "autoload";
	err = h0_autoload_only(skel, d_in, d_out, dr);
	if (err)
		goto fail;

	step = "target";
	if (direct_fentry &&
	    ((err = bpf_program__set_attach_target(d_in, 0, "__dev_direct_xmit")) ||
	     (err = bpf_program__set_attach_target(d_out, 0, "__dev_direct_xmit"))))
		goto fail;
	if (drv == DRV_FENTRY && (err = bpf_program__set_attach_target(dr, 0, target))) {
		if (err == -ESRCH && strchr(target, ':'))
			snprintf(why, sizeof(why), "not found: no BTF for module %s, or a "
				 "libbpf older than 1.2 (no module:function targets)",
				 ks->module);
		goto fail;
	}
	step = "load";
	err = headlen0_probe_bpf__load(skel);
	if (err)
		goto fail;
	step = "check";
	if (drv == DRV_FENTRY && h0_ksym_ambiguous(ks) &&
	    h0_check_drv_btf(dr, ks, why, sizeof(why)))
		goto fail;

	step = "attach";
	link = h0_attach(d_in, direct_fentry, "__dev_direct_xmit", false);
	if (!link)
		goto fail;
	skel->links.direct_fentry = direct_fentry ? link : NULL;
	skel->links.direct_kprobe = direct_fentry ? NULL : link;
	link = h0_attach(d_out, direct_fentry, "__dev_direct_xmit", true);
	if (!link)
		goto fail;
	skel->links.direct_fexit = direct_fentry ? link : NULL;
	skel->links.direct_kretprobe = direct_fentry ? NULL : link;
	if (dr) {
		link = h0_attach_drv(dr, drv == DRV_FENTRY, ks);
		if (!link)
			goto fail;
		if (drv == DRV_FENTRY)
			skel->links.drv_fentry = link;
		else
			skel->links.drv_kprobe = link;
	}
	p->skel = skel;
	return 0;
fail:
	if (!err)
		err = errno;
	if (drv == DRV_NONE)
		h0_tried(p, direct_fentry, step, err);
	h0_note(p, "%s:__dev_direct_xmit%s%s: %s: %s",
		direct_fentry ? "fentry" : "kprobe",
		drv == DRV_NONE ? "" : drv == DRV_FENTRY ? " + fentry:" : " + kprobe:",
		drv == DRV_NONE ? "" : target, step,
		why[0] ? why : strerror(err < 0 ? -err : err));
	headlen0_probe_bpf__destroy(skel);
	return -1;
}

int h0_probe_open(struct h0_probe *p, const char *ifname, int ifindex,
		  char *errbuf, size_t errlen)
{
	static const struct {
		bool direct_fentry;
		enum h0_drv_mode drv;
	} tries[] = {
		{ true, DRV_FENTRY }, { true, DRV_KPROBE }, { false, DRV_KPROBE },
		{ false, DRV_FENTRY }, { true, DRV_NONE }, { false, DRV_NONE },
	};
	const char *func = p->drv.name;
	struct h0_attach_facts facts;
	size_t i, n;
	int err;

	memset(p, 0, sizeof(*p));
	libbpf_set_print(h0_libbpf_print);

	if (h0_discover(p, ifname, ifindex, errbuf, errlen))
		return -1;
	err = h0_btf_enum("netdev_priv_flags", "IFF_TX_SKB_NO_LINEAR", &p->no_linear_bit);
	if (err)
		h0_note(p, "cannot load the kernel's BTF (/sys/kernel/btf/vmlinux: %s): "
			"IFF_TX_SKB_NO_LINEAR unknown; build the kernel with "
			"CONFIG_DEBUG_INFO_BTF=y", strerror(-err));
	else if (p->discovered && !p->no_linear_bit)
		h0_note(p, "this kernel has no IFF_TX_SKB_NO_LINEAR in enum netdev_priv_flags");
	if (!p->discovered) {
		h0_note(p, "IFF_TX_SKB_NO_LINEAR unknown: no discovery hook");
	} else {
		err = h0_kernel_sym_at(p->disc.xmit, &p->drv);
		if (err > 0)
			h0_ksym_str(&p->drv, p->driver_sym, sizeof(p->driver_sym));
		if (err < 0) {
			snprintf(errbuf, errlen, "cannot read /proc/kallsyms: %s; the probe finds "
				 "the driver there: mount /proc, or run with --no-probe",
				 strerror(-err));
			return -1;
		}
		if (!err)
			h0_note(p, "ndo_start_xmit at 0x%llx not in /proc/kallsyms "
				"(kptr_restrict?)", (unsigned long long)p->disc.xmit);
	}
	/* Only plain names have BTF; "foo.isra.0" still takes a kprobe. */
	if (strchr(func, '.'))
		h0_note(p, "%s is a compiler clone: no fentry", func);
	if (h0_ksym_ambiguous(&p->drv))
		h0_note(p, "%u functions are named %s in /proc/kallsyms: the probe takes %s's "
			"at 0x%llx, by module for fentry, by address for a kprobe",
			p->drv.copies, func, p->drv.module[0] ? p->drv.module : "the kernel image",
			p->drv.addr);

	for (i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
		if (!h0_mode_allowed(tries[i].direct_fentry) ||
		    (tries[i].drv != DRV_NONE && !h0_mode_allowed(tries[i].drv == DRV_FENTRY)))
			continue;
		if (tries[i].drv != DRV_NONE && !func[0])
			continue;
		if (tries[i].drv == DRV_FENTRY && strchr(func, '.'))
			continue;
		h0_libbpf_last[0] = '\0';
		errno = 0;
		if (h0_try_count(p, ifindex, tries[i].direct_fentry, tries[i].drv, &p->drv))
			continue;
		p->at_driver = tries[i].drv != DRV_NONE;
		if (p->at_driver)
			snprintf(p->attach, sizeof(p->attach),
				 "%s:%s%s (driver ndo_start_xmit; %s:__dev_direct_xmit marks our skbs)",
				 tries[i].drv == DRV_FENTRY ? "fentry" : "kprobe", p->driver_sym,
				 tries[i].drv == DRV_KPROBE && h0_ksym_ambiguous(&p->drv) ?
				 " by address" : "", tries[i].direct_fentry ? "fentry" : "kprobe");
		else
			snprintf(p->attach, sizeof(p->attach),
				 "%s:__dev_direct_xmit (fallback: before validate_xmit_skb, "
				 "not at the driver)", tries[i].direct_fentry ? "fentry" : "kprobe");
		return 0;
	}
	h0_attach_facts_read(p, &facts);
	h0_attach_diagnose(&facts, errbuf, errlen);
	n = strlen(errbuf);
	if (p->note[0] && n < errlen)
		snprintf(errbuf + n, errlen - n, " (tried: %s)", p->note);
	return -1;
}

void h0_probe_read(const struct h0_probe *p, struct h0_probe_counts *c)
{
	memset(c, 0, sizeof(*c));
	if (!p->skel)
		return;
	c->direct = p->skel->bss->site_direct;
	c->driver = p->skel->bss->site_drv_xsk;
	c->driver_other = p->skel->bss->site_drv_other;
}

int h0_probe_no_linear(const struct h0_probe *p)
{
	if (!p->discovered || !p->no_linear_bit)
		return -1;
	return !!(p->disc.priv_flags & p->no_linear_bit);
}

void h0_probe_close(struct h0_probe *p)
{
	if (p->skel)
		headlen0_probe_bpf__destroy(p->skel);
	p->skel = NULL;
}
