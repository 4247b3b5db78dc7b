/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Between the files of the exnic_sim module; nothing here is exported.
 */
#ifndef _EXNIC_SIM_PRIV_H_
#define _EXNIC_SIM_PRIV_H_

/* exnic_sim_dev.c: the debugfs root, /sys/kernel/debug/exnic/ */
int exnic_sim_init(void);
void exnic_sim_exit(void);

#endif /* _EXNIC_SIM_PRIV_H_ */
