// SPDX-License-Identifier: GPL-2.0
/*
 * NL-08: header bytes loaded from skb->data with get_unaligned() and
 * friends and stored in a descriptor field are an inline header copy
 * (NL-08, not NL-03: one finding per line); the same load into a local
 * variable is a header read (NL-03). Lines marked EXPECT must be flagged,
 * and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/unaligned.h>

struct ld_ctrl {
	__be16 srcrb_flags16[2];
	__be32 imm;
};

struct ld_desc {
	struct ld_ctrl ctrl;
	__be16 proto;
};

/* mlx4_en_xmit(): the destination MAC into the WQE (eSwitch loopback) */
static void ld_loopback(struct ld_desc *tx_desc, struct sk_buff *skb)
{
	struct ethhdr *ethh;

	ethh = (struct ethhdr *)skb->data;
	tx_desc->ctrl.srcrb_flags16[0] = get_unaligned((__be16 *)ethh->h_dest); /* EXPECT NL-08 */
	tx_desc->ctrl.imm = get_unaligned((__be32 *)(ethh->h_dest + 2)); /* EXPECT NL-08 */
}

/* straight from skb->data into the descriptor, and into a local */
static u16 ld_proto(struct ld_desc *tx_desc, struct sk_buff *skb)
{
	u16 proto = get_unaligned_be16(skb->data + 12); /* EXPECT NL-03 */

	tx_desc->proto = get_unaligned((__be16 *)(skb->data + 12)); /* EXPECT NL-08 */
	return proto;
}

static netdev_tx_t ld_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ld_desc *d = netdev_priv(ndev);

	ld_loopback(d, skb);
	ld_proto(d, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops ld_netdev_ops = {
	.ndo_start_xmit = ld_xmit,
};

static void ld_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &ld_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
