// SPDX-License-Identifier: GPL-2.0
/*
 * Interface and capability queries of headlen0_tx; see netdev.h.
 */
#include <dirent.h>
#include <errno.h>
#include <linux/capability.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "netdev.h"

#ifndef CAP_PERFMON
#define CAP_PERFMON	38
#endif
#ifndef CAP_BPF
#define CAP_BPF		39
#endif

static bool h0_cap_bit(const struct __user_cap_data_struct d[2], int cap)
{
	return d[cap / 32].effective & (1u << (cap % 32));
}

bool h0_have_cap(enum h0_cap cap)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0,
	};
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &hdr, d))
		return false;
	if (cap == H0_CAP_NET_RAW)
		return h0_cap_bit(d, CAP_NET_RAW);
	return h0_cap_bit(d, CAP_SYS_ADMIN) ||
	       (h0_cap_bit(d, CAP_BPF) && h0_cap_bit(d, CAP_PERFMON));
}

static int h0_ifreq(const char *name, unsigned long req, struct ifreq *ifr)
{
	int fd, ret;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(ifr, 0, sizeof(*ifr));
	snprintf(ifr->ifr_name, sizeof(ifr->ifr_name), "%s", name);
	ret = ioctl(fd, req, ifr) ? -errno : 0;
	close(fd);
	return ret;
}

int h0_netdev_get_flags(const char *name, unsigned int *flags)
{
	struct ifreq ifr;
	int ret = h0_ifreq(name, SIOCGIFFLAGS, &ifr);

	if (!ret)
		*flags = (unsigned short)ifr.ifr_flags;
	return ret;
}

static int h0_ethtool_sg(const char *name)
{
	struct ethtool_value ev = { .cmd = ETHTOOL_GSG };
	struct ifreq ifr;
	int fd, ret;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_data = (void *)&ev;
	ret = ioctl(fd, SIOCETHTOOL, &ifr);
	close(fd);
	return ret ? -1 : !!ev.data;
}

static int h0_count_queues(const char *name, const char *prefix)
{
	char path[128];
	struct dirent *de;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/sys/class/net/%s/queues", name);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d)))
		if (!strncmp(de->d_name, prefix, strlen(prefix)))
			n++;
	closedir(d);
	return n;
}

int64_t h0_netdev_stat(const char *name, const char *stat)
{
	long long v = -1;
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/%s", name, stat);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%lld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

int h0_netdev_open(const char *name, struct h0_netdev *nd, char *errbuf, size_t errlen)
{
	struct ifreq ifr;
	int ret;

	memset(nd, 0, sizeof(*nd));
	snprintf(nd->name, sizeof(nd->name), "%s", name);
	nd->ifindex = (int)if_nametoindex(name);
	if (!nd->ifindex) {
		snprintf(errbuf, errlen,
			 "unknown interface '%s': no such device in this network namespace; "
			 "check 'ip link' (or run inside the right 'ip netns exec')", name);
		return -1;
	}
	ret = h0_ifreq(name, SIOCGIFMTU, &ifr);
	if (ret) {
		snprintf(errbuf, errlen, "%s: cannot read the MTU: %s", name, strerror(-ret));
		return -1;
	}
	nd->mtu = ifr.ifr_mtu;
	if (!h0_ifreq(name, SIOCGIFHWADDR, &ifr))
		memcpy(nd->mac, ifr.ifr_hwaddr.sa_data, 6);
	ret = h0_netdev_get_flags(name, &nd->flags);
	if (ret) {
		snprintf(errbuf, errlen, "%s: cannot read the flags: %s", name, strerror(-ret));
		return -1;
	}
	nd->sg = h0_ethtool_sg(name);
	nd->rx_queues = h0_count_queues(name, "rx-");
	nd->tx_queues = h0_count_queues(name, "tx-");
	return 0;
}

/*
 * A link that was just brought up may still be negotiating: wait for
 * RUNNING up to H0_CARRIER_WAIT_MS. Returns true once it runs.
 */
static bool h0_netdev_wait_running(const char *name)
{
	unsigned int flags;
	int waited;

	for (waited = 0; waited < H0_CARRIER_WAIT_MS; waited += 50) {
		usleep(50 * 1000);
		if (!h0_netdev_get_flags(name, &flags) && (flags & IFF_RUNNING))
			return true;
	}
	return false;
}

int h0_netdev_check_up(const struct h0_netdev *nd, bool sending, char *errbuf, size_t errlen)
{
	if (!(nd->flags & IFF_UP)) {
		snprintf(errbuf, errlen, "%s is down%s: bring it up with 'ip link set dev %s up'",
			 nd->name, sending ? "" : " (a packet socket on it only gets ENETDOWN)",
			 nd->name);
		return -1;
	}
	if (!(nd->flags & IFF_RUNNING) && !h0_netdev_wait_running(nd->name)) {
		snprintf(errbuf, errlen, "%s has no carrier (not RUNNING) after %d s: %s; connect "
			 "the link or bring the other end up", nd->name,
			 H0_CARRIER_WAIT_MS / 1000, sending ?
			 "__dev_direct_xmit() would drop every frame" :
			 "no frame can arrive");
		return -1;
	}
	return 0;
}
