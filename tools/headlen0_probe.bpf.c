// SPDX-License-Identifier: GPL-2.0
/*
 * headlen0_probe: count, for one net_device, the skbs that reach the
 * driver's ndo_start_xmit with headlen 0 and those that arrive linear.
 *
 * AF_XDP generic TX calls __dev_direct_xmit() -> netdev_start_xmit() ->
 * ops->ndo_start_xmit(); the net:net_dev_start_xmit tracepoint is not on
 * that path, and validate_xmit_skb() may still linearize the skb between
 * the two. So the loader (probe.c) attaches:
 *   disc_*    to dev_get_flags()/netif_get_flags() once, to read
 *             dev->netdev_ops->ndo_start_xmit and dev->priv_flags;
 *   direct_*  to __dev_direct_xmit() entry and exit: the skb as the socket
 *             hands it over, remembered per thread;
 *   drv_*     to the driver's ndo_start_xmit itself: the skb as the driver
 *             gets it. An skb is "ours" when the same thread is inside
 *             __dev_direct_xmit() with the same skb.
 * Every hook exists as fentry/fexit (BPF trampoline) and kprobe: the
 * loader takes what the kernel supports.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "headlen0_probe.h"

char LICENSE[] SEC("license") = "GPL";

const volatile __u32 targ_ifindex;
const volatile __u32 targ_tgid;
const volatile __u64 targ_dev;		/* 0: match by ifindex only */

struct h0_disc disc;
struct h0_site site_direct;
struct h0_site site_drv_xsk;
struct h0_site site_drv_other;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);		/* thread id */
	__type(value, __u64);		/* skb inside __dev_direct_xmit() */
} inflight SEC(".maps");

static __always_inline bool h0_dev_match(struct net_device *dev)
{
	if (!dev)
		return false;
	if (targ_dev)
		return (__u64)dev == targ_dev;
	return BPF_CORE_READ(dev, ifindex) == (int)targ_ifindex;
}

static __always_inline void h0_count(struct h0_site *s, struct sk_buff *skb)
{
	struct skb_shared_info *shinfo;
	__u32 len, data_len, nr_frags;
	unsigned char *head;
	__u32 end;

	len = BPF_CORE_READ(skb, len);
	data_len = BPF_CORE_READ(skb, data_len);
	head = BPF_CORE_READ(skb, head);
	end = BPF_CORE_READ(skb, end);	/* offset: NET_SKBUFF_DATA_USES_OFFSET */
	shinfo = (struct skb_shared_info *)(head + end);
	nr_frags = BPF_CORE_READ(shinfo, nr_frags);

	__sync_fetch_and_add(&s->skbs, 1);
	if (len == data_len)
		__sync_fetch_and_add(&s->headlen0, 1);
	else if (data_len)
		__sync_fetch_and_add(&s->partial, 1);
	else
		__sync_fetch_and_add(&s->linear, 1);
	__sync_fetch_and_add(&s->bytes, len);
	__sync_fetch_and_add(&s->frags, nr_frags);
	if (nr_frags > s->max_frags)
		s->max_frags = nr_frags;
}

static __always_inline void h0_discover(struct net_device *dev)
{
	if (!dev || (bpf_get_current_pid_tgid() >> 32) != targ_tgid ||
	    BPF_CORE_READ(dev, ifindex) != (int)targ_ifindex)
		return;

	disc.dev = (__u64)dev;
	disc.xmit = (__u64)BPF_CORE_READ(dev, netdev_ops, ndo_start_xmit);
	disc.priv_flags = BPF_CORE_READ_BITFIELD_PROBED(dev, priv_flags);
	/*
	 * The value itself is read by the loader from the same kernel BTF:
	 * bpf_core_enum_value() of BIT(31) trips a signedness mismatch
	 * between clang 14 and libbpf 1.1.
	 */
	disc.no_linear_exists = bpf_core_enum_value_exists(enum netdev_priv_flags,
							   IFF_TX_SKB_NO_LINEAR);
	disc.features = BPF_CORE_READ(dev, features);
	disc.ifindex = BPF_CORE_READ(dev, ifindex);
	disc.mtu = BPF_CORE_READ(dev, mtu);
	disc.seen++;
}

static __always_inline void h0_direct_enter(struct sk_buff *skb)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 val = (__u64)skb;

	if (!h0_dev_match(BPF_CORE_READ(skb, dev)))
		return;
	h0_count(&site_direct, skb);
	bpf_map_update_elem(&inflight, &tid, &val, BPF_ANY);
}

static __always_inline void h0_direct_exit(void)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();

	bpf_map_delete_elem(&inflight, &tid);
}

static __always_inline void h0_driver(struct sk_buff *skb, struct net_device *dev)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *cur;

	if (!h0_dev_match(dev))
		return;
	cur = bpf_map_lookup_elem(&inflight, &tid);
	if (cur && *cur == (__u64)skb)
		h0_count(&site_drv_xsk, skb);
	else
		h0_count(&site_drv_other, skb);
}

/* Attach targets are set by the loader: bpf_program__set_attach_target(). */
SEC("fentry")
int BPF_PROG(disc_fentry, struct net_device *dev)
{
	h0_discover(dev);
	return 0;
}

SEC("kprobe")
int BPF_KPROBE(disc_kprobe, struct net_device *dev)
{
	h0_discover(dev);
	return 0;
}

SEC("fentry")
int BPF_PROG(direct_fentry, struct sk_buff *skb)
{
	h0_direct_enter(skb);
	return 0;
}

SEC("fexit")
int BPF_PROG(direct_fexit, struct sk_buff *skb)
{
	h0_direct_exit();
	return 0;
}

SEC("kprobe")
int BPF_KPROBE(direct_kprobe, struct sk_buff *skb)
{
	h0_direct_enter(skb);
	return 0;
}

SEC("kretprobe")
int BPF_KRETPROBE(direct_kretprobe)
{
	h0_direct_exit();
	return 0;
}

SEC("fentry")
int BPF_PROG(drv_fentry, struct sk_buff *skb, struct net_device *dev)
{
	h0_driver(skb, dev);
	return 0;
}

SEC("kprobe")
int BPF_KPROBE(drv_kprobe, struct sk_buff *skb, struct net_device *dev)
{
	h0_driver(skb, dev);
	return 0;
}
