// SPDX-License-Identifier: GPL-2.0
/*
 * NL-11 notes: header reads on the CHECKSUM_PARTIAL path. A headlen-0
 * AF_XDP skb never gets there in 6.12 (xsk_build_skb() sets
 * CHECKSUM_PARTIAL on the copy path only), so they are notes, not NL-03
 * failures. Lines marked EXPECT must be noted, and nothing else flagged.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>

/* e1000_tx_csum() */
static u8 csum_proto(struct sk_buff *skb)
{
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (skb->protocol == htons(ETH_P_IP))
		return ip_hdr(skb)->protocol; /* EXPECT NL-11 */
	return ipv6_hdr(skb)->nexthdr; /* EXPECT NL-11 */
}

/* bcmgenet_add_tsb(): inside if (CHECKSUM_PARTIAL) */
static u8 csum_inline(struct sk_buff *skb)
{
	u8 proto = 0;

	if (skb->ip_summed == CHECKSUM_PARTIAL)
		proto = ip_hdr(skb)->protocol; /* EXPECT NL-11 */
	return proto;
}

/* ena_tx_csum(): checksum offload or TSO, in parentheses */
static u8 csum_or_tso(struct sk_buff *skb)
{
	u32 mss = skb_shinfo(skb)->gso_size;

	if ((skb->ip_summed == CHECKSUM_PARTIAL) || mss)
		return ip_hdr(skb)->version; /* EXPECT NL-11 */
	return 0;
}

static netdev_tx_t csum_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	csum_proto(skb);
	csum_inline(skb);
	csum_or_tso(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops csum_netdev_ops = {
	.ndo_start_xmit = csum_xmit,
};

static void csum_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &csum_netdev_ops;
	ndev->features |= NETIF_F_SG | NETIF_F_HW_CSUM;
}
