// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: a comparison of skb_headlen() guards the reads after it when it
 * is the condition of an if or a while; one stored in a variable or a
 * field guards nothing (mlx4_en_xmit(): tx_info->linear =
 * lso_header_size < skb_headlen(skb) && !inline_ok). Lines marked EXPECT
 * must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

struct gd_info {
	bool linear;
};

static bool gd_stored(struct sk_buff *skb, struct gd_info *info, int lso)
{
	info->linear = lso < skb_headlen(skb);
	return eth_hdr(skb)->h_proto == htons(ETH_P_IP); /* EXPECT NL-03 read */
}

static bool gd_checked(struct sk_buff *skb)
{
	if (skb_headlen(skb) < ETH_HLEN)
		return false;
	return eth_hdr(skb)->h_proto == htons(ETH_P_IP);
}

static bool gd_loop(struct sk_buff *skb)
{
	while (skb_headlen(skb) < ETH_HLEN)
		if (!pskb_may_pull(skb, ETH_HLEN))
			return false;
	return eth_hdr(skb)->h_proto == htons(ETH_P_IP);
}

static netdev_tx_t gd_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct gd_info *info = netdev_priv(ndev);

	if (gd_stored(skb, info, 0) || gd_checked(skb) || gd_loop(skb))
		ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops gd_netdev_ops = {
	.ndo_start_xmit = gd_xmit,
};

static void gd_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &gd_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
