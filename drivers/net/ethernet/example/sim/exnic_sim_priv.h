/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Between the files of the exnic_sim module; nothing here is exported.
 */
#ifndef _EXNIC_SIM_PRIV_H_
#define _EXNIC_SIM_PRIV_H_

struct net_device;

/* exnic_sim_dev.c: the debugfs root, /sys/kernel/debug/exnic/ */
int exnic_sim_init(void);
void exnic_sim_exit(void);

/* exnic_sim_null.c: null devices, net devices that free every skb */
struct net_device *exnic_sim_null_create(unsigned int num_queues);
void exnic_sim_null_destroy(struct net_device *ndev);

#endif /* _EXNIC_SIM_PRIV_H_ */
