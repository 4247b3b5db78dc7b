// SPDX-License-Identifier: GPL-2.0
/*
 * NL-06: an in-band TX header pushed without skb_cow_head() is flagged;
 * one pushed after skb_cow_head() (or a skb_header_cloned() test) is not.
 * Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/netdevice.h>

/* exnic's baseline exnic_tx_push_hdr(), bcmgenet_add_tsb() */
static int hr_push_grow(struct sk_buff *skb, unsigned int len)
{
	void *th;

	if (skb_headroom(skb) < len &&
	    pskb_expand_head(skb, len - skb_headroom(skb), 0, GFP_ATOMIC))
		return -ENOMEM;
	th = skb_push(skb, len); /* EXPECT NL-06 */
	memset(th, 0, len);
	return 0;
}

/* exnic_tx_push_hdr() */
static int hr_push_cow(struct sk_buff *skb, unsigned int len)
{
	void *th;

	if (skb_headroom(skb) < len || skb_header_cloned(skb)) {
		if (skb_cow_head(skb, len))
			return -ENOMEM;
	}
	th = skb_push(skb, len);
	memset(th, 0, len);
	return 0;
}

static netdev_tx_t hr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	if (hr_push_grow(skb, 16) || hr_push_cow(skb, 16))
		return NETDEV_TX_OK;
	return NETDEV_TX_OK;
}

static const struct net_device_ops hr_netdev_ops = {
	.ndo_start_xmit = hr_xmit,
};

static void hr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &hr_netdev_ops;
	ndev->features |= NETIF_F_SG;
	ndev->needed_headroom = 16;
}
