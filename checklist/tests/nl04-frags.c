// SPDX-License-Identifier: GPL-2.0
/*
 * NL-04: writes into frag pages are flagged; reads are not (bnxt's push
 * buffer gathers the frags with skb_frag_address_safe() and memcpy()).
 * Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/highmem.h>
#include <linux/netdevice.h>

static void frag_write_tag(struct sk_buff *skb, __be32 tag)
{
	skb_frag_t *frag = &skb_shinfo(skb)->frags[0];
	u8 *va = skb_frag_address(frag);
	struct vlan_ethhdr *veh;

	memcpy(skb_frag_address(frag) + 12, &tag, 4); /* EXPECT NL-04 */
	va[12] = 0x81; /* EXPECT NL-04 */
	veh = kmap_local_page(skb_frag_page(frag)) + skb_frag_off(frag);
	veh->h_vlan_proto = htons(ETH_P_8021Q); /* EXPECT NL-04 */
	kunmap_local(veh);
	skb_store_bits(skb, 12, &tag, sizeof(tag)); /* EXPECT NL-04 */
}

/* bnxt_start_xmit()'s push path: reads only */
static int frag_gather(struct sk_buff *skb, u8 *pdata)
{
	int j;

	skb_copy_from_linear_data(skb, pdata, skb_headlen(skb));
	pdata += skb_headlen(skb);
	for (j = 0; j < skb_shinfo(skb)->nr_frags; j++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[j];
		void *fptr = skb_frag_address_safe(frag);

		if (!fptr)
			return -EINVAL;
		memcpy(pdata, fptr, skb_frag_size(frag));
		pdata += skb_frag_size(frag);
	}
	return 0;
}

static netdev_tx_t frag_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct frag_priv *priv = netdev_priv(ndev);

	if (priv->tag)
		frag_write_tag(skb, priv->tag);
	frag_gather(skb, priv->push_buf);
	return NETDEV_TX_OK;
}

static const struct net_device_ops frag_netdev_ops = {
	.ndo_start_xmit = frag_xmit,
};

static void frag_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &frag_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
