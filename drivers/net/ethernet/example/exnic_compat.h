/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * exnic and exnic_sim on kernels older than 6.12: what the code uses of
 * 6.12 that they lack, in one place, so that the code itself is 6.12 code,
 * with no version checks and no compat include. For such kernels only, the
 * Makefile includes this header first into every file and puts compat/ on
 * the include path, for the headers they lack:
 *
 *   compat/linux/unaligned.h        <asm/unaligned.h> before 6.12
 *   compat/net/page_pool/helpers.h  <net/page_pool.h> before 6.6
 *   compat/kunit/static_stub.h      none before 6.4: KUNIT_STATIC_STUB_REDIRECT()
 *                                   does nothing, the function always does
 *                                   its real work (kunit/kunit_compat.h skips
 *                                   the tests that would replace it)
 *
 * Written for Debian's linux-source-6.1 (6.1.y), the older kernel the kit
 * is tested on; kernels in between are not tested. Each item names the
 * release that brought the API. The KUnit side has its own:
 * kunit/kunit_compat.h.
 */
#ifndef _EXNIC_COMPAT_H_
#define _EXNIC_COMPAT_H_

#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <net/netdev_queues.h>
#include <net/page_pool/helpers.h>

/*
 * struct page_pool_params (6.12) tells the pool its NAPI, its net device
 * and its RX queue; 6.1's knows none of them, and a pool there recycles
 * only through its ring. The driver fills this copy of 6.12's fields, and
 * page_pool_create() passes on those 6.1 has.
 */
struct exnic_compat_page_pool_params {
	unsigned int flags;
	unsigned int order;
	unsigned int pool_size;
	int nid;
	struct device *dev;
	struct napi_struct *napi;
	enum dma_data_direction dma_dir;
	unsigned int max_len;
	unsigned int offset;
	struct net_device *netdev;
	u32 queue_idx;
};

static inline struct page_pool *
exnic_compat_page_pool_create(const struct exnic_compat_page_pool_params *p)
{
	const struct page_pool_params pp = {
		.flags = p->flags,
		.order = p->order,
		.pool_size = p->pool_size,
		.nid = p->nid,
		.dev = p->dev,
		.dma_dir = p->dma_dir,
		.max_len = p->max_len,
		.offset = p->offset,
	};

	return page_pool_create(&pp);
}

#define page_pool_params	exnic_compat_page_pool_params
#define page_pool_create	exnic_compat_page_pool_create

/*
 * Per-queue statistics over netlink (struct netdev_stat_ops, with the
 * stop and wake counters exnic reports): 6.1 has none. The Makefile
 * leaves exnic_qstats.c out, and this stands in for its entry point.
 */
static inline void exnic_set_stat_ops(struct net_device *ndev)
{
}

/* ethtool_puts() came in 6.8. */
static inline void ethtool_puts(u8 **data, const char *str)
{
	strscpy((char *)*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}

/*
 * device_set_driver_override() replaced platform_device.driver_override
 * in 6.12.80 (stable); before, driver_set_override() sets the bus's field.
 */
static inline int device_set_driver_override(struct device *dev,
					     const char *drv_name)
{
	return driver_set_override(dev,
				   &to_platform_device(dev)->driver_override,
				   drv_name, strlen(drv_name));
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
