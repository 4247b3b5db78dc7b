/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * exnic: every difference between the kernels the kit is tested on, in one
 * place. The driver is written against 6.12; this header maps what it uses
 * onto older kernels, so the driver's .c files carry no version checks.
 * The KUnit side has its own: kunit/kunit_compat.h.
 *
 * Tested: Debian's linux-source-6.12 (6.12.y) and linux-source-6.1 (6.1.y).
 * A check names the release that brought the API; where a stable series
 * backported it, the check names that series' first release with it.
 * Version checks belong here and nowhere else, so checkpatch's
 * LINUX_VERSION_CODE warning is waived for *_compat.h files only
 * (scripts/check-kernel-code).
 */
#ifndef _EXNIC_COMPAT_H_
#define _EXNIC_COMPAT_H_

#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/version.h>
#include <net/netdev_queues.h>

/* <asm/unaligned.h> moved to <linux/unaligned.h> in 6.12. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/* The page_pool API split into <net/page_pool/{types,helpers}.h> in 6.6. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif

/*
 * KUnit static stubs (<kunit/static_stub.h>) came in 6.4. Before, the
 * redirect does nothing: the function always does its real work, and the
 * tests that would replace it skip (kunit/kunit_compat.h).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/static_stub.h>
#else
#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...) ((void)(real_fn_name))
#endif

/**
 * exnic_page_pool_params_stack - tell a page pool its NAPI, netdev, queue
 * @pp: the pool's parameters
 * @napi: NAPI instance the pool's pages are recycled from directly
 * @netdev: net device the pool is listed under (netlink)
 * @queue_idx: RX queue the pool serves
 *
 * 6.12 has all three in struct page_pool_params; 6.1 has none of them, and
 * a pool there recycles only through its ring. Kernels in between have
 * some of them; they are not tested, and get none.
 */
static inline void
exnic_page_pool_params_stack(struct page_pool_params *pp,
			     struct napi_struct *napi,
			     struct net_device *netdev, u32 queue_idx)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	pp->napi = napi;
	pp->netdev = netdev;
	pp->queue_idx = queue_idx;
#endif
}

/*
 * Per-queue statistics over netlink (struct netdev_stat_ops, with the
 * stop and wake counters exnic reports): 6.12 has them, 6.1 has none, and
 * the ops are defined there only so that exnic_qstats.c compiles; nothing
 * calls them. Kernels in between are not tested, and get none.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
static inline void
exnic_netdev_set_stat_ops(struct net_device *ndev,
			  const struct netdev_stat_ops *ops)
{
	ndev->stat_ops = ops;
}
#else
struct netdev_queue_stats_rx {
	u64 bytes;
	u64 packets;
	u64 alloc_fail;
};

struct netdev_queue_stats_tx {
	u64 bytes;
	u64 packets;
	u64 hw_drop_errors;
	u64 needs_csum;
	u64 stop;
	u64 wake;
};

struct netdev_stat_ops {
	void (*get_queue_stats_rx)(struct net_device *dev, int idx,
				   struct netdev_queue_stats_rx *stats);
	void (*get_queue_stats_tx)(struct net_device *dev, int idx,
				   struct netdev_queue_stats_tx *stats);
	void (*get_base_stats)(struct net_device *dev,
			       struct netdev_queue_stats_rx *rx,
			       struct netdev_queue_stats_tx *tx);
};

static inline void
exnic_netdev_set_stat_ops(struct net_device *ndev,
			  const struct netdev_stat_ops *ops)
{
}
#endif

/* ethtool_puts() came in 6.8. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
static inline void ethtool_puts(u8 **data, const char *str)
{
	strscpy((char *)*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}
#endif

/*
 * platform_driver.remove returns void from 6.11. From 6.3 until then, and
 * in 6.1.y, the void-returning callback is .remove_new.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define EXNIC_PLATFORM_REMOVE(fn)	.remove = (fn)
#else
#define EXNIC_PLATFORM_REMOVE(fn)	.remove_new = (fn)
#endif

/**
 * exnic_set_driver_override - bind only @drv_name to @pdev
 * @pdev: a platform device not yet added
 * @drv_name: the driver's name
 *
 * device_set_driver_override() replaced platform_device.driver_override in
 * 6.12.80 (stable); before, driver_set_override() sets the bus's field.
 *
 * Return: 0 or -ENOMEM.
 */
static inline int exnic_set_driver_override(struct platform_device *pdev,
					    const char *drv_name)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 80)
	return device_set_driver_override(&pdev->dev, drv_name);
#else
	return driver_set_override(&pdev->dev, &pdev->driver_override,
				   drv_name, strlen(drv_name));
#endif
}

/*
 * __netif_txq_completed_wake() (6.5): report a TX completion to BQL, then
 * wake the queue if @start_thrs descriptors are free, unless @down_cond.
 * 6.1.y has an older <net/netdev_queues.h> without it. The same macro,
 * with the barrier that 6.12 takes from netdev_txq_completed_mb(): the new
 * consumer index before the stopped check, pairing with the barrier in
 * netif_txq_try_stop().
 */
#ifndef __netif_txq_completed_wake
#define __netif_txq_completed_wake(txq, pkts, bytes,			\
				   get_desc, start_thrs, down_cond)	\
	({								\
		struct netdev_queue *_txq = (txq);			\
		unsigned int _pkts = (pkts);				\
		int _res = -1;						\
									\
		netdev_tx_completed_queue(_txq, _pkts, bytes);		\
		smp_mb(); /* pairs with netif_txq_try_stop() */	\
		if (_pkts && likely((get_desc) >= (start_thrs))) {	\
			_res = 1;					\
			if (unlikely(netif_tx_queue_stopped(_txq)) &&	\
			    !(down_cond)) {				\
				netif_tx_wake_queue(_txq);		\
				_res = 0;				\
			}						\
		}							\
		_res;							\
	})
#endif

/* DEFINE_SHOW_STORE_ATTRIBUTE() (6.2): a seq_file show with a write. */
#ifndef DEFINE_SHOW_STORE_ATTRIBUTE
#define DEFINE_SHOW_STORE_ATTRIBUTE(__name)				\
static int __name ## _open(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, __name ## _show, inode->i_private);	\
}									\
									\
static const struct file_operations __name ## _fops = {			\
	.owner		= THIS_MODULE,					\
	.open		= __name ## _open,				\
	.read		= seq_read,					\
	.write		= __name ## _write,				\
	.llseek		= seq_lseek,					\
	.release	= single_release,				\
}
#endif

#endif /* _EXNIC_COMPAT_H_ */
