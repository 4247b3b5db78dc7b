/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types shared by headlen0_probe.bpf.c and its loader probe.c.
 */
#ifndef H0_PROBE_H
#define H0_PROBE_H

/* Counts of skbs seen at one hook, split by the shape of their head. */
struct h0_site {
	__u64 skbs;
	__u64 headlen0;		/* skb->len == skb->data_len: everything in frags */
	__u64 partial;		/* some bytes in the head, the rest in frags */
	__u64 linear;		/* skb->data_len == 0: everything in the head */
	__u64 bytes;
	__u64 frags;		/* sum of skb_shinfo(skb)->nr_frags */
	__u64 max_frags;
};

/* What the discovery hook read from the target net_device. */
struct h0_disc {
	__u64 dev;		/* struct net_device * */
	__u64 xmit;		/* dev->netdev_ops->ndo_start_xmit */
	__u64 priv_flags;
	__u64 no_linear_exists;	/* enum netdev_priv_flags has IFF_TX_SKB_NO_LINEAR */
	__u64 features;
	__u32 ifindex;
	__u32 mtu;
	__u32 seen;
};

#endif /* H0_PROBE_H */
