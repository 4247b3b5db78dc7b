/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What headlen0_tx asks the system about an interface and about itself:
 * capabilities, ifindex, MTU, MAC, NETIF_F_SG, queue counts, counters.
 */
#ifndef H0_NETDEV_H
#define H0_NETDEV_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct h0_netdev {
	char name[IF_NAMESIZE];
	int ifindex;
	uint32_t mtu;
	uint8_t mac[6];
	unsigned int flags;		/* IFF_UP, IFF_RUNNING, ... */
	int sg;				/* NETIF_F_SG from ETHTOOL_GSG: 1, 0, -1 unknown */
	int rx_queues;			/* -1 unknown */
	int tx_queues;
};

/* 0, or -1 with "cause; fix" in errbuf. */
int h0_netdev_open(const char *name, struct h0_netdev *nd, char *errbuf, size_t errlen);
/*
 * Can frames be sent (@sending) or received on @nd: up and with carrier?
 * 0, or -1 with "cause; fix" in errbuf (exit 2).
 */
/* How long h0_netdev_check_up() waits for a link that is up to run */
#define H0_CARRIER_WAIT_MS	3000

int h0_netdev_check_up(const struct h0_netdev *nd, bool sending, char *errbuf, size_t errlen);
/* SIOCGIFFLAGS again: also the trigger of the probe's discovery hook. */
int h0_netdev_get_flags(const char *name, unsigned int *flags);
/* /sys/class/net/NAME/statistics/STAT, or -1 if unreadable. */
int64_t h0_netdev_stat(const char *name, const char *stat);

enum h0_cap { H0_CAP_NET_RAW, H0_CAP_BPF_TRACE };
/* Does this process hold CAP_NET_RAW / what the probe needs (CAP_BPF +
 * CAP_PERFMON, or CAP_SYS_ADMIN)? */
bool h0_have_cap(enum h0_cap cap);

#endif /* H0_NETDEV_H */
