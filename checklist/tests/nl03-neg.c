// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03 negatives: headers read through skb_header_pointer(), after
 * pskb_may_pull(), on GSO-only or stack-offload-only code, or not read at
 * all (sizeof, addresses, the pushed in-band header, headroom). Nothing
 * may be flagged.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/tcp.h>

/* the guide's header read (docs/porting.rst, NL-03) */
static const struct ethhdr *neg_eth_hdr(const struct sk_buff *skb,
					struct ethhdr *buf)
{
	return skb_header_pointer(skb, 0, sizeof(*buf), buf);
}

static int neg_pulled(struct sk_buff *skb)
{
	if (!pskb_may_pull(skb, ETH_HLEN))
		return -EINVAL;
	return eth_hdr(skb)->h_proto == htons(ETH_P_IP);
}

/* e1000_tso(): only GSO skbs get past the first test */
static int neg_tso(struct sk_buff *skb)
{
	struct iphdr *iph;

	if (!skb_is_gso(skb))
		return 0;
	iph = ip_hdr(skb);
	iph->check = 0; /* EXPECT NL-03 unreachable */
	return tcp_hdr(skb)->doff * 4; /* EXPECT NL-03 unreachable */
}

/* mlx5e_ipsec_tx_build_eseg(): only for xfrm offload skbs */
static u8 neg_ipsec(struct sk_buff *skb)
{
	return ip_hdr(skb)->protocol; /* EXPECT NL-03 unreachable */
}

/* bcmgenet_add_tsb(): the status block pushed in front of the frame */
static void neg_tsb(struct sk_buff *skb, u32 csum_info)
{
	struct status_64 *status;

	if (skb_cow_head(skb, sizeof(*status)))
		return;
	skb_push(skb, sizeof(*status));
	status = (struct status_64 *)skb->data;
	status->length_status = 0;
	status->tx_csum_info = csum_info;
}

/* virtio_net's xmit_skb(): the vnet header in the headroom in front of
 * skb->data (its pr_debug() of ->h_dest is in nl03-member.c)
 */
static int neg_virtio(struct sk_buff *skb, unsigned int hdr_len)
{
	struct vnet_hdr *hdr;

	hdr = (struct vnet_hdr *)(skb->data - hdr_len);
	vnet_hdr_from_skb(skb, &hdr->hdr);
	hdr->num_buffers = 0;
	return sizeof(*hdr);
}

static netdev_tx_t neg_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ethhdr buf;
	const struct ethhdr *eh = neg_eth_hdr(skb, &buf);

	if (eh && is_multicast_ether_addr(eh->h_dest))
		ndev->stats.multicast++;
	neg_pulled(skb);
	neg_tso(skb);
	if (xfrm_offload(skb))
		neg_ipsec(skb);
	neg_tsb(skb, 0);
	neg_virtio(skb, 12);
	return NETDEV_TX_OK;
}

static const struct net_device_ops neg_netdev_ops = {
	.ndo_start_xmit = neg_xmit,
};

static void neg_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &neg_netdev_ops;
	ndev->features |= NETIF_F_SG;
	ndev->needed_headroom = 64;
}
