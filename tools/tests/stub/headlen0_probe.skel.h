/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the generated .output/headlen0_probe.skel.h in the unit
 * test of the probe's loader (tests/test_probe.c): the same struct, with
 * no BPF object behind it. The test defines these functions, and the
 * libbpf ones probe.c calls, and steers what they return. Keep the members
 * in step with headlen0_probe.bpf.c's programs and globals.
 */
#ifndef H0_STUB_PROBE_SKEL_H
#define H0_STUB_PROBE_SKEL_H

#include <bpf/libbpf.h>

struct headlen0_probe_bpf {
	struct bpf_object *obj;
	struct {
		struct bpf_program *disc_fentry;
		struct bpf_program *direct_fentry;
		struct bpf_program *drv_fentry;
		struct bpf_program *disc_kprobe;
		struct bpf_program *direct_kprobe;
		struct bpf_program *drv_kprobe;
		struct bpf_program *direct_fexit;
		struct bpf_program *direct_kretprobe;
	} progs;
	struct {
		struct bpf_link *disc_fentry;
		struct bpf_link *direct_fentry;
		struct bpf_link *drv_fentry;
		struct bpf_link *disc_kprobe;
		struct bpf_link *direct_kprobe;
		struct bpf_link *drv_kprobe;
		struct bpf_link *direct_fexit;
		struct bpf_link *direct_kretprobe;
	} links;
	struct headlen0_probe_bpf__rodata {
		__u32 targ_ifindex;
		__u32 targ_tgid;
		__u64 targ_dev;
	} *rodata;
	struct headlen0_probe_bpf__bss {
		struct h0_disc disc;
		struct h0_site site_direct;
		struct h0_site site_drv_xsk;
		struct h0_site site_drv_other;
	} *bss;
};

struct headlen0_probe_bpf *headlen0_probe_bpf__open(void);
int headlen0_probe_bpf__load(struct headlen0_probe_bpf *skel);
void headlen0_probe_bpf__destroy(struct headlen0_probe_bpf *skel);

#endif /* H0_STUB_PROBE_SKEL_H */
