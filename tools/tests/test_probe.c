// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the probe's loader (probe.c) without BPF: a stub
 * skeleton (tests/stub/) and stub libbpf functions below, /proc/kallsyms
 * served from memory through a wrapped fopen() (-Wl,--wrap=fopen), and
 * SIOCGIFFLAGS (h0_netdev_get_flags()) played by the test, which also
 * plays the discovery program: it fills the skeleton's disc as the BPF
 * program would when the kernel calls dev_get_flags().
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/btf.h>
#include <stdlib.h>
#include <string.h>

#include "../netdev.h"
#include "../probe.h"
#include "headlen0_probe.skel.h"
#include "h0test.h"

#define XMIT_ADDR	0xffffffffc0001000ULL
#define NO_LINEAR_BIT	(1ULL << 30)

static const char kallsyms_text[] =
	"ffffffff81000000 T dev_get_flags\n"
	"ffffffff81000100 T __dev_direct_xmit\n"
	"ffffffffc0000ff0 t __pfx_exnic_xmit_frame\t[exnic]\n"
	"ffffffffc0001000 t exnic_xmit_frame\t[exnic]\n";

/* The skeleton's programs, in the order of struct headlen0_probe_bpf.progs. */
enum { DISC_FENTRY, DIRECT_FENTRY, DRV_FENTRY, DISC_KPROBE, DIRECT_KPROBE, DRV_KPROBE,
       DIRECT_FEXIT, DIRECT_KRETPROBE, NPROGS };

static bool stub_is_fentry(int prog)
{
	return prog == DISC_FENTRY || prog == DIRECT_FENTRY || prog == DRV_FENTRY ||
	       prog == DIRECT_FEXIT;
}

/*
 * The files the loader reads to tell why the probe cannot attach, each
 * healthy unless a test says otherwise: kernel BTF there, lockdown off,
 * every capability, the initial user namespace, the kprobe PMU.
 */
enum { F_BTF, F_LOCKDOWN, F_STATUS, F_UID_MAP, F_KPROBE_PMU, NFILES };
static const struct {
	const char *path;
	const char *healthy;
} stub_file[NFILES] = {
	[F_BTF] = { "/sys/kernel/btf/vmlinux", "\x9f\xeb\x01" },
	[F_LOCKDOWN] = { "/sys/kernel/security/lockdown", "[none] integrity confidentiality\n" },
	[F_STATUS] = { "/proc/self/status", "Name:\theadlen0_tx\nCapPrm:\t000001ffffffffff\n"
		       "CapEff:\t000001ffffffffff\n" },
	[F_UID_MAP] = { "/proc/self/uid_map", "         0          0 4294967295\n" },
	[F_KPROBE_PMU] = { "/sys/bus/event_source/devices/kprobe/type", "6\n" },
};
#define ABSENT	((const char *)1)	/* stub.files[]: no such file */

/*
 * A kernel BTF object as libbpf searches them for a fentry target: the
 * kernel image first, then the modules in the order they were loaded.
 */
struct stub_btf {
	const char *name;		/* "vmlinux" or the module's */
	const char *funcs;		/* "f1 f2 ...": the functions it describes */
};

/* What the stubs do: every field 0 is the good path. */
static struct {
	int kallsyms_errno;		/* fopen("/proc/kallsyms") fails */
	bool kallsyms_no_driver;	/* the driver's symbol is missing */
	const char *kallsyms;		/* NULL: kallsyms_text */
	unsigned long long xmit;	/* ndo_start_xmit the discovery reads, 0: XMIT_ADDR */
	const struct stub_btf *btfs;	/* NULL: one vmlinux that has every function */
	int nbtfs;
	bool libbpf_mod_syntax;		/* "module:name" targets, as libbpf 1.2+ (prefix match) */
	int flags_err;			/* h0_netdev_get_flags() result */
	int autoload_err;
	int load_err;
	int fentry_load_err;		/* a load with a fentry/fexit program fails */
	int kprobe_load_err;		/* a load with only kprobe programs fails */
	int fentry_attach_errno;	/* bpf_program__attach() fails */
	int kprobe_attach_errno;	/* bpf_program__attach_kprobe*() fail */
	int btf_errno;			/* btf__load_vmlinux_btf() fails */
	const char *files[NFILES];	/* what the system files hold; NULL healthy, ABSENT */
	bool autoload[NPROGS];
	int opened, destroyed;
	/* What the loader asked for, per program of the last skeleton opened */
	char target[NPROGS][128];	/* bpf_program__set_attach_target() */
	int target_btf[NPROGS];		/* index in btfs libbpf picked for it */
	bool attached[NPROGS];
	char kprobe_func[NPROGS][128];	/* bpf_program__attach_kprobe*(): "" NULL */
	unsigned long long kprobe_offset[NPROGS];
} stub;

/* One skeleton: the struct, its globals and eight distinct programs. */
struct stub_skel {
	struct headlen0_probe_bpf skel;
	struct headlen0_probe_bpf__rodata rodata;
	struct headlen0_probe_bpf__bss bss;
	char progs[NPROGS];
};

static struct stub_skel *last_open;

/* Which program of the last skeleton opened @prog is. */
static int stub_prog(const struct bpf_program *prog)
{
	int i = last_open ? (int)((const char *)prog - last_open->progs) : -1;

	return i >= 0 && i < NPROGS ? i : 0;
}

struct headlen0_probe_bpf *headlen0_probe_bpf__open(void)
{
	struct stub_skel *s = calloc(1, sizeof(*s));
	struct bpf_program **p;
	int i;

	if (!s)
		return NULL;
	s->skel.obj = (struct bpf_object *)s;
	s->skel.rodata = &s->rodata;
	s->skel.bss = &s->bss;
	p = &s->skel.progs.disc_fentry;
	for (i = 0; i < NPROGS; i++)
		p[i] = (struct bpf_program *)&s->progs[i];
	stub.opened++;
	last_open = s;
	memset(stub.target, 0, sizeof(stub.target));
	memset(stub.target_btf, 0, sizeof(stub.target_btf));
	memset(stub.attached, 0, sizeof(stub.attached));
	memset(stub.autoload, 0, sizeof(stub.autoload));
	memset(stub.kprobe_func, 0, sizeof(stub.kprobe_func));
	memset(stub.kprobe_offset, 0, sizeof(stub.kprobe_offset));
	return &s->skel;
}

int headlen0_probe_bpf__load(struct headlen0_probe_bpf *skel)
{
	bool fentry = false;
	int i;

	(void)skel;
	for (i = 0; i < NPROGS; i++)
		fentry |= stub.autoload[i] && stub_is_fentry(i);
	if (stub.load_err)
		return stub.load_err;
	return fentry ? stub.fentry_load_err : stub.kprobe_load_err;
}

void headlen0_probe_bpf__destroy(struct headlen0_probe_bpf *skel)
{
	if (!skel)
		return;
	if (last_open == (struct stub_skel *)skel)
		last_open = NULL;
	stub.destroyed++;
	free(skel);
}

struct bpf_program *bpf_object__next_program(const struct bpf_object *obj,
					     struct bpf_program *prev)
{
	struct stub_skel *s = (struct stub_skel *)obj;
	char *p = (char *)prev;

	if (!p)
		return (struct bpf_program *)&s->progs[0];
	return p + 1 < s->progs + NPROGS ? (struct bpf_program *)(p + 1) : NULL;
}

int bpf_program__set_autoload(struct bpf_program *prog, bool autoload)
{
	stub.autoload[stub_prog(prog)] = autoload;
	return stub.autoload_err;
}

/* Does BTF object @b describe function @func (of @len bytes)? */
static bool stub_btf_has(const struct stub_btf *b, const char *func, size_t len)
{
	const char *p;

	for (p = strstr(b->funcs, func); p; p = strstr(p + 1, func))
		if ((p == b->funcs || p[-1] == ' ') && (!p[len] || p[len] == ' '))
			return true;
	return false;
}

/*
 * As libbpf 1.1 does: the first BTF object, kernel image first, that has
 * a function of that name; a "module:name" target is a name no BTF has.
 * With libbpf_mod_syntax, as libbpf 1.2+ does: "module:name" is searched
 * in the modules whose name starts with "module" (strncmp() of its length,
 * so "e1000:" also matches e1000e).
 */
int bpf_program__set_attach_target(struct bpf_program *prog, int fd, const char *name)
{
	const char *colon = strchr(name, ':'), *fn = name;
	int i = stub_prog(prog), b;
	size_t modlen = 0;

	(void)fd;
	snprintf(stub.target[i], sizeof(stub.target[i]), "%s", name);
	if (!stub.btfs)
		return 0;
	if (colon && stub.libbpf_mod_syntax) {
		modlen = colon - name;
		fn = colon + 1;
	}
	for (b = 0; b < stub.nbtfs; b++) {
		if (modlen && strncmp(stub.btfs[b].name, name, modlen))
			continue;
		if (stub_btf_has(&stub.btfs[b], fn, strlen(fn))) {
			stub.target_btf[i] = b;
			return 0;
		}
	}
	return -ESRCH;
}

static char fake_link;

struct bpf_link *bpf_program__attach(const struct bpf_program *prog)
{
	if (stub.fentry_attach_errno) {
		errno = stub.fentry_attach_errno;
		return NULL;
	}
	stub.attached[stub_prog(prog)] = true;
	return (struct bpf_link *)&fake_link;
}

struct bpf_link *bpf_program__attach_kprobe(const struct bpf_program *prog, bool retprobe,
					    const char *func)
{
	int i = stub_prog(prog);

	(void)retprobe;
	if (stub.kprobe_attach_errno) {
		errno = stub.kprobe_attach_errno;
		return NULL;
	}
	stub.attached[i] = true;
	snprintf(stub.kprobe_func[i], sizeof(stub.kprobe_func[i]), "%s", func ? func : "");
	stub.kprobe_offset[i] = 0;
	return (struct bpf_link *)&fake_link;
}

struct bpf_link *bpf_program__attach_kprobe_opts(const struct bpf_program *prog,
						 const char *func,
						 const struct bpf_kprobe_opts *opts)
{
	int i = stub_prog(prog);

	if (stub.kprobe_attach_errno) {
		errno = stub.kprobe_attach_errno;
		return NULL;
	}
	stub.attached[i] = true;
	snprintf(stub.kprobe_func[i], sizeof(stub.kprobe_func[i]), "%s", func ? func : "");
	stub.kprobe_offset[i] = opts ? opts->offset : 0;
	return (struct bpf_link *)&fake_link;
}

/*
 * The loaded program's attach BTF object (bpf_prog_info) and that object's
 * name (bpf_btf_info): object id = index in btfs + 1. Program fds are
 * STUB_PROG_FD + program; a BTF fd is a real one (/dev/null), closed by
 * the loader.
 */
#define STUB_PROG_FD	1000

int bpf_program__fd(const struct bpf_program *prog)
{
	return STUB_PROG_FD + stub_prog(prog);
}

static int stub_btf_fd = -1, stub_btf_fd_id;

int bpf_btf_get_fd_by_id(__u32 id)
{
	stub_btf_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	stub_btf_fd_id = id;
	return stub_btf_fd < 0 ? -errno : stub_btf_fd;
}

int bpf_obj_get_info_by_fd(int fd, void *info, __u32 *len)
{
	const char *name = "vmlinux";

	if (fd >= STUB_PROG_FD && fd < STUB_PROG_FD + NPROGS) {
		struct bpf_prog_info *pi = info;

		H0_EXPECT(*len >= sizeof(*pi));
		pi->attach_btf_obj_id = stub.target_btf[fd - STUB_PROG_FD] + 1;
		return 0;
	}
	if (fd == stub_btf_fd && fd >= 0) {
		struct bpf_btf_info *bi = info;

		H0_EXPECT(*len >= sizeof(*bi));
		if (stub.btfs && stub_btf_fd_id >= 1 && stub_btf_fd_id <= stub.nbtfs)
			name = stub.btfs[stub_btf_fd_id - 1].name;
		snprintf((char *)(unsigned long)bi->name, bi->name_len, "%s", name);
		return 0;
	}
	return -EBADF;
}

int bpf_link__destroy(struct bpf_link *link)
{
	(void)link;
	return 0;
}

libbpf_print_fn_t libbpf_set_print(libbpf_print_fn_t fn)
{
	(void)fn;
	return NULL;
}

/* The running kernel's BTF: enum netdev_priv_flags with our flag. */
static const char *const btf_names[] = { "", "IFF_XMIT_DST_RELEASE", "IFF_TX_SKB_NO_LINEAR" };
static struct {
	struct btf_type t;
	struct btf_enum e[2];
} btf_priv_flags = {
	.t = { .info = BTF_KIND_ENUM << 24 | 2, .size = 8 },	/* kind, vlen */
	.e = { { .name_off = 1, .val = 1 }, { .name_off = 2, .val = (int)NO_LINEAR_BIT } },
};
static char fake_btf;

struct btf *btf__load_vmlinux_btf(void)
{
	if (stub.btf_errno) {
		errno = stub.btf_errno;
		return NULL;
	}
	return (struct btf *)&fake_btf;
}

__s32 btf__find_by_name_kind(const struct btf *btf, const char *name, __u32 kind)
{
	(void)btf;
	return kind == BTF_KIND_ENUM && !strcmp(name, "netdev_priv_flags") ? 1 : -ENOENT;
}

const struct btf_type *btf__type_by_id(const struct btf *btf, __u32 id)
{
	(void)btf;
	return id == 1 ? &btf_priv_flags.t : NULL;
}

const char *btf__name_by_offset(const struct btf *btf, __u32 offset)
{
	(void)btf;
	return offset < 3 ? btf_names[offset] : NULL;
}

void btf__free(struct btf *btf)
{
	(void)btf;
}

/* SIOCGIFFLAGS: the kernel calls dev_get_flags(), the program reads the device. */
int h0_netdev_get_flags(const char *name, unsigned int *flags)
{
	(void)name;
	if (stub.flags_err)
		return stub.flags_err;
	*flags = 0x1043;
	if (last_open) {
		last_open->bss.disc.dev = 0xffff888012345000ULL;
		last_open->bss.disc.xmit = stub.xmit ? stub.xmit : XMIT_ADDR;
		last_open->bss.disc.priv_flags = NO_LINEAR_BIT;
		last_open->bss.disc.seen = 1;
	}
	return 0;
}

FILE *__real_fopen(const char *path, const char *mode);

FILE *__wrap_fopen(const char *path, const char *mode)
{
	static char text[4096];
	const char *t;
	int i;

	for (i = 0; i < NFILES; i++) {
		if (strcmp(path, stub_file[i].path))
			continue;
		t = stub.files[i] ? stub.files[i] : stub_file[i].healthy;
		if (t == ABSENT) {
			errno = ENOENT;
			return NULL;
		}
		return fmemopen((void *)t, strlen(t), "r");
	}
	if (strcmp(path, "/proc/kallsyms"))
		return __real_fopen(path, mode);
	if (stub.kallsyms_errno) {
		errno = stub.kallsyms_errno;
		return NULL;
	}
	snprintf(text, sizeof(text), "%s", stub.kallsyms ? stub.kallsyms : kallsyms_text);
	if (stub.kallsyms_no_driver)
		*strstr(text, "ffffffffc0000ff0") = '\0';
	return fmemopen(text, strlen(text), "r");
}

static int open_probe(struct h0_probe *p, char *err, size_t errlen)
{
	int ret;

	stub.opened = stub.destroyed = 0;
	err[0] = '\0';
	ret = h0_probe_open(p, "eth0", 2, err, errlen);
	if (ret)
		H0_EXPECT_EQ(stub.opened, stub.destroyed);	/* nothing left open */
	return ret;
}

H0_TEST(probe_attaches_at_driver)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(p.discovered);
	H0_EXPECT(p.at_driver);
	H0_EXPECT(!strcmp(p.driver_sym, "exnic_xmit_frame [exnic]"));
	H0_EXPECT(!strcmp(p.disc_hook, "fentry:dev_get_flags"));
	H0_EXPECT(!strncmp(p.attach, "fentry:exnic_xmit_frame [exnic]", 31));
	H0_EXPECT(!strcmp(stub.target[DRV_FENTRY], "exnic_xmit_frame"));
	H0_EXPECT(!strcmp(stub.target[DIRECT_FENTRY], "__dev_direct_xmit"));
	H0_EXPECT(stub.attached[DRV_FENTRY] && stub.attached[DIRECT_FENTRY] &&
		  stub.attached[DIRECT_FEXIT]);
	H0_EXPECT_EQ(h0_probe_no_linear(&p), 1);
	H0_EXPECT(!p.note[0]);
	h0_probe_close(&p);
	H0_EXPECT_EQ(stub.opened, stub.destroyed);
}

/* No driver symbol: the documented fallback, not an error. */
H0_TEST(probe_falls_back_without_driver_symbol)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms_no_driver = true;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(!p.at_driver);
	H0_EXPECT(strstr(p.attach, "fallback"));
	H0_EXPECT(strstr(p.note, "not in /proc/kallsyms"));
	h0_probe_close(&p);
}

/*
 * SIOCGIFFLAGS failed, so the discovery program never ran: that is a
 * setup error, not "attached but never hit" and a silent fallback.
 */
H0_TEST(probe_discovery_trigger_fails)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.flags_err = -ENODEV;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	H0_EXPECT(strstr(err, "SIOCGIFFLAGS on eth0: "));
	H0_EXPECT(strstr(err, strerror(ENODEV)));
	H0_EXPECT(strstr(err, "--no-probe"));
	printf("  %s\n", err);
}

/* /proc/kallsyms unreadable: not "no discovery hook". */
H0_TEST(probe_kallsyms_unreadable)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms_errno = ENOENT;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	H0_EXPECT(strstr(err, "cannot read /proc/kallsyms: "));
	H0_EXPECT(strstr(err, strerror(ENOENT)));
	H0_EXPECT(strstr(err, "mount /proc"));
}

/* The kernel's BTF does not load: the flag is unknown, and the note says why. */
H0_TEST(probe_btf_unloadable)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.btf_errno = ENOENT;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT_EQ(h0_probe_no_linear(&p), -1);
	H0_EXPECT(strstr(p.note, "cannot load the kernel's BTF"));
	H0_EXPECT(!strstr(p.note, "this kernel has no IFF_TX_SKB_NO_LINEAR"));
	h0_probe_close(&p);
}

/* libbpf refuses to select the programs: say so, do not load them all. */
H0_TEST(probe_autoload_refused)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.autoload_err = -EBUSY;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	H0_EXPECT(strstr(err, "bpf_program__set_autoload"));
	H0_EXPECT(strstr(err, "--no-probe"));
}

/* Nothing loads: the error names every attempt and the way out. */
H0_TEST(probe_nothing_loads)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.load_err = -EPERM;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	H0_EXPECT(strstr(err, "cannot attach the BPF probe"));
	H0_EXPECT(strstr(err, "--no-probe"));
}

/*
 * e1000 built in, e1000e a module: two functions named e1000_xmit_frame.
 * The interface is e1000e's; the probe must count at e1000e's function.
 */
static const char kallsyms_e1000e[] =
	"ffffffff81000000 T dev_get_flags\n"
	"ffffffff81000100 T __dev_direct_xmit\n"
	"ffffffff81a00000 t e1000_xmit_frame\n"
	"ffffffffc0000ff0 t __pfx_e1000_xmit_frame\t[e1000e]\n"
	"ffffffffc0001000 t e1000_xmit_frame\t[e1000e]\n";
static const struct stub_btf btfs_e1000e[] = {
	{ "vmlinux", "dev_get_flags __dev_direct_xmit e1000_xmit_frame" },
	{ "e1000e", "e1000_xmit_frame" },
};

/* Was the driver's program bound to the function at @addr in @module? */
static bool drv_bound_to(const struct stub_btf *btfs, const char *module,
			 unsigned long long addr)
{
	char modname[128];

	if (stub.attached[DRV_FENTRY])
		return !strcmp(btfs[stub.target_btf[DRV_FENTRY]].name, module);
	if (!stub.attached[DRV_KPROBE])
		return false;
	snprintf(modname, sizeof(modname), "%s:", module);
	if (!stub.kprobe_func[DRV_KPROBE][0])
		return stub.kprobe_offset[DRV_KPROBE] == addr;
	return !strncmp(stub.kprobe_func[DRV_KPROBE], modname, strlen(modname));
}

/* libbpf 1.1 has no "module:name": the loader must still reach e1000e's function. */
H0_TEST(probe_ambiguous_driver_name_own_module)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms = kallsyms_e1000e;
	stub.btfs = btfs_e1000e;
	stub.nbtfs = 2;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(p.at_driver);
	H0_EXPECT(!strcmp(p.driver_sym, "e1000_xmit_frame [e1000e]"));
	H0_EXPECT(drv_bound_to(btfs_e1000e, "e1000e", XMIT_ADDR));
	printf("  attach: %s\n  note: %s\n", p.attach, p.note);
	h0_probe_close(&p);
}

/*
 * e1000 and e1000e both modules, e1000e loaded first, the interface e1000's;
 * libbpf 1.2+ reads "e1000:" as a prefix of e1000e: still e1000's function.
 */
H0_TEST(probe_ambiguous_driver_name_module_prefix)
{
	static const char text[] =
		"ffffffff81000000 T dev_get_flags\n"
		"ffffffff81000100 T __dev_direct_xmit\n"
		"ffffffffc0001000 t e1000_xmit_frame\t[e1000e]\n"
		"ffffffffc0201000 t e1000_xmit_frame\t[e1000]\n";
	static const struct stub_btf btfs[] = {
		{ "vmlinux", "dev_get_flags __dev_direct_xmit" },
		{ "e1000e", "e1000_xmit_frame" },
		{ "e1000", "e1000_xmit_frame" },
	};
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms = text;
	stub.btfs = btfs;
	stub.nbtfs = 3;
	stub.xmit = 0xffffffffc0201000ULL;
	stub.libbpf_mod_syntax = true;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(p.at_driver);
	H0_EXPECT(!strcmp(p.driver_sym, "e1000_xmit_frame [e1000]"));
	H0_EXPECT(drv_bound_to(btfs, "e1000", 0xffffffffc0201000ULL));
	printf("  attach: %s\n  note: %s\n", p.attach, p.note);
	h0_probe_close(&p);
}

/* libbpf 1.2+ names e1000e's function as module:name, and fentry sits on it. */
H0_TEST(probe_ambiguous_driver_name_fentry_by_module)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms = kallsyms_e1000e;
	stub.btfs = btfs_e1000e;
	stub.nbtfs = 2;
	stub.libbpf_mod_syntax = true;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(stub.attached[DRV_FENTRY]);
	H0_EXPECT(!strcmp(stub.target[DRV_FENTRY], "e1000e:e1000_xmit_frame"));
	H0_EXPECT(drv_bound_to(btfs_e1000e, "e1000e", XMIT_ADDR));
	H0_EXPECT(!strncmp(p.attach, "fentry:e1000_xmit_frame [e1000e] (", 34));
	h0_probe_close(&p);
}

/* The interface is the built-in e1000's: its function is the kernel image's. */
H0_TEST(probe_ambiguous_driver_name_builtin)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms = kallsyms_e1000e;
	stub.btfs = btfs_e1000e;
	stub.nbtfs = 2;
	stub.xmit = 0xffffffff81a00000ULL;
	H0_REQUIRE(open_probe(&p, err, sizeof(err)) == 0);
	H0_EXPECT(!strcmp(p.driver_sym, "e1000_xmit_frame"));
	H0_EXPECT(stub.attached[DRV_FENTRY]);
	H0_EXPECT(!strcmp(stub.target[DRV_FENTRY], "e1000_xmit_frame"));
	H0_EXPECT(drv_bound_to(btfs_e1000e, "vmlinux", 0xffffffff81a00000ULL));
	h0_probe_close(&p);
}

/* Kprobes only: by address, since the kernel refuses an ambiguous name. */
H0_TEST(probe_ambiguous_driver_name_kprobe_by_address)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.kallsyms = kallsyms_e1000e;
	stub.btfs = btfs_e1000e;
	stub.nbtfs = 2;
	setenv("H0_ATTACH", "kprobe", 1);
	H0_EXPECT(open_probe(&p, err, sizeof(err)) == 0);
	unsetenv("H0_ATTACH");
	H0_EXPECT(p.at_driver);
	H0_EXPECT(stub.attached[DRV_KPROBE] && !stub.kprobe_func[DRV_KPROBE][0]);
	H0_EXPECT_EQ(stub.kprobe_offset[DRV_KPROBE], XMIT_ADDR);
	H0_EXPECT(!strcmp(stub.kprobe_func[DIRECT_KPROBE], "__dev_direct_xmit"));
	H0_EXPECT(strstr(p.attach, "kprobe:e1000_xmit_frame [e1000e] by address"));
	h0_probe_close(&p);
}

/*
 * Why the probe cannot attach: the error names the cause first, then the
 * fix, then what works without the probe.
 */
static void expect_cause(const char *err, const char *cause)
{
	static const char prefix[] = "cannot attach the BPF probe: ";

	printf("  %s\n", err);
	H0_EXPECT(!strncmp(err, prefix, sizeof(prefix) - 1));
	if (strncmp(err + sizeof(prefix) - 1, cause, strlen(cause)))
		printf("  cause is not '%s'\n", cause);
	H0_EXPECT(!strncmp(err + sizeof(prefix) - 1, cause, strlen(cause)));
	/* What still works, and what does not */
	H0_EXPECT(strstr(err, "--no-probe"));
	H0_EXPECT(strstr(err, "completion"));
	H0_EXPECT(strstr(err, "UMEM"));
	H0_EXPECT(strstr(err, "--verify=PEER"));
	H0_EXPECT(strstr(err, "--expect-headlen0"));
}

/* Lockdown=confidentiality: no bpf_probe_read_kernel() for fentry, no kprobes. */
H0_TEST(probe_attach_cause_lockdown)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.files[F_LOCKDOWN] = "none integrity [confidentiality]\n";
	stub.fentry_load_err = -EINVAL;
	stub.kprobe_attach_errno = EPERM;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "kernel lockdown in confidentiality mode");
	H0_EXPECT(strstr(err, "/sys/kernel/security/lockdown"));
	H0_EXPECT(strstr(err, "lockdown=integrity"));
}

/* No kernel BTF: CO-RE relocations and fentry targets have nothing to resolve against. */
H0_TEST(probe_attach_cause_no_btf)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.files[F_BTF] = ABSENT;
	stub.btf_errno = ENOENT;
	stub.load_err = -ESRCH;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "the kernel has no BTF (/sys/kernel/btf/vmlinux missing)");
	H0_EXPECT(strstr(err, "CONFIG_DEBUG_INFO_BTF=y"));
}

/* CAP_PERFMON missing (CAP_BPF held): the kernel says EPERM. */
H0_TEST(probe_attach_cause_missing_cap)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	/* CAP_BPF (39) without CAP_PERFMON (38) or CAP_SYS_ADMIN (21) */
	stub.files[F_STATUS] = "CapEff:\t0000008000000000\n";
	stub.load_err = -EPERM;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "missing CAP_PERFMON");
	H0_EXPECT(strstr(err, "setcap cap_net_raw,cap_bpf,cap_perfmon+ep"));
}

/* Root of a user namespace: its capabilities do not count for BPF tracing. */
H0_TEST(probe_attach_cause_userns)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.files[F_UID_MAP] = "         0     100000      65536\n";
	stub.load_err = -EPERM;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "the process is in a user namespace");
}

/* fentry EPERM with every capability, no lockdown; no kprobes in this kernel. */
H0_TEST(probe_attach_cause_fentry_eperm_no_kprobes)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.files[F_LOCKDOWN] = ABSENT;
	stub.files[F_KPROBE_PMU] = ABSENT;
	stub.fentry_load_err = -EPERM;
	stub.kprobe_attach_errno = ENOENT;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "fentry refused with EPERM");
	H0_EXPECT(strstr(err, "no kprobes"));
	H0_EXPECT(strstr(err, "LSM"));
}

/* No BPF trampoline (ENOTSUPP) and no kprobes. */
H0_TEST(probe_attach_cause_no_trampoline_no_kprobes)
{
	struct h0_probe p;
	char err[4096];

	memset(&stub, 0, sizeof(stub));
	stub.files[F_KPROBE_PMU] = ABSENT;
	stub.fentry_attach_errno = 524;	/* ENOTSUPP, the kernel's */
	stub.kprobe_attach_errno = ENOENT;
	H0_EXPECT_EQ(open_probe(&p, err, sizeof(err)), -1);
	expect_cause(err, "fentry is not supported");
	H0_EXPECT(strstr(err, "ENOTSUPP"));
	H0_EXPECT(strstr(err, "no kprobes"));
	H0_EXPECT(strstr(err, "CONFIG_KPROBES"));
}

int main(void)
{
	unsetenv("H0_ATTACH");
	unsetenv("H0_DEBUG");
	H0_RUN(probe_attaches_at_driver);
	H0_RUN(probe_falls_back_without_driver_symbol);
	H0_RUN(probe_discovery_trigger_fails);
	H0_RUN(probe_kallsyms_unreadable);
	H0_RUN(probe_btf_unloadable);
	H0_RUN(probe_autoload_refused);
	H0_RUN(probe_nothing_loads);
	H0_RUN(probe_ambiguous_driver_name_own_module);
	H0_RUN(probe_ambiguous_driver_name_module_prefix);
	H0_RUN(probe_ambiguous_driver_name_fentry_by_module);
	H0_RUN(probe_ambiguous_driver_name_builtin);
	H0_RUN(probe_ambiguous_driver_name_kprobe_by_address);
	H0_RUN(probe_attach_cause_lockdown);
	H0_RUN(probe_attach_cause_no_btf);
	H0_RUN(probe_attach_cause_missing_cap);
	H0_RUN(probe_attach_cause_userns);
	H0_RUN(probe_attach_cause_fentry_eperm_no_kprobes);
	H0_RUN(probe_attach_cause_no_trampoline_no_kprobes);
	return h0_test_done();
}
