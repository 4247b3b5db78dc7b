// SPDX-License-Identifier: GPL-2.0
/*
 * NL-08: inline header bytes copied out of skb->data are flagged; copies
 * of exactly the head length and skb_copy_bits() are not. Lines marked
 * EXPECT must be flagged, and nothing else.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>

/* mlx5e_insert_vlan() */
static void inl_vlan(void *start, struct sk_buff *skb, u16 ihs)
{
	struct vlan_ethhdr *vhdr = (struct vlan_ethhdr *)start;

	memcpy(&vhdr->addrs, skb->data, 2 * ETH_ALEN); /* EXPECT NL-08 unreachable */
	vhdr->h_vlan_proto = skb->vlan_proto;
	vhdr->h_vlan_TCI = cpu_to_be16(skb_vlan_tag_get(skb));
	memcpy(&vhdr->h_vlan_encapsulated_proto, skb->data + 2 * ETH_ALEN, /* EXPECT NL-08 unreachable */
	       ihs - 2 * ETH_ALEN);
}

static void inl_copy(u8 *wqe, struct sk_buff *skb, u16 ihs)
{
	u8 *data = skb->data;

	memcpy(wqe, data, ihs); /* EXPECT NL-08 */
	skb_copy_from_linear_data(skb, wqe, ETH_HLEN); /* EXPECT NL-08 */
}

/* fec_enet_txq_submit_skb(): the whole head into a bounce buffer */
static void inl_bounce(u8 *bounce, struct sk_buff *skb)
{
	unsigned short buflen = skb_headlen(skb);

	memcpy(bounce, skb->data, buflen);
}

/* exnic_tx_inline_copy() */
static int inl_gather(u8 *wqe, const struct sk_buff *skb, u16 ihs)
{
	return skb_copy_bits(skb, 0, wqe, ihs);
}

static netdev_tx_t inl_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct inl_priv *priv = netdev_priv(ndev);

	if (skb_vlan_tag_present(skb))
		inl_vlan(priv->wqe, skb, 18);
	else
		inl_copy(priv->wqe, skb, 18);
	inl_bounce(priv->bounce, skb);
	inl_gather(priv->wqe, skb, 18);
	return NETDEV_TX_OK;
}

static const struct net_device_ops inl_netdev_ops = {
	.ndo_start_xmit = inl_xmit,
};

static void inl_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &inl_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
