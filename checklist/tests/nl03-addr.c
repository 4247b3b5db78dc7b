// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: taking a header's address is not a read; the finding is at the
 * dereference. A header pointer handed whole to a reader
 * (is_multicast_ether_addr(), ether_addr_equal(), ...) is a read at that
 * call. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/netdevice.h>

/* cxgb4_ptp_is_ptp_tx(): the pointer taken, then read two lines later */
static bool addr_ptp(struct sk_buff *skb)
{
	struct udphdr *uh;

	uh = udp_hdr(skb);
	return skb->len >= 44 &&
	       uh->dest == htons(319); /* EXPECT NL-03 read */
}

/* addresses only: nothing read */
static unsigned long addr_only(struct sk_buff *skb)
{
	struct udphdr *uh = udp_hdr(skb);
	struct ethhdr *eth = (struct ethhdr *)skb->data;
	__be16 *port = &uh->dest;
	__be32 *saddr = &ip_hdr(skb)->saddr;
	const u8 *mac = eth->h_source;

	return (unsigned long)port + (unsigned long)saddr +
	       (unsigned long)mac + sizeof(*uh) + sizeof(eth->h_dest);
}

/* the pointer itself handed to a reader */
static bool addr_mcast(struct sk_buff *skb, const u8 *own)
{
	const u8 *d = skb->data;
	struct ethhdr *eh = eth_hdr(skb);

	if (is_multicast_ether_addr(d)) /* EXPECT NL-03 read */
		return true;
	if (ether_addr_equal(eh, own)) /* EXPECT NL-03 read */
		return true;
	return ether_addr_equal(skb_mac_header(skb), own); /* EXPECT NL-03 read */
}

static netdev_tx_t addr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	if (addr_ptp(skb) || addr_only(skb))
		ndev->stats.tx_dropped++;
	addr_mcast(skb, ndev->dev_addr);
	return NETDEV_TX_OK;
}

static const struct net_device_ops addr_netdev_ops = {
	.ndo_start_xmit = addr_xmit,
};

static void addr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &addr_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
