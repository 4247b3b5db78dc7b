// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: an address member of a header (->h_dest, ->h_source, ->addrs) is
 * an array: naming it only takes its address, but handing it to a
 * function (any function may read it; %pM prints six bytes) or
 * dereferencing it reads the header. Through a local pointer the finding
 * is where the pointer is taken. A read whose only reader is a debug print
 * says so (it happens only with that print enabled). Lines marked EXPECT
 * must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

u32 mem_hash(const u8 *addr);

/* virtio_net's xmit_skb() */
static void mem_virtio(struct sk_buff *skb)
{
	const unsigned char *dest = ((struct ethhdr *)skb->data)->h_dest; /* EXPECT NL-03 debug */

	pr_debug("%s: xmit %p %pM\n", "eth0", skb, dest);
}

/* printed directly, through an accessor and through a header pointer */
static void mem_dbg(struct sk_buff *skb, struct net_device *ndev)
{
	struct ethhdr *eth = eth_hdr(skb);

	netdev_dbg(ndev, "%pM\n", eth_hdr(skb)->h_source); /* EXPECT NL-03 debug */
	pr_debug("proto %04x\n", ntohs(eth->h_proto)); /* EXPECT NL-03 debug */
}

/* handed to a function that is not a known reader, and dereferenced */
static u32 mem_use(struct sk_buff *skb)
{
	struct ethhdr *eth = (struct ethhdr *)skb->data;
	u32 h = mem_hash(eth->h_dest); /* EXPECT NL-03 read */

	if (eth->h_dest[0] & 1) /* EXPECT NL-03 read */
		h++;
	h += *(u16 *)(eth_hdr(skb)->h_source + 4); /* EXPECT NL-03 read */
	return h;
}

/* kept in a pointer: read and printed (a read), printed only (debug) */
static u8 mem_alias(struct sk_buff *skb)
{
	struct ethhdr *eth = eth_hdr(skb);
	const u8 *src = eth->h_source; /* EXPECT NL-03 read */
	const u8 *dst = eth_hdr(skb)->h_dest; /* EXPECT NL-03 debug */

	pr_debug("%pM > %pM\n", src, dst);
	return src[5];
}

/* addresses, sizes, and a write through skb->data (the in-band header a
 * driver builds after skb_push(): not counted)
 */
static unsigned long mem_addr(struct sk_buff *skb, const u8 *mac)
{
	struct ethhdr *eth = (struct ethhdr *)skb->data;
	const u8 *p = &eth->h_dest[2];

	eth->h_source[0] = 2;
	return (unsigned long)p + ARRAY_SIZE(eth->h_dest) +
	       sizeof(eth_hdr(skb)->h_dest);
}

/* a copy out of skb->data is NL-08's */
static void mem_copy(u8 *desc, struct sk_buff *skb)
{
	memcpy(desc, ((struct ethhdr *)skb->data)->h_dest, ETH_ALEN); /* EXPECT NL-08 */
}

static netdev_tx_t mem_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	mem_virtio(skb);
	mem_dbg(skb, ndev);
	if (mem_use(skb) || mem_alias(skb) || mem_addr(skb, ndev->dev_addr))
		ndev->stats.tx_dropped++;
	mem_copy(ndev->priv_desc, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops mem_netdev_ops = {
	.ndo_start_xmit = mem_xmit,
};

static void mem_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &mem_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
