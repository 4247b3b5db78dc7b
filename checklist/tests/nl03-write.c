// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: a header written through the head is flagged as much as one read
 * (for a headlen-0 skb the write lands in the headroom or in
 * skb_shared_info), and the message says which it is: "written" for an
 * assignment or a copy into the header, "read and written" for a compound
 * assignment, ++/--, or an assignment whose right-hand side reads through
 * the same pointer. Lines marked EXPECT must be flagged, and nothing else;
 * the word after the item is what the message must say.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/netdevice.h>

/* aq_nic_map_skb(): the UDP length of a UFO frame rewritten */
static void wr_udp_len(struct sk_buff *skb, unsigned int mss)
{
	udp_hdr(skb)->len = htons(mss + 8); /* EXPECT NL-03 written */
}

/* cxgb4_eth_xmit(): the IPv4 header fixed up in place */
static void wr_iph(struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	if (iph->version == 4) { /* EXPECT NL-03 read */
		iph->check = 0; /* EXPECT NL-03 written */
		iph->tot_len = 0; /* EXPECT NL-03 written */
		iph->check = ~ip_fast_csum((u8 *)iph, iph->ihl); /* EXPECT NL-03 read-written */
	}
	iph->ttl--; /* EXPECT NL-03 read-written */
	ip_hdr(skb)->tos |= 2; /* EXPECT NL-03 read-written */
}

/* a MAC address copied into, and swapped within, the header */
static void wr_mac(struct sk_buff *skb, const u8 *mac)
{
	struct ethhdr *eth = eth_hdr(skb);

	ether_addr_copy(eth->h_source, mac); /* EXPECT NL-03 written */
	ether_addr_copy(eth->h_dest, eth->h_source); /* EXPECT NL-03 read-written */
	eth->h_source[0] = 0x02; /* EXPECT NL-03 written */
	eth_hdr(skb)->h_dest[0] |= 1; /* EXPECT NL-03 read-written */
}

static netdev_tx_t wr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	wr_udp_len(skb, 1400);
	wr_iph(skb);
	wr_mac(skb, ndev->dev_addr);
	return NETDEV_TX_OK;
}

static const struct net_device_ops wr_netdev_ops = {
	.ndo_start_xmit = wr_xmit,
};

static void wr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &wr_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
