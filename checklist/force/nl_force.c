// SPDX-License-Identifier: GPL-2.0-only
/*
 * nl_force: sets IFF_TX_SKB_NO_LINEAR on one network device whose driver
 * does not set it, so that checklist/run can show what the driver's
 * unmodified transmit path does with headlen-0 skbs. Test machines only:
 * the flag is a promise the driver has not made.
 *
 *   insmod nl_force.ko ifname=eth1    # flag on
 *   rmmod nl_force                    # flag off again
 *
 * The module keeps no reference to the device: on unload it looks the
 * device up again by ifindex and clears the flag only if it set it.
 */

#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>

static char *ifname;
module_param(ifname, charp, 0444);
MODULE_PARM_DESC(ifname, "device to set IFF_TX_SKB_NO_LINEAR on (init netns)");

static int nl_force_ifindex;

static int __init nl_force_init(void)
{
	struct net_device *dev;
	int err = 0;

	if (!ifname || !*ifname) {
		pr_err("nl_force: give the device: insmod nl_force.ko ifname=IFACE\n");
		return -EINVAL;
	}

	rtnl_lock();
	dev = __dev_get_by_name(&init_net, ifname);
	if (!dev) {
		pr_err("nl_force: no device %s in the initial network namespace\n",
		       ifname);
		err = -ENODEV;
	} else if (dev->priv_flags & IFF_TX_SKB_NO_LINEAR) {
		pr_info("nl_force: %s already sets IFF_TX_SKB_NO_LINEAR; nothing to do\n",
			ifname);
	} else {
		dev->priv_flags |= IFF_TX_SKB_NO_LINEAR;
		nl_force_ifindex = dev->ifindex;
		pr_warn("nl_force: IFF_TX_SKB_NO_LINEAR forced on %s (driver %s) for testing\n",
			ifname, dev->dev.parent && dev->dev.parent->driver ?
			dev->dev.parent->driver->name : "?");
	}
	rtnl_unlock();
	return err;
}

static void __exit nl_force_exit(void)
{
	struct net_device *dev;

	if (!nl_force_ifindex)
		return;
	rtnl_lock();
	dev = __dev_get_by_index(&init_net, nl_force_ifindex);
	if (dev)
		dev->priv_flags &= ~IFF_TX_SKB_NO_LINEAR;
	rtnl_unlock();
}

module_init(nl_force_init);
module_exit(nl_force_exit);
MODULE_DESCRIPTION("Force IFF_TX_SKB_NO_LINEAR on a device, for conformance tests");
MODULE_LICENSE("GPL");
