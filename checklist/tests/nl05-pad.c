// SPDX-License-Identifier: GPL-2.0
/*
 * NL-05: padding inside the skb. Lines marked EXPECT must be flagged, and
 * nothing else: pad_from_buffer() sends the missing bytes from a
 * pre-mapped zero buffer (exnic_tx_pad()), which is the fix.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

static unsigned int pad_from_buffer(struct pad_ring *ring, struct sk_buff *skb)
{
	if (skb->len >= ETH_ZLEN)
		return 0;
	pad_add_desc(ring, ring->pad_dma, ETH_ZLEN - skb->len);
	return ETH_ZLEN - skb->len;
}

static netdev_tx_t pad_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct pad_ring *ring = netdev_priv(ndev);

	if (ring->quirk_min17 && skb_put_padto(skb, 17)) /* EXPECT NL-05 */
		return NETDEV_TX_OK;
	if (ring->quirk_runt && skb_padto(skb, ETH_ZLEN)) /* EXPECT NL-05 */
		return NETDEV_TX_OK;
	if (ring->quirk_eth && eth_skb_pad(skb)) /* EXPECT NL-05 */
		return NETDEV_TX_OK;
	pad_from_buffer(ring, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pad_netdev_ops = {
	.ndo_start_xmit = pad_xmit,
};

static void pad_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &pad_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
