// SPDX-License-Identifier: GPL-2.0-only
/*
 * nl_force: turns IFF_TX_SKB_NO_LINEAR on or off on one network device,
 * against what its driver chose, for tests. Test machines only.
 *
 *   insmod nl_force.ko ifname=eth1          # set the flag on a driver
 *                                           # that does not set it, so that
 *                                           # checklist/run shows what its
 *                                           # transmit path does with
 *                                           # headlen-0 skbs
 *   insmod nl_force.ko ifname=eth1 clear=1  # clear it on a driver that sets
 *                                           # it (virtio_net), so that a
 *                                           # benchmark can compare the copy
 *                                           # path with the page path
 *   echo 1 > /sys/module/nl_force/parameters/no_linear
 *                                           # set or clear (0) it while
 *                                           # the module is loaded, so that
 *                                           # a benchmark can switch paths
 *                                           # within one run
 *   rmmod nl_force                          # the driver's choice again
 *
 * The module keeps no reference to the device: it looks the device up
 * again by ifindex, and on unload puts back the driver's choice.
 */

#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>

static char *ifname;
module_param(ifname, charp, 0444);
MODULE_PARM_DESC(ifname, "device to change IFF_TX_SKB_NO_LINEAR on (init netns)");

static bool clear;
module_param(clear, bool, 0444);
MODULE_PARM_DESC(clear, "clear IFF_TX_SKB_NO_LINEAR instead of setting it");

static int nl_force_ifindex;	/* 0: no device */
static bool nl_force_orig;	/* the driver's choice, put back on unload */

static void nl_force_set(struct net_device *dev, bool on)
{
	if (on)
		dev->priv_flags |= IFF_TX_SKB_NO_LINEAR;
	else
		dev->priv_flags &= ~IFF_TX_SKB_NO_LINEAR;
}

/* The device nl_force_init() found; called under RTNL */
static struct net_device *nl_force_dev(void)
{
	ASSERT_RTNL();
	return nl_force_ifindex ?
	       __dev_get_by_index(&init_net, nl_force_ifindex) : NULL;
}

static int nl_force_no_linear_set(const char *val, const struct kernel_param *kp)
{
	struct net_device *dev;
	bool on;
	int err;

	err = kstrtobool(val, &on);
	if (err)
		return err;
	rtnl_lock();
	dev = nl_force_dev();
	if (dev)
		nl_force_set(dev, on);
	rtnl_unlock();
	return dev ? 0 : -ENODEV;
}

static int nl_force_no_linear_get(char *buf, const struct kernel_param *kp)
{
	struct net_device *dev;
	bool on = false;

	rtnl_lock();
	dev = nl_force_dev();
	if (dev)
		on = dev->priv_flags & IFF_TX_SKB_NO_LINEAR;
	rtnl_unlock();
	return dev ? sysfs_emit(buf, "%c\n", on ? 'Y' : 'N') : -ENODEV;
}

static const struct kernel_param_ops nl_force_no_linear_ops = {
	.set = nl_force_no_linear_set,
	.get = nl_force_no_linear_get,
};
module_param_cb(no_linear, &nl_force_no_linear_ops, NULL, 0644);
MODULE_PARM_DESC(no_linear,
		 "IFF_TX_SKB_NO_LINEAR on the device now; write 1 or 0 to switch it (after loading)");

static const char *nl_force_driver(const struct net_device *dev)
{
	return dev->dev.parent && dev->dev.parent->driver ?
	       dev->dev.parent->driver->name : "?";
}

static int __init nl_force_init(void)
{
	struct net_device *dev;
	bool set;
	int err = 0;

	if (!ifname || !*ifname) {
		pr_err("nl_force: give the device: insmod nl_force.ko ifname=IFACE [clear=1]\n");
		return -EINVAL;
	}

	rtnl_lock();
	dev = __dev_get_by_name(&init_net, ifname);
	if (!dev) {
		pr_err("nl_force: no device %s in the initial network namespace\n",
		       ifname);
		err = -ENODEV;
		goto out;
	}
	set = dev->priv_flags & IFF_TX_SKB_NO_LINEAR;
	nl_force_ifindex = dev->ifindex;
	nl_force_orig = set;
	if (set != clear) {
		pr_info("nl_force: %s already %s IFF_TX_SKB_NO_LINEAR; nothing to do\n",
			ifname, set ? "sets" : "leaves out");
		goto out;
	}
	nl_force_set(dev, !clear);
	pr_warn("nl_force: IFF_TX_SKB_NO_LINEAR forced %s on %s (driver %s) for testing\n",
		clear ? "off" : "on", ifname, nl_force_driver(dev));
out:
	rtnl_unlock();
	return err;
}

static void __exit nl_force_exit(void)
{
	struct net_device *dev;

	rtnl_lock();
	dev = nl_force_dev();
	if (dev)
		nl_force_set(dev, nl_force_orig);
	rtnl_unlock();
}

module_init(nl_force_init);
module_exit(nl_force_exit);
MODULE_DESCRIPTION("Force IFF_TX_SKB_NO_LINEAR on or off on a device, for tests");
MODULE_LICENSE("GPL");
