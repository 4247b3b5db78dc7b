/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * exnic datasheet: the only contract between the exnic driver and the
 * simulated exnic device (sim/, the exnic_sim module).
 *
 * The driver reaches the device through registers (exnic_hw_rd32() /
 * exnic_hw_wr32()), descriptor rings in DMA memory, and interrupts
 * (exnic_hw_request_irq()). The device reaches the driver's memory only
 * through the DMA addresses the driver wrote into registers and descriptors;
 * it never sees an skb.
 *
 * Conventions: registers are 32 bits; descriptors are little endian and
 * 16 bytes (two __le64 words); field masks are for FIELD_PREP()/FIELD_GET().
 */
#ifndef _EXNIC_HW_H_
#define _EXNIC_HW_H_

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/math.h>
#include <linux/types.h>

struct device;
struct exnic_hw;

/* ----------------------------------------------------------------------
 * Register map
 * ----------------------------------------------------------------------
 */

/* Device-wide, read only unless stated */
#define EXNIC_REG_ID			0x0000	/* EXNIC_ID_MAGIC */
#define EXNIC_ID_MAGIC			0x4e584531	/* "1EXN" */
#define EXNIC_REG_CAPS			0x0004
#define EXNIC_CAPS_NUM_QUEUES		GENMASK(7, 0)	/* queue pairs */
#define EXNIC_CAPS_NO_PAD		BIT(8)	/* frames < 60 B are not padded */
#define EXNIC_CAPS_HW_CSUM		BIT(9)	/* EXNIC_TXD_CSUM supported */
#define EXNIC_CAPS_ZERO_LEN_FATAL	BIT(10)	/* DATA with LEN 0 is an error */
#define EXNIC_REG_MIN_INLINE		0x0008	/* bytes that must be inlined:
						 * see the TX descriptor
						 */
#define EXNIC_REG_TX_HDR_LEN		0x000c	/* in-band TX header length */
#define EXNIC_REG_TRAILER_LEN		0x0010	/* TX trailer length */
#define EXNIC_REG_MAX_BUFS		0x0014	/* data buffers per frame, 0: no limit */
#define EXNIC_REG_DMA_ALIGN		0x0018	/* buffer address alignment, 1: any */
#define EXNIC_REG_MAX_FRAME		0x001c	/* largest frame, without header/trailer */
#define EXNIC_REG_MAC_LO		0x0020	/* MAC bytes 0..3, byte 0 in bits 7:0 */
#define EXNIC_REG_MAC_HI		0x0024	/* MAC bytes 4..5 */

/* Device-wide control, read/write */
#define EXNIC_REG_CTRL			0x0040
#define EXNIC_CTRL_RESET		BIT(0)	/* self clearing: all queues off */
#define EXNIC_CTRL_LINK_UP		BIT(1)	/* RO: peer is enabled (pair mode) */

/*
 * Device error counters, one per rule the device enforces. Read only,
 * clear on EXNIC_CTRL_RESET. A frame that breaks a rule is dropped whole
 * and its EOP descriptor completes with the matching EXNIC_TXD_STATUS_*.
 */
#define EXNIC_REG_ERR(n)		(0x0080 + 4 * (n))
enum exnic_err {
	EXNIC_ERR_ZERO_LEN,	/* a DATA descriptor with LEN 0 (ice MDD, i40e) */
	EXNIC_ERR_INLINE,	/* fewer than MIN_INLINE bytes inlined (mlx5) */
	EXNIC_ERR_TX_HDR,	/* bad in-band TX header (bcmgenet TSB) */
	EXNIC_ERR_TRAILER,	/* bad or missing trailer */
	EXNIC_ERR_MAX_BUFS,	/* more than MAX_BUFS data buffers (ice, i40e) */
	EXNIC_ERR_ALIGN,	/* buffer address not DMA_ALIGN aligned (fec) */
	EXNIC_ERR_RUNT,		/* frame < ETH_ZLEN with CAPS_NO_PAD */
	EXNIC_ERR_OVERSIZE,	/* frame > MAX_FRAME */
	EXNIC_ERR_DESC,		/* malformed descriptor sequence */
	EXNIC_ERR_DMA,		/* address outside any DMA mapping */
	EXNIC_ERR_RX_NO_BUF,	/* pair mode: peer had no RX buffer, dropped */
	EXNIC_ERR_COUNT
};

/*
 * MAC statistics: IEEE 802.3 counters (ethtool's eth-mac group) of the
 * frames the MAC transmitted, taken from the destination address it put
 * on the wire. Read only, clear on EXNIC_CTRL_RESET.
 */
#define EXNIC_REG_MAC_STAT(n)		(0x00c0 + 4 * (n))
enum exnic_mac_stat {
	EXNIC_MAC_TX_MULTICAST,	/* MulticastFramesXmittedOK: no broadcasts */
	EXNIC_MAC_TX_BROADCAST,	/* BroadcastFramesXmittedOK */
	EXNIC_MAC_STAT_COUNT
};

/*
 * Per queue pair registers. Rings are arrays of 16-byte descriptors;
 * SIZE is a power of two between EXNIC_RING_MIN and EXNIC_RING_MAX.
 * The driver owns [HEAD, TAIL) on neither ring: it produces at TAIL and
 * learns what the device consumed from descriptor write-back (DONE).
 */
#define EXNIC_QUEUE_BASE(q)		(0x1000 + 0x40 * (q))
#define EXNIC_REG_TXQ_BASE_LO(q)	(EXNIC_QUEUE_BASE(q) + 0x00)
#define EXNIC_REG_TXQ_BASE_HI(q)	(EXNIC_QUEUE_BASE(q) + 0x04)
#define EXNIC_REG_TXQ_SIZE(q)		(EXNIC_QUEUE_BASE(q) + 0x08)
#define EXNIC_REG_TXQ_CTRL(q)		(EXNIC_QUEUE_BASE(q) + 0x0c)
#define EXNIC_REG_TXQ_TAIL(q)		(EXNIC_QUEUE_BASE(q) + 0x10) /* doorbell */
#define EXNIC_REG_TXQ_HEAD(q)		(EXNIC_QUEUE_BASE(q) + 0x14) /* RO */
#define EXNIC_REG_RXQ_BASE_LO(q)	(EXNIC_QUEUE_BASE(q) + 0x20)
#define EXNIC_REG_RXQ_BASE_HI(q)	(EXNIC_QUEUE_BASE(q) + 0x24)
#define EXNIC_REG_RXQ_SIZE(q)		(EXNIC_QUEUE_BASE(q) + 0x28)
#define EXNIC_REG_RXQ_CTRL(q)		(EXNIC_QUEUE_BASE(q) + 0x2c)
#define EXNIC_REG_RXQ_TAIL(q)		(EXNIC_QUEUE_BASE(q) + 0x30) /* doorbell */
#define EXNIC_REG_RXQ_HEAD(q)		(EXNIC_QUEUE_BASE(q) + 0x34) /* RO */
#define EXNIC_REG_INT_MASK(q)		(EXNIC_QUEUE_BASE(q) + 0x38)
#define EXNIC_QCTRL_ENABLE		BIT(0)

#define EXNIC_MAX_QUEUES		8
#define EXNIC_RING_MIN			64
#define EXNIC_RING_MAX			4096
#define EXNIC_RX_BUF_LEN		PAGE_SIZE	/* one page per RX descriptor */

/* ----------------------------------------------------------------------
 * TX descriptor (16 bytes)
 *
 *   qw0: DATA: buffer DMA address; INLINE: first 8 inline bytes
 *   qw1: control and status, below
 *
 * A frame is a run of descriptors from one with SOP to one with EOP:
 *   [INLINE + inline continuation slots] DATA ... DATA(EOP)
 * An INLINE descriptor carries LEN bytes of the frame's start in the
 * descriptor itself: 8 bytes in its qw0, the rest in the following
 * DIV_ROUND_UP(LEN - 8, 16) ring slots, which are raw bytes, not
 * descriptors (like mlx5's inline WQE segments). It may also be EOP.
 *
 * With MIN_INLINE != 0 a frame starts with an INLINE descriptor of at least
 * min(MIN_INLINE, L) bytes, L the frame's length on the wire: its length,
 * or ETH_ZLEN for a shorter one. The device reads the header from there;
 * a frame shorter than MIN_INLINE (AF_XDP sends frames from one byte on)
 * carries zeros after its last byte up to that many, which become part of
 * its padding. Fewer is EXNIC_ERR_INLINE.
 *
 * With TX_HDR_LEN != 0 the first TX_HDR_LEN bytes of the first DATA buffer
 * are a struct exnic_tx_hdr, not frame bytes. With TRAILER_LEN != 0 the
 * last TRAILER_LEN bytes gathered are a struct exnic_tx_trailer.
 *
 * On EOP the device writes back qw1 with DONE set and STATUS filled in;
 * the other descriptors of the frame are consumed silently.
 * ----------------------------------------------------------------------
 */
struct exnic_tx_desc {
	__le64 addr;
	__le64 ctrl;
};

#define EXNIC_TXD_LEN			GENMASK_ULL(15, 0)
#define EXNIC_TXD_TYPE			GENMASK_ULL(17, 16)
#define   EXNIC_TXD_TYPE_DATA		0
#define   EXNIC_TXD_TYPE_INLINE		1
#define EXNIC_TXD_SOP			BIT_ULL(18)
#define EXNIC_TXD_EOP			BIT_ULL(19)
#define EXNIC_TXD_CSUM			BIT_ULL(20) /* SOP only: insert csum */
#define EXNIC_TXD_CSUM_START		GENMASK_ULL(43, 32) /* from frame start */
#define EXNIC_TXD_CSUM_OFF		GENMASK_ULL(51, 44) /* from CSUM_START */
#define EXNIC_TXD_STATUS		GENMASK_ULL(61, 56) /* write-back */
#define   EXNIC_TXD_STATUS_OK		0
#define   EXNIC_TXD_STATUS_ERR(e)	(1 + (e))	/* enum exnic_err */
#define EXNIC_TXD_DONE			BIT_ULL(63)	/* write-back */

#define EXNIC_TX_INLINE_MAX		256	/* largest INLINE LEN */

/* Ring slots an INLINE descriptor of @len bytes takes after its own */
static inline u32 exnic_txd_inline_slots(u32 len)
{
	return len > 8 ? DIV_ROUND_UP(len - 8, 16) : 0;
}

/* In-band TX header, TX_HDR_LEN bytes at the start of the first buffer */
#define EXNIC_TX_HDR_MAGIC		0x7864 /* "dx" */
struct exnic_tx_hdr {
	__le16 magic;
	__le16 frame_len;	/* frame bytes, without header and trailer */
	__le16 flags;		/* EXNIC_TX_HDR_CSUM */
	__le16 csum_start;	/* from frame start */
	__le16 csum_off;	/* from csum_start */
	__le16 rsvd[3];
	/* zero filled up to TX_HDR_LEN */
};

#define EXNIC_TX_HDR_CSUM		BIT(0)
#define EXNIC_TX_HDR_MIN		sizeof(struct exnic_tx_hdr)

/* TX trailer, TRAILER_LEN bytes after the frame */
#define EXNIC_TX_TRAILER_MAGIC		0x6c727478 /* "xtrl" */
struct exnic_tx_trailer {
	__le32 magic;
	__le32 frame_len;
	/* zero filled up to TRAILER_LEN */
};

#define EXNIC_TX_TRAILER_MIN		sizeof(struct exnic_tx_trailer)

/* ----------------------------------------------------------------------
 * RX descriptor (16 bytes)
 *
 * The driver posts one EXNIC_RX_BUF_LEN buffer per descriptor (qw0) with
 * qw1 zero. The device fills buffers in order; a frame longer than one
 * buffer spans several descriptors, the last with EOP. Each used
 * descriptor is written back with LEN and DONE.
 * ----------------------------------------------------------------------
 */
struct exnic_rx_desc {
	__le64 addr;
	__le64 status;
};

#define EXNIC_RXD_LEN			GENMASK_ULL(15, 0)
#define EXNIC_RXD_EOP			BIT_ULL(19)
#define EXNIC_RXD_DONE			BIT_ULL(63)

/* ----------------------------------------------------------------------
 * Access functions: the register window of the bus the device sits on,
 * exported by the exnic_sim module (symbol namespace EXNIC_SIM)
 * ----------------------------------------------------------------------
 */

/* The struct device to DMA-map against and to bind the driver to. */
struct device *exnic_hw_dev(struct exnic_hw *hw);

u32 exnic_hw_rd32(struct exnic_hw *hw, u32 reg);
/* A write to a TAIL register is a doorbell: the device works afterwards,
 * asynchronously, in its own context.
 */
void exnic_hw_wr32(struct exnic_hw *hw, u32 reg, u32 val);

/*
 * One interrupt vector per queue pair, raised after the device wrote back
 * TX or RX descriptors of that queue while the vector is unmasked
 * (EXNIC_REG_INT_MASK(q) == 0). The handler runs with bottom halves
 * disabled, like a hard interrupt followed by softirq processing.
 */
typedef void (*exnic_irq_handler_t)(void *data);
int exnic_hw_request_irq(struct exnic_hw *hw, unsigned int q,
			 exnic_irq_handler_t handler, void *data);
void exnic_hw_free_irq(struct exnic_hw *hw, unsigned int q);

#endif /* _EXNIC_HW_H_ */
