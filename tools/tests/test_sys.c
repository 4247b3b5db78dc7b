// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the live setup code with system calls failing on
 * purpose: the receiver's socket options (verify.c) and the signal
 * handlers (stop.c). The link wraps socket(), bind(), setsockopt() and
 * sigaction() (-Wl,--wrap=...), for the objects under test only: no
 * packet socket is opened, no privilege needed.
 */
#include <errno.h>
#include <linux/if_packet.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../stop.h"
#include "../verify.h"
#include "h0test.h"

int __real_socket(int domain, int type, int protocol);
int __real_sigaction(int sig, const struct sigaction *sa, struct sigaction *old);

/* Which call fails, and how. */
static struct {
	int setsockopt_level, setsockopt_name, setsockopt_errno;
	int setsockopt_name2;			/* a second one, same errno */
	int sigaction_sig, sigaction_errno;
	int sockets_open;
} fault;

int __wrap_socket(int domain, int type, int protocol)
{
	(void)domain;
	(void)type;
	(void)protocol;
	fault.sockets_open++;
	return __real_socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);	/* closable */
}

int __wrap_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	(void)fd;
	(void)sa;
	(void)len;
	return 0;
}

int __wrap_setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	(void)fd;
	(void)val;
	(void)len;
	if (level == fault.setsockopt_level &&
	    (name == fault.setsockopt_name || name == fault.setsockopt_name2)) {
		errno = fault.setsockopt_errno;
		return -1;
	}
	return 0;
}

int __wrap_sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	if (sig == fault.sigaction_sig) {
		errno = fault.sigaction_errno;
		return -1;
	}
	return __real_sigaction(sig, sa, old);
}

static int open_receiver(struct h0_verify *v, char *err, size_t errlen)
{
	struct h0_frame_cfg cfg = { .tmpl = H0_TMPL_RAW, .size = 64 };

	/* "lo" exists in every network namespace: if_nametoindex() works. */
	return h0_verify_open(v, "lo", &cfg, H0_KNOWN_ALL, 10, 1, err, errlen);
}

H0_TEST(verify_open_all_good)
{
	struct h0_verify v;
	char err[512];

	memset(&fault, 0, sizeof(fault));
	H0_EXPECT_EQ(open_receiver(&v, err, sizeof(err)), 0);
	H0_EXPECT(v.fd >= 0);
	H0_EXPECT_EQ(fault.sockets_open, 1);	/* through the wrapper, not AF_PACKET */
	h0_verify_close(&v);
}

/* Promiscuous mode refused: the receiver would miss frames to other MACs. */
H0_TEST(verify_open_promisc_refused)
{
	static const int errs[] = { EPERM, EINVAL, ENOBUFS };
	size_t i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		struct h0_verify v;
		char err[512] = "";

		memset(&fault, 0, sizeof(fault));
		fault.setsockopt_level = SOL_PACKET;
		fault.setsockopt_name = PACKET_ADD_MEMBERSHIP;
		fault.setsockopt_errno = errs[i];
		H0_EXPECT_EQ(open_receiver(&v, err, sizeof(err)), -1);
		H0_EXPECT(strstr(err, "cannot make lo promiscuous (PACKET_ADD_MEMBERSHIP: "));
		H0_EXPECT(strstr(err, strerror(errs[i])));
		H0_EXPECT(strstr(err, errs[i] == EPERM ? "run as root" : "promisc on"));
		H0_EXPECT_EQ(v.fd, -1);		/* closed again */
		if (i == 0)
			printf("  %s\n", err);
	}
}

/* Neither SO_RCVBUFFORCE nor SO_RCVBUF: say so rather than drop at speed. */
H0_TEST(verify_open_rcvbuf_refused)
{
	struct h0_verify v;
	char err[512] = "";

	memset(&fault, 0, sizeof(fault));
	fault.setsockopt_level = SOL_SOCKET;
	fault.setsockopt_name = SO_RCVBUFFORCE;
	fault.setsockopt_name2 = SO_RCVBUF;
	fault.setsockopt_errno = ENOMEM;
	H0_EXPECT_EQ(open_receiver(&v, err, sizeof(err)), -1);
	H0_EXPECT(strstr(err, "SO_RCVBUF"));
	H0_EXPECT(strstr(err, "net.core.rmem_max"));

	/* Only the forced one refused (not root): fine, it is clamped. */
	fault.setsockopt_name2 = -1;
	H0_EXPECT_EQ(open_receiver(&v, err, sizeof(err)), 0);
	h0_verify_close(&v);
}

/* Without the handlers, Ctrl-C would end the run without a report. */
H0_TEST(stop_install_refused)
{
	static const int sigs[] = { SIGINT, SIGTERM };
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		char err[512] = "";

		memset(&fault, 0, sizeof(fault));
		fault.sigaction_sig = sigs[i];
		fault.sigaction_errno = EPERM;
		H0_EXPECT_EQ(h0_stop_install(err, sizeof(err)), -1);
		H0_EXPECT(strstr(err, sigs[i] == SIGINT ? "cannot catch SIGINT" :
				 "cannot catch SIGTERM"));
		H0_EXPECT(strstr(err, strerror(EPERM)));
	}
}

/* Installed: a signal is recorded, not fatal. */
H0_TEST(stop_install_records_signal)
{
	char err[512];

	memset(&fault, 0, sizeof(fault));
	H0_REQUIRE(h0_stop_install(err, sizeof(err)) == 0);
	h0_stop = 0;
	raise(SIGTERM);
	H0_EXPECT_EQ(h0_stop, SIGTERM);
	raise(SIGINT);
	H0_EXPECT_EQ(h0_stop, SIGINT);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

int main(void)
{
	H0_RUN(verify_open_all_good);
	H0_RUN(verify_open_promisc_refused);
	H0_RUN(verify_open_rcvbuf_refused);
	H0_RUN(stop_install_refused);
	H0_RUN(stop_install_records_signal);
	return h0_test_done();
}
