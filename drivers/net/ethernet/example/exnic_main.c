// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic: reference driver for a simulated NIC that adopts
 * IFF_TX_SKB_NO_LINEAR. The platform driver's probe; the module registers
 * the driver, and it binds to the devices the exnic_sim module creates.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "exnic.h"

static void exnic_read_mac(struct exnic_priv *priv)
{
	u32 lo = exnic_hw_rd32(priv->hw, EXNIC_REG_MAC_LO);
	u32 hi = exnic_hw_rd32(priv->hw, EXNIC_REG_MAC_HI);
	u8 addr[ETH_ALEN];

	addr[0] = lo;
	addr[1] = lo >> 8;
	addr[2] = lo >> 16;
	addr[3] = lo >> 24;
	addr[4] = hi;
	addr[5] = hi >> 8;

	if (is_valid_ether_addr(addr))
		eth_hw_addr_set(priv->ndev, addr);
	else
		eth_hw_addr_random(priv->ndev);
}

static void exnic_cancel_reset(void *data)
{
	struct exnic_priv *priv = data;

	cancel_work_sync(&priv->reset_work);
}

/**
 * exnic_probe - bind to a simulated exnic device
 * @pdev: the platform device; its platform data is a struct exnic_hw *
 *
 * Sets the device's drvdata to the struct net_device. Everything probe
 * sets up is device managed: on unbind the net device is unregistered,
 * then the reset work cancelled, then the net device freed.
 *
 * Return: 0 or a negative error.
 */
static int exnic_probe(struct platform_device *pdev)
{
	struct exnic_hw **pdata = dev_get_platdata(&pdev->dev);
	struct exnic_priv *priv;
	struct net_device *ndev;
	unsigned int nq, q;
	struct exnic_hw *hw;
	u32 caps;
	int err;

	if (!pdata || !*pdata)
		return -ENODEV;
	hw = *pdata;

	if (exnic_hw_rd32(hw, EXNIC_REG_ID) != EXNIC_ID_MAGIC)
		return -ENODEV;
	caps = exnic_hw_rd32(hw, EXNIC_REG_CAPS);
	nq = min_t(unsigned int, FIELD_GET(EXNIC_CAPS_NUM_QUEUES, caps),
		   EXNIC_MAX_QUEUES);
	if (!nq)
		return -ENODEV;

	ndev = devm_alloc_etherdev_mqs(&pdev->dev, sizeof(*priv), nq, nq);
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);

	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->hw = hw;
	priv->dev = exnic_hw_dev(hw);
	priv->max_queues = nq;
	priv->num_queues = nq;
	priv->tx_ring_size = EXNIC_RING_DEFAULT;
	priv->rx_ring_size = EXNIC_RING_DEFAULT;
	for (q = 0; q < EXNIC_MAX_QUEUES; q++) {
		u64_stats_init(&priv->txr[q].syncp);
		u64_stats_init(&priv->txr[q].csyncp);
		u64_stats_init(&priv->rxr[q].syncp);
		u64_stats_init(&priv->rxr[q].csyncp);
	}

	exnic_read_quirks(priv);
	exnic_read_mac(priv);
	exnic_set_netdev_ops(ndev);
	exnic_set_ethtool_ops(ndev);

	ndev->features = ndev->hw_features | NETIF_F_HIGHDMA;
	ndev->min_mtu = ETH_MIN_MTU;

#ifdef CONFIG_EXNIC_BASELINE
	/* The TX path needs the frame's headers in the linear part. */
	priv->pflags = 0;
#else
	/* Every TX step handles skb_headlen() == 0: see exnic_txrx.c. */
	priv->pflags = EXNIC_PFLAG_TX_NO_LINEAR;
	ndev->priv_flags |= IFF_TX_SKB_NO_LINEAR;
#endif

	platform_set_drvdata(pdev, ndev);
	err = devm_add_action_or_reset(&pdev->dev, exnic_cancel_reset, priv);
	if (err)
		return err;
	err = devm_register_netdev(&pdev->dev, ndev);
	if (err)
		return err;
	netdev_info(ndev, "exnic %s: %u queues, caps %#x\n",
		    dev_name(&pdev->dev), nq, caps);
	return 0;
}

static struct platform_driver exnic_driver = {
	.driver = {
		.name = EXNIC_DRV_NAME,
	},
	.probe = exnic_probe,
};

module_platform_driver(exnic_driver);

MODULE_DESCRIPTION("exnic: reference NIC driver adopting IFF_TX_SKB_NO_LINEAR");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXNIC_SIM);
