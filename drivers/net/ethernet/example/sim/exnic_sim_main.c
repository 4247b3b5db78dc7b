// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic_sim: the simulated exnic device, as a module of its own. Creates
 * the devices at load and removes them at unload; the exnic driver binds
 * to them (before or after, as a bus's devices and their driver do).
 *
 * Module parameters: "pairs" port pairs (exnic0 <-> exnic1, ...), then
 * "sinks" sink devices, then "nulls" null devices, all with the quirk
 * "profile" and "queues" queue pairs. The platform devices are named
 * exnic0, exnic1, ...; null devices are net devices of this module
 * (exnic_sim_null.c), no exnic binds them.
 */

#include <linux/err.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/printk.h>

#include "exnic_hw.h"
#include "exnic_sim.h"
#include "exnic_sim_priv.h"

#define EXNIC_SIM_MAX_DEVICES	16

static unsigned int pairs = 1;
module_param(pairs, uint, 0444);
MODULE_PARM_DESC(pairs, "Port pairs to create (default 1)");

static unsigned int sinks;
module_param(sinks, uint, 0444);
MODULE_PARM_DESC(sinks, "Sink devices to create (default 0)");

static unsigned int nulls;
module_param(nulls, uint, 0444);
MODULE_PARM_DESC(nulls,
		 "Null devices to create (default 0): xmit frees the skb at once, for benchmarks");

static char *profile = "none";
module_param(profile, charp, 0444);
MODULE_PARM_DESC(profile,
		 "Quirk profile: none, no-zero-len, min-inline, tx-header, trailer, max-bufs, dma-align, no-pad, no-csum, strict; name=N overrides N");

static unsigned int queues = 4;
module_param(queues, uint, 0444);
MODULE_PARM_DESC(queues, "Queue pairs per device (default 4)");

static struct exnic_hw *exnic_sim_hws[EXNIC_SIM_MAX_DEVICES];
static unsigned int exnic_sim_nr_hws;
static struct net_device *exnic_sim_nulls[EXNIC_SIM_MAX_DEVICES];
static unsigned int exnic_sim_nr_nulls;

static void exnic_sim_destroy_devices(void)
{
	while (exnic_sim_nr_nulls)
		exnic_sim_null_destroy(exnic_sim_nulls[--exnic_sim_nr_nulls]);
	while (exnic_sim_nr_hws)
		exnic_sim_destroy(exnic_sim_hws[--exnic_sim_nr_hws]);
}

static int exnic_sim_create_one(const struct exnic_sim_profile *prof,
				enum exnic_sim_mode mode, struct exnic_hw **hwp)
{
	struct exnic_hw *hw;
	char name[16];

	if (exnic_sim_nr_hws >= EXNIC_SIM_MAX_DEVICES)
		return -E2BIG;
	snprintf(name, sizeof(name), "exnic%u", exnic_sim_nr_hws);
	hw = exnic_sim_create(name, prof, mode, queues);
	if (IS_ERR(hw))
		return PTR_ERR(hw);
	exnic_sim_hws[exnic_sim_nr_hws++] = hw;
	*hwp = hw;
	return 0;
}

static int exnic_sim_create_null(void)
{
	struct net_device *ndev;

	if (exnic_sim_nr_nulls >= EXNIC_SIM_MAX_DEVICES)
		return -E2BIG;
	ndev = exnic_sim_null_create(queues);
	if (IS_ERR(ndev))
		return PTR_ERR(ndev);
	exnic_sim_nulls[exnic_sim_nr_nulls++] = ndev;
	return 0;
}

static int exnic_sim_create_devices(void)
{
	struct exnic_sim_profile prof;
	struct exnic_hw *a, *b;
	unsigned int i;
	int err;

	err = exnic_sim_profile_parse(profile, &prof);
	if (err) {
		pr_err("exnic_sim: bad profile \"%s\"\n", profile);
		return err;
	}

	for (i = 0; i < pairs; i++) {
		err = exnic_sim_create_one(&prof, EXNIC_SIM_PAIR, &a);
		if (err)
			return err;
		err = exnic_sim_create_one(&prof, EXNIC_SIM_PAIR, &b);
		if (err)
			return err;
		exnic_sim_connect(a, b);
	}
	for (i = 0; i < sinks; i++) {
		err = exnic_sim_create_one(&prof, EXNIC_SIM_SINK, &a);
		if (err)
			return err;
	}
	for (i = 0; i < nulls; i++) {
		err = exnic_sim_create_null();
		if (err)
			return err;
	}
	return 0;
}

static int __init exnic_sim_module_init(void)
{
	int err;

	if (!queues || queues > EXNIC_MAX_QUEUES)
		return -EINVAL;

	err = exnic_sim_init();
	if (err)
		return err;
	err = exnic_sim_create_devices();
	if (err) {
		exnic_sim_destroy_devices();
		exnic_sim_exit();
	}
	return err;
}
module_init(exnic_sim_module_init);

static void __exit exnic_sim_module_exit(void)
{
	exnic_sim_destroy_devices();
	exnic_sim_exit();
}
module_exit(exnic_sim_module_exit);

MODULE_DESCRIPTION("exnic_sim: the simulated NIC the exnic driver drives, and null devices");
MODULE_LICENSE("GPL");
