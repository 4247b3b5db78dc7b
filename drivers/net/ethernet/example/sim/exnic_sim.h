/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bench around the simulated exnic device: creating devices, choosing
 * their quirk profile and datapath mode, and observing what a device put
 * on the wire. The exnic_sim module exports it (namespace EXNIC_SIM) for
 * tests and benchmarks; the driver never includes it: it knows the device
 * only through exnic_hw.h.
 */
#ifndef _EXNIC_SIM_H_
#define _EXNIC_SIM_H_

#include <linux/types.h>

struct exnic_hw;

/* What the device does with the frames it transmits. */
enum exnic_sim_mode {
	EXNIC_SIM_PAIR,	/* deliver to the peer device's RX rings */
	EXNIC_SIM_SINK,	/* validate, count, drop */
};

/*
 * A quirk profile: the rules a real NIC enforces, each modelled on one.
 * Profiles are named; "name=N" overrides the profile's number.
 */
struct exnic_sim_profile {
	const char *name;
	u32 min_inline;		/* "min-inline": mlx5, 18 (L2 + VLAN) */
	bool zero_len_fatal;	/* "no-zero-len": ice, i40e, igc, bnxt, ... */
	u32 tx_hdr_len;		/* "tx-header": bcmgenet status block, 64 */
	u32 trailer_len;	/* "trailer": 8 */
	u32 max_bufs;		/* "max-bufs": ice, i40e, 8 */
	u32 dma_align;		/* "dma-align": fec, 16 */
	bool no_pad;		/* "no-pad": device does not pad runts */
	bool no_hw_csum;	/* "no-csum": no CAPS_HW_CSUM (e1000, rtl8139) */
};

/* Profiles: none, no-zero-len, min-inline, tx-header, trailer, max-bufs,
 * dma-align, no-pad, no-csum, strict (all TX rules; checksum offload kept).
 * NULL-terminated by name.
 */
extern const struct exnic_sim_profile exnic_sim_profiles[];
int exnic_sim_profile_parse(const char *str, struct exnic_sim_profile *p);

/*
 * Creates a simulated device as a platform device named @name with a
 * 64-bit DMA mask; the exnic platform driver binds to it synchronously, and
 * the device's drvdata is then the driver's struct net_device.
 * Platform data: struct exnic_hw *, i.e. in probe
 * hw = *(struct exnic_hw **)dev_get_platdata(dev). Returns an ERR_PTR().
 */
struct exnic_hw *exnic_sim_create(const char *name,
				  const struct exnic_sim_profile *profile,
				  enum exnic_sim_mode mode,
				  unsigned int num_queues);
void exnic_sim_destroy(struct exnic_hw *hw);
/* Wires @a's TX to @b's RX and @b's TX to @a's RX (EXNIC_SIM_PAIR). */
void exnic_sim_connect(struct exnic_hw *a, struct exnic_hw *b);
/* -EBUSY while any queue is enabled. */
int exnic_sim_set_profile(struct exnic_hw *hw,
			  const struct exnic_sim_profile *profile);

/* Waits until the device has processed every doorbell rung so far and
 * raised the interrupts that follow.
 */
void exnic_sim_flush(struct exnic_hw *hw);

/* Stalls (@hold) or resumes TX descriptor processing, to fill a ring. */
void exnic_sim_hold_tx(struct exnic_hw *hw, bool hold);

/* One frame as the device gathered it from DMA memory. */
#define EXNIC_SIM_MAX_BUFS	64
struct exnic_sim_frame {
	unsigned int queue;
	u32 status;		/* EXNIC_TXD_STATUS_* it completed with */
	const u8 *data;		/* frame bytes on the wire, csum inserted */
	u32 len;
	u32 inline_len;
	const u8 *tx_hdr;	/* NULL unless TX_HDR_LEN */
	const u8 *trailer;	/* NULL unless TRAILER_LEN */
	unsigned int nr_bufs;	/* DATA descriptors */
	/* the first min(nr_bufs, EXNIC_SIM_MAX_BUFS) entries are valid; keep
	 * these two arrays last (exnic_sim_tx_one() clears what precedes them)
	 */
	dma_addr_t buf_addr[EXNIC_SIM_MAX_BUFS];
	u32 buf_len[EXNIC_SIM_MAX_BUFS];
};

/* Calls @fn for every frame the device transmits or drops, in the device's
 * context, before write-back. NULL @fn removes it.
 */
typedef void (*exnic_sim_tap_t)(void *ctx, const struct exnic_sim_frame *f);
void exnic_sim_set_tx_tap(struct exnic_hw *hw, exnic_sim_tap_t fn, void *ctx);

/* TX engine polling (the "poll_ms" debugfs file) and its kick count */
void exnic_sim_set_poll(struct exnic_hw *hw, u32 ms);
u64 exnic_sim_kicks(struct exnic_hw *hw);

/* Writes back a frame in @n RX descriptors with the LENs in @lens. */
int exnic_sim_rx_inject(struct exnic_hw *hw, unsigned int q, const u8 *data,
			const u32 *lens, unsigned int n);

/* Device error counter, as EXNIC_REG_ERR(@err) reads it. */
u32 exnic_sim_err(struct exnic_hw *hw, unsigned int err);

#endif /* _EXNIC_SIM_H_ */
