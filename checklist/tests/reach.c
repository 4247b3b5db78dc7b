// SPDX-License-Identifier: GPL-2.0
/*
 * Reachability (checklist/xsk_reach.py): header reads behind guards that
 * an AF_XDP skb cannot pass are notes (marked "unreachable"); reads
 * behind guards it may pass stay findings. The shapes are those of the
 * corpus drivers named in each comment.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/tcp.h>

struct rc_priv {
	u32 flags;
	u8 *wqe;
};

struct rc_info {
	bool linear;
	u16 hopbyhop;
};

/* macb: GSO through a local variable */
static void rc_lso_var(struct sk_buff *skb, u8 *wqe)
{
	unsigned int is_lso = skb_shinfo(skb)->gso_size;

	if (is_lso)
		wqe[0] = ip_hdr(skb)->protocol; /* EXPECT NL-03 unreachable */
}

/* cxgb4: GSO through an alias of the shared info */
static void rc_shinfo_alias(struct sk_buff *skb, u8 *wqe)
{
	const struct skb_shared_info *ssi;

	ssi = skb_shinfo(skb);
	if (ssi->gso_size && !(ssi->gso_type & SKB_GSO_UDP_L4))
		wqe[1] = tcp_hdr(skb)->doff; /* EXPECT NL-03 unreachable */
}

/* ixgbe, i40e: a flag set only for 802.1Q frames */
static void rc_flag_bits(struct sk_buff *skb, struct rc_priv *priv)
{
	__be16 protocol = skb->protocol;
	u32 tx_flags = 0;

	if (skb_vlan_tag_present(skb)) {
		tx_flags |= skb_vlan_tag_get(skb) << 16;
		tx_flags |= BIT(0);
	} else if (protocol == htons(ETH_P_8021Q)) {
		tx_flags |= BIT(1);
	}
	tx_flags |= (skb->priority & 0x7) << RC_PRIO_SHIFT;
	if (tx_flags & RC_FLAG_SW_VLAN)
		priv->wqe[2] = vlan_eth_hdr(skb)->h_vlan_TCI; /* EXPECT NL-03 unreachable */
	if (priv->flags & RC_FLAG_LOOPBACK)
		priv->wqe[3] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
}

/* mlx4: a value handed back through a pointer */
static int rc_get_lso(struct sk_buff *skb, int *lso_header_size)
{
	if (skb_is_gso(skb)) {
		*lso_header_size = skb_tcp_all_headers(skb);
		return 1;
	}
	*lso_header_size = 0;
	return 0;
}

/* mlx4: a struct field stored from a comparison with the head length */
static void rc_out_param(struct sk_buff *skb, struct rc_info *info, u8 *wqe)
{
	int lso_header_size;

	rc_get_lso(skb, &lso_header_size);
	if (lso_header_size)
		wqe[4] = tcp_hdr(skb)->doff; /* EXPECT NL-03 unreachable */
}

static void rc_set_linear(struct sk_buff *skb, struct rc_info *info,
			  int lso_header_size)
{
	info->linear = lso_header_size < skb_headlen(skb);
}

static void rc_field(struct sk_buff *skb, struct rc_info *info, u8 *wqe)
{
	if (info->linear)
		wqe[5] = ip_hdr(skb)->ttl; /* EXPECT NL-03 unreachable */
}

/* r8169: a predicate of the driver that is false for AF_XDP skbs */
static bool rc_is_udp(struct sk_buff *skb)
{
	switch (vlan_get_protocol(skb)) {
	case htons(ETH_P_IP):
		return ip_hdr(skb)->protocol == IPPROTO_UDP; /* EXPECT NL-03 unreachable */
	default:
		return false;
	}
}

/* cxgb4_ptp: an && chain stops before the read */
static bool rc_chain(struct sk_buff *skb)
{
	return skb->len > 60 &&
	       skb->protocol == htons(ETH_P_IP) &&
	       ip_hdr(skb)->protocol == IPPROTO_UDP; /* EXPECT NL-03 unreachable */
}

/* ravb: an early exit for every non-IPv4 frame */
static bool rc_early(struct sk_buff *skb)
{
	if (skb->protocol != htons(ETH_P_IP))
		return false;
	return ip_hdr(skb)->ihl == 5; /* EXPECT NL-03 unreachable */
}

/* cxgb4: a copy only for a linear skb */
static void rc_linear(struct sk_buff *skb, u8 *wqe)
{
	if (!skb->data_len)
		wqe[6] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 unreachable */
	else
		wqe[7] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
}

/* cxgb4 is_eth_imm(): a value built with += is not known */
static int rc_hdrlen(struct sk_buff *skb)
{
	int hdrlen = skb_is_gso(skb) ? 40 : 0;

	hdrlen += 16;
	return hdrlen;
}

/* a guard that depends on the device, not the skb: reached */
static void rc_unknown(struct sk_buff *skb, struct rc_priv *priv)
{
	if (priv->flags)
		priv->wqe[8] = ip_hdr(skb)->tos; /* EXPECT NL-03 */
}

static netdev_tx_t rc_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct rc_priv *priv = netdev_priv(dev);
	struct rc_info info;

	rc_lso_var(skb, priv->wqe);
	rc_shinfo_alias(skb, priv->wqe);
	rc_flag_bits(skb, priv);
	rc_out_param(skb, &info, priv->wqe);
	rc_set_linear(skb, &info, priv->wqe[0]);
	rc_field(skb, &info, priv->wqe);
	if (rc_is_udp(skb))
		priv->wqe[9] = udp_hdr(skb)->len; /* EXPECT NL-03 unreachable */
	if (rc_chain(skb) || rc_early(skb))
		priv->wqe[10] = 1;
	rc_linear(skb, priv->wqe);
	rc_unknown(skb, priv);
	if (rc_hdrlen(skb))
		priv->wqe[11] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
	return NETDEV_TX_OK;
}

static void rc_setup(struct net_device *dev)
{
	dev->features |= NETIF_F_SG;
}

static const struct net_device_ops rc_ops = {
	.ndo_start_xmit = rc_xmit,
};
