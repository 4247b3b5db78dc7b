// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: skb_header_pointer() returns NULL for a frame shorter than the
 * bytes asked for, and AF_XDP sends frames of 1 to 13 bytes: a header
 * pointer from it is dereferenced only after a NULL test. Lines marked
 * EXPECT must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>

/* the conversion from eth_hdr(skb) that forgot the short frame */
static bool hn_mcast(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	return is_multicast_ether_addr(eh->h_dest); /* EXPECT NL-03 */
}

static __be16 hn_proto_decl(const struct sk_buff *skb)
{
	const struct ethhdr *eh = skb_header_pointer(skb, 0, ETH_HLEN, NULL);

	return eh->h_proto; /* EXPECT NL-03 */
}

static u8 hn_first_byte(const struct sk_buff *skb)
{
	u8 *b, c;

	b = skb_header_pointer(skb, 0, 1, &c);
	return *b; /* EXPECT NL-03 */
}

/*
 * A test anywhere on the path counts, even one that does not leave on
 * NULL: the rule misses this one (it is built not to guess).
 */
static bool hn_half_tested(const struct sk_buff *skb, bool fast)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	if (fast && !eh)
		return false;
	return eh->h_proto == htons(ETH_P_IP);
}

/* tested: every form */
static bool hn_tested_return(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	if (unlikely(!eh))
		return false;
	return is_multicast_ether_addr(eh->h_dest);
}

static bool hn_tested_eq(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	if (eh == NULL)
		return false;
	return eh->h_proto == htons(ETH_P_IP);
}

static __be16 hn_tested_if(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;
	__be16 proto = 0;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	if (eh)
		proto = eh->h_proto;
	return proto;
}

/* r8169's rtl_skb_is_udp(): the test in the same expression */
static bool hn_tested_and(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	return eh && eh->h_proto == htons(ETH_P_IP);
}

static __be16 hn_tested_cond(const struct sk_buff *skb)
{
	const struct ethhdr *eh = skb_header_pointer(skb, 0, ETH_HLEN, NULL);

	return eh ? eh->h_proto : 0;
}

static bool hn_tested_or(const struct sk_buff *skb)
{
	struct ethhdr *eh, _eh;

	eh = skb_header_pointer(skb, 0, sizeof(_eh), &_eh);
	return !eh || is_multicast_ether_addr(eh->h_dest);
}

/* a helper that returns skb_header_pointer() */
static const struct ethhdr *hn_eth_hdr(const struct sk_buff *skb,
				       struct ethhdr *buf)
{
	return skb_header_pointer(skb, 0, sizeof(*buf), buf);
}

static bool hn_helper_untested(const struct sk_buff *skb)
{
	const struct ethhdr *eh;
	struct ethhdr buf;

	eh = hn_eth_hdr(skb, &buf);
	return is_broadcast_ether_addr(eh->h_dest); /* EXPECT NL-03 */
}

/* exnic_tx_prepare() */
static bool hn_helper_tested(const struct sk_buff *skb)
{
	const struct ethhdr *eh;
	struct ethhdr buf;

	eh = hn_eth_hdr(skb, &buf);
	if (eh && is_multicast_ether_addr(eh->h_dest))
		return true;
	return false;
}

/* reached by a VLAN-tagged skb only, which AF_XDP never builds */
static __be16 hn_vlan(const struct sk_buff *skb)
{
	struct vlan_hdr *vh, _vh;

	if (skb->protocol != htons(ETH_P_8021Q))
		return 0;
	vh = skb_header_pointer(skb, ETH_HLEN, sizeof(_vh), &_vh);
	return vh->h_vlan_encapsulated_proto; /* EXPECT NL-03 unreachable */
}

static netdev_tx_t hn_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	if (hn_mcast(skb) || hn_proto_decl(skb) || hn_first_byte(skb) ||
	    hn_half_tested(skb, true) || hn_tested_return(skb) ||
	    hn_tested_eq(skb) || hn_tested_if(skb) || hn_tested_and(skb) ||
	    hn_tested_cond(skb) || hn_tested_or(skb) || hn_vlan(skb) ||
	    hn_helper_untested(skb) || hn_helper_tested(skb))
		ndev->stats.tx_packets++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops hn_netdev_ops = {
	.ndo_start_xmit = hn_xmit,
};

static void hn_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &hn_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
