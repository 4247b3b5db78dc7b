// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03 positives: headers read (or written) through the head on the
 * xmit path. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/netdevice.h>

/* a header read through the head, as bnx2x_start_xmit() does */
static const struct ethhdr *pos_eth_hdr(const struct sk_buff *skb)
{
	return (const struct ethhdr *)skb->data; /* EXPECT NL-03 */
}

/* ice_xmit_frame_ring(): the LLDP test */
static bool pos_lldp(struct sk_buff *skb)
{
	struct ethhdr *eth;

	eth = (struct ethhdr *)skb_mac_header(skb);
	return eth->h_proto == htons(ETH_P_LLDP); /* EXPECT NL-03 read */
}

/* e1000_transfer_dhcp_info() */
static int pos_dhcp(struct sk_buff *skb)
{
	if (((struct ethhdr *)skb->data)->h_proto != htons(ETH_P_IP)) /* EXPECT NL-03 */
		return 0;
	{
		const struct iphdr *ip = (struct iphdr *)((u8 *)skb->data + 14);

		if (ip->protocol != IPPROTO_UDP) /* EXPECT NL-03 */
			return 0;
	}
	return 1;
}

/* i40e_tx_prepare_vlan_flags(): a software VLAN tag written in place */
static int pos_sw_vlan(struct sk_buff *skb, u16 tci)
{
	struct vlan_ethhdr *vhdr;

	if (skb_cow_head(skb, 0))
		return -ENOMEM;
	vhdr = skb_vlan_eth_hdr(skb);
	vhdr->h_vlan_TCI = htons(tci); /* EXPECT NL-03 written */
	return 0;
}

static netdev_tx_t pos_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	const struct ethhdr *eh = pos_eth_hdr(skb);

	if (is_multicast_ether_addr(skb->data)) /* EXPECT NL-03 */
		ndev->stats.multicast++;
	if (ether_addr_equal(eth_hdr(skb)->h_dest, ndev->dev_addr)) /* EXPECT NL-03 */
		return NETDEV_TX_OK;
	if (eh && pos_lldp(skb))
		return NETDEV_TX_OK;
	pos_dhcp(skb);
	pos_sw_vlan(skb, 1);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pos_netdev_ops = {
	.ndo_start_xmit = pos_xmit,
};

static void pos_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &pos_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
