/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loader of headlen0_probe.bpf.c: finds the driver's ndo_start_xmit,
 * attaches as close to it as the kernel allows, reads the counters.
 *
 * Strategy, first that works wins:
 *  1. discovery: fentry, else kprobe, on dev_get_flags()/netif_get_flags();
 *     SIOCGIFFLAGS on the interface makes the kernel call it with our
 *     net_device: read netdev_ops->ndo_start_xmit, priv_flags, features.
 *  2. the address of ndo_start_xmit -> function name and module via
 *     /proc/kallsyms (ksym.h).
 *  3. counting: __dev_direct_xmit() entry/exit (fentry/fexit, else
 *     kprobe/kretprobe) plus the driver's function (fentry, else kprobe).
 *     A name that several functions share (e1000_xmit_frame: e1000 and
 *     e1000e) is attached by module (fentry "module:name", checked after
 *     the load) or by address (kprobe), never by the name alone.
 *     Without a driver symbol, the __dev_direct_xmit() entry counts are
 *     reported instead and the output says so: they are taken before
 *     validate_xmit_skb(), which may still linearize.
 */
#ifndef H0_PROBE_LOADER_H
#define H0_PROBE_LOADER_H

#include <linux/types.h>
#include <stdbool.h>
#include <stddef.h>

#include "headlen0_probe.h"
#include "ksym.h"
#include "probediag.h"

struct headlen0_probe_bpf;

struct h0_probe {
	struct headlen0_probe_bpf *skel;
	struct h0_disc disc;
	bool discovered;
	bool at_driver;
	__u64 no_linear_bit;	/* IFF_TX_SKB_NO_LINEAR in the running kernel's BTF */
	char disc_hook[96];	/* "fentry:dev_get_flags" */
	struct h0_ksym drv;	/* the function at disc.xmit, if kallsyms has it */
	char driver_sym[400];	/* "exnic_xmit_frame [exnic]" */
	/* The last failure of fentry and of kprobes on the kernel's own functions */
	struct h0_attach_try fentry_try, kprobe_try;
	char attach[640];	/* where the reported counts come from */
	char note[1024];	/* why something fell back */
};

struct h0_probe_counts {
	struct h0_site direct;		/* __dev_direct_xmit() entry, our socket's skbs */
	struct h0_site driver;		/* ndo_start_xmit, our skbs */
	struct h0_site driver_other;	/* ndo_start_xmit, any other skb */
};

/*
 * 0, or -1 with "cause; fix" in errbuf; when nothing attaches, the cause
 * is diagnosed (probediag.h) and what works without the probe is said.
 */
int h0_probe_open(struct h0_probe *p, const char *ifname, int ifindex,
		  char *errbuf, size_t errlen);
void h0_probe_read(const struct h0_probe *p, struct h0_probe_counts *c);
/* IFF_TX_SKB_NO_LINEAR of the interface: 1, 0, or -1 unknown. */
int h0_probe_no_linear(const struct h0_probe *p);
void h0_probe_close(struct h0_probe *p);

#endif /* H0_PROBE_LOADER_H */
