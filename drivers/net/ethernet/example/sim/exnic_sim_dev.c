// SPDX-License-Identifier: GPL-2.0-only
/*
 * The simulated exnic device: the hardware exnic drives.
 *
 * This file plays the NIC. It implements the register file, the TX and RX
 * descriptor rings, the interrupts and the quirk rules that exnic_hw.h
 * specifies, and nothing of the driver: it never sees an skb.
 *
 * DMA. The device reaches memory only through the DMA addresses the driver
 * wrote into the ring base registers and into descriptors. It turns a DMA
 * address into a CPU pointer with dma_to_phys() then phys_to_virt(), after
 * checking that every page of the range has a struct page (pfn_valid());
 * anything else is EXNIC_ERR_DMA. That is exact
 * for dma-direct and for swiotlb on x86_64, the only setups this simulation
 * runs on (no IOMMU, no highmem). With swiotlb=force the device reads and
 * writes the bounce buffers, so a missing dma_sync_*() or a wrong length
 * shows up as wrong bytes, just like on real hardware.
 *
 * Concurrency. Each device has one spinlock (hw->lock, irqsave: registers may
 * be written from any context) over its registers, ring state and counters.
 * A doorbell only records TAIL and queues the queue's work item on the
 * device's unbound workqueue. The work consumes TX descriptors from HEAD to
 * TAIL, one frame at a time:
 *
 *   1. under hw->lock: read the descriptors and gather the frame into the
 *      device's own buffer, checking the rules (frame bytes are copied, so
 *      the driver may unmap as soon as it sees DONE);
 *   2. unlocked: post checks, checksum insertion and padding in the device's
 *      copy, then the test tap;
 *   3. under hw->lock: write back DONE and STATUS on the frame's last
 *      descriptor and advance HEAD, unless the queue was disabled or the
 *      device reset in between (a per queue generation number tells);
 *   4. unlocked: in pair mode, deliver a good frame into the peer's RX ring
 *      (under the peer's lock) and raise the peer's interrupt.
 *
 * When the driver clears a queue's ENABLE bit or resets the device, the
 * device stops touching that ring before exnic_hw_wr32() returns: the ring
 * memory may be freed right after.
 *
 * Interrupts. Each queue pair has a latched cause (set on any write-back)
 * and a mask (EXNIC_REG_INT_MASK, 0 after reset). An unmasked, latched cause
 * calls the handler from the device's work with bottom halves disabled, and
 * clears the cause. Unmasking with the cause latched, or requesting the
 * vector then, queues the work, which raises it: no completion is lost
 * between the driver's last poll and its unmask. Handlers are called under
 * a per queue irq_lock, so exnic_hw_free_irq() returns only once the handler
 * is not running (like free_irq()). Lock order: irq_lock, then hw->lock.
 *
 * Details exnic_hw.h leaves to the implementation:
 *  - After EXNIC_CTRL_RESET (and at creation) every ring register is 0, every
 *    vector unmasked, every error and MAC counter 0. The profile stays.
 *  - Setting ENABLE needs a power-of-two SIZE in [EXNIC_RING_MIN,
 *    EXNIC_RING_MAX], else ENABLE stays clear. The ring starts at HEAD 0
 *    with the TAIL written while it was disabled (0 if never written), so
 *    RX buffers may be posted before or after enabling. Clearing ENABLE
 *    zeroes HEAD and TAIL. BASE and SIZE are read only while enabled.
 *  - A TAIL write beyond the ring counts EXNIC_ERR_DESC and is ignored.
 *  - A ring base that is not 16-byte aligned or not reachable stops the
 *    ring (ENABLE clears, EXNIC_ERR_DMA counts), like an MDD event.
 *  - A frame is the run of descriptors from HEAD to the first EOP. One
 *    without SOP, or cut short by the next SOP, is EXNIC_ERR_DESC; the cut
 *    short one completes on its last descriptor. A frame whose EOP is not
 *    before TAIL yet waits for the next doorbell.
 *  - One frame counts one error, the first rule it breaks in descriptor
 *    order, then: TX_HDR, TRAILER, INLINE, TX_HDR fields, checksum fields
 *    (DESC, or TX_HDR when from the header), OVERSIZE, RUNT.
 *  - A zero-length DATA descriptor is not fetched, so neither its address
 *    nor its alignment is checked; it still counts for MAX_BUFS.
 *  - A sink's "fetch" debugfs switch (1 at creation) set to 0 makes it
 *    check every DATA buffer's address but copy none of its bytes, as a
 *    NIC whose DMA costs the host CPU nothing would (bench/README.md). The
 *    device's copy then holds stale bytes; nothing reads it in a sink, and
 *    the MAC counters do not count (they need the destination address).
 *  - A device's "poll_ms" debugfs value (0 at creation) makes each queue's
 *    work keep polling TAIL for that long (at most EXNIC_SIM_POLL_MAX_MS,
 *    at least a jiffy) after it last consumed a frame; doorbells meanwhile
 *    queue nothing. The interrupt is then moderated: raised once
 *    EXNIC_SIM_COAL_FRAMES frames completed, or EXNIC_SIM_COAL_US after
 *    the first of them. It models a DMA engine that runs beside the CPUs:
 *    with the workqueue on a CPU of its own, the device's work costs the
 *    sender's CPU no wakeup per doorbell (bench/README.md), and a doorbell
 *    is a posted write: it stores TAIL without taking hw->lock.
 *    exnic_sim_flush() then also waits for the polling to end. "stats"
 *    counts the engine's kicks, its passes that consumed frames and the
 *    time they took.
 *  - RX: a frame takes DIV_ROUND_UP(len, EXNIC_RX_BUF_LEN) posted buffers
 *    or none (EXNIC_ERR_RX_NO_BUF). A bad buffer address drops the frame
 *    with EXNIC_ERR_DMA and leaves the buffers posted.
 */
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>
#include <linux/workqueue.h>
#include <net/checksum.h>

#include "exnic_hw.h"
#include "exnic_sim.h"
#include "exnic_sim_priv.h"

#define EXNIC_SIM_MAX_FRAME	9216	/* jumbo: 9000 + L2 header, VLAN, FCS */
#define EXNIC_SIM_HDR_MAX	256	/* largest "tx-header=N" */
#define EXNIC_SIM_TRAILER_MAX	256	/* largest "trailer=N" */
#define EXNIC_SIM_MAX_BUFS_LIM	1024	/* largest "max-bufs=N" */
#define EXNIC_SIM_NAME_LEN	32
#define EXNIC_SIM_DRV_NAME	"exnic"	/* the platform driver that binds */
/* Device copy of a frame: frame bytes and trailer, padded to ETH_ZLEN */
#define EXNIC_SIM_GATHER_LEN	(EXNIC_SIM_MAX_FRAME + EXNIC_SIM_TRAILER_MAX)
#define EXNIC_SIM_RX_MAX_BUFS	DIV_ROUND_UP(EXNIC_SIM_MAX_FRAME, EXNIC_RX_BUF_LEN)
#define EXNIC_SIM_BUDGET	64	/* frames per work run */
#define EXNIC_SIM_POLL_MAX_MS	1000	/* largest "poll_ms" honoured */
/* Interrupt moderation of a polling engine: frames, or time after the first */
#define EXNIC_SIM_COAL_FRAMES	32
#define EXNIC_SIM_COAL_US	50
/* Offset of a per queue register within its queue's block */
#define EXNIC_SIM_QOFF(reg)	(EXNIC_REG_##reg(0) - EXNIC_QUEUE_BASE(0))
#define EXNIC_SIM_QSTRIDE	(EXNIC_QUEUE_BASE(1) - EXNIC_QUEUE_BASE(0))

/* Ring registers of one direction of a queue pair */
struct exnic_sim_ring {
	u64 base;
	u32 size;
	u32 ctrl;
	u32 head;
	u32 tail;
};

struct exnic_sim_queue {
	struct exnic_hw *hw;
	unsigned int idx;
	struct work_struct work;

	/*
	 * Under hw->lock, but for a posted doorbell (exnic_sim_tx_posted()):
	 * it reads polling and writes tx.tail without it.
	 */
	struct exnic_sim_ring tx;
	struct exnic_sim_ring rx;
	u32 tx_gen;		/* bumped when the TX ring is taken away */
	u32 int_mask;
	bool irq_pending;	/* latched interrupt cause */
	bool polling;		/* the work polls TAIL: doorbells need no kick */

	/* under irq_lock */
	spinlock_t irq_lock;
	exnic_irq_handler_t handler;
	void *irq_data;

	/* owned by the work item (never runs concurrently with itself) */
	struct exnic_sim_frame frame;
	u8 *buf;		/* EXNIC_SIM_GATHER_LEN bytes */
	u8 hdr[EXNIC_SIM_HDR_MAX];
	u8 trailer[EXNIC_SIM_TRAILER_MAX];
};

struct exnic_sim_stats {
	u64 tx_frames;		/* good frames transmitted */
	u64 tx_bytes;
	u64 tx_dropped;		/* frames dropped by a rule */
	u64 rx_frames;		/* frames delivered into the RX rings */
	u64 rx_bytes;
	u64 kicks;		/* register writes that queued the TX engine */
	u64 engine_runs;	/* passes of the TX engine that consumed frames */
	u64 engine_tx_ns;	/* time in them consuming descriptors */
	u64 engine_irq_ns;	/* time in them raising the interrupt (NAPI) */
};

/* One simulated device. Private to this file; the driver holds a pointer. */
struct exnic_hw {
	struct platform_device *pdev;
	struct workqueue_struct *wq;
	struct dentry *dbg;
	enum exnic_sim_mode mode;
	unsigned int num_queues;
	u8 mac[ETH_ALEN];

	spinlock_t lock;	/* registers, rings, profile, stats, peer */
	struct exnic_sim_profile profile;
	char profile_name[EXNIC_SIM_NAME_LEN];
	struct exnic_hw *peer;	/* also under exnic_sim_mutex for writes */
	bool peer_rx_up;	/* written by the peer under its own lock */
	bool tx_held;		/* exnic_sim_hold_tx(): consume nothing */
	bool fetch;		/* copy DATA bytes; only a sink may clear it */
	u32 poll_ms;		/* TX engine polls this long after its last frame */
	exnic_sim_tap_t tap;
	void *tap_ctx;
	struct exnic_sim_stats stats;
	atomic_t errors[EXNIC_ERR_COUNT];
	u32 mac_stats[EXNIC_MAC_STAT_COUNT];

	struct exnic_sim_queue queues[] __counted_by(num_queues);
};

/* Serialises connect, disconnect and flush across devices. */
static DEFINE_MUTEX(exnic_sim_mutex);
static struct dentry *exnic_sim_dbg_root;
static atomic_t exnic_sim_instances = ATOMIC_INIT(0);

static const char * const exnic_sim_err_names[EXNIC_ERR_COUNT] = {
	[EXNIC_ERR_ZERO_LEN]	= "zero_len",
	[EXNIC_ERR_INLINE]	= "inline",
	[EXNIC_ERR_TX_HDR]	= "tx_hdr",
	[EXNIC_ERR_TRAILER]	= "trailer",
	[EXNIC_ERR_MAX_BUFS]	= "max_bufs",
	[EXNIC_ERR_ALIGN]	= "align",
	[EXNIC_ERR_RUNT]	= "runt",
	[EXNIC_ERR_OVERSIZE]	= "oversize",
	[EXNIC_ERR_DESC]	= "desc",
	[EXNIC_ERR_DMA]		= "dma",
	[EXNIC_ERR_RX_NO_BUF]	= "rx_no_buf",
};

/*
 * exnic_sim_profiles - the quirk profiles, each modelled on real NICs.
 * "strict" enables every rule at once. NULL-terminated by name.
 */
const struct exnic_sim_profile exnic_sim_profiles[] = {
	{ .name = "none" },
	{ .name = "no-zero-len", .zero_len_fatal = true },
	{ .name = "min-inline", .min_inline = 18 },
	{ .name = "tx-header", .tx_hdr_len = 64 },
	{ .name = "trailer", .trailer_len = 8 },
	{ .name = "max-bufs", .max_bufs = 8 },
	{ .name = "dma-align", .dma_align = 16 },
	{ .name = "no-pad", .no_pad = true },
	{ .name = "no-csum", .no_hw_csum = true },
	{
		.name = "strict",
		.min_inline = 18,
		.zero_len_fatal = true,
		.tx_hdr_len = 64,
		.trailer_len = 8,
		.max_bufs = 8,
		.dma_align = 16,
		.no_pad = true,
	},
	{ }
};
EXPORT_SYMBOL_NS_GPL(exnic_sim_profiles, EXNIC_SIM);

/* Profiles that take "=N", and the number N overrides */
static const struct {
	const char *name;
	size_t offset;
} exnic_sim_profile_nums[] = {
	{ "min-inline", offsetof(struct exnic_sim_profile, min_inline) },
	{ "tx-header", offsetof(struct exnic_sim_profile, tx_hdr_len) },
	{ "trailer", offsetof(struct exnic_sim_profile, trailer_len) },
	{ "max-bufs", offsetof(struct exnic_sim_profile, max_bufs) },
	{ "dma-align", offsetof(struct exnic_sim_profile, dma_align) },
};

static int exnic_sim_profile_check(const struct exnic_sim_profile *p)
{
	if (p->min_inline > EXNIC_TX_INLINE_MAX)
		return -EINVAL;
	if (p->tx_hdr_len && (p->tx_hdr_len < EXNIC_TX_HDR_MIN ||
			      p->tx_hdr_len > EXNIC_SIM_HDR_MAX))
		return -EINVAL;
	if (p->trailer_len && (p->trailer_len < EXNIC_TX_TRAILER_MIN ||
			       p->trailer_len > EXNIC_SIM_TRAILER_MAX))
		return -EINVAL;
	if (p->max_bufs > EXNIC_SIM_MAX_BUFS_LIM)
		return -EINVAL;
	if (p->dma_align > PAGE_SIZE ||
	    (p->dma_align && !is_power_of_2(p->dma_align)))
		return -EINVAL;
	return 0;
}

/**
 * exnic_sim_profile_parse() - look up a quirk profile by name
 * @str: "name" or "name=N", e.g. "min-inline=32"
 * @p: filled with the profile, N overriding the profile's number
 *
 * Only the profiles with one number (min-inline, tx-header, trailer,
 * max-bufs, dma-align) accept "=N". @p->name points into
 * exnic_sim_profiles[].
 *
 * Return: 0, or -EINVAL for an unknown name, a bad number or a number the
 * device does not support.
 */
int exnic_sim_profile_parse(const char *str, struct exnic_sim_profile *p)
{
	const struct exnic_sim_profile *t;
	const char *eq;
	unsigned int i;
	size_t len;
	u32 val;
	int err;

	eq = strchr(str, '=');
	len = eq ? eq - str : strlen(str);

	for (t = exnic_sim_profiles; t->name; t++)
		if (strlen(t->name) == len && !strncmp(t->name, str, len))
			break;
	if (!t->name)
		return -EINVAL;

	*p = *t;
	if (!eq)
		return 0;

	err = kstrtou32(eq + 1, 0, &val);
	if (err)
		return -EINVAL;

	for (i = 0; i < ARRAY_SIZE(exnic_sim_profile_nums); i++) {
		if (strcmp(exnic_sim_profile_nums[i].name, t->name))
			continue;
		*(u32 *)((u8 *)p + exnic_sim_profile_nums[i].offset) = val;
		return exnic_sim_profile_check(p);
	}
	return -EINVAL;
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_profile_parse, EXNIC_SIM);

/* ----------------------------------------------------------------------
 * DMA: the device's view of memory
 * ----------------------------------------------------------------------
 */

/*
 * CPU pointer to @len bytes at DMA address @addr, or NULL when the range is
 * not RAM the device can reach. dma_to_phys() + phys_to_virt() is how the
 * bus "sees" memory for dma-direct and swiotlb (see the top of this file).
 */
static void *exnic_sim_dma_ptr(struct exnic_hw *hw, u64 addr, size_t len)
{
	struct device *dev = &hw->pdev->dev;
	unsigned long pfn, last_pfn;
	phys_addr_t phys, end;

	if (!addr || !len || addr + len - 1 < addr)
		return NULL;
	if (addr + len - 1 > dma_get_mask(dev))
		return NULL;

	phys = dma_to_phys(dev, addr);
	end = dma_to_phys(dev, addr + len - 1);
	if (end != phys + len - 1)
		return NULL;

	last_pfn = PHYS_PFN(end);
	for (pfn = PHYS_PFN(phys); pfn <= last_pfn; pfn++)
		if (!pfn_valid(pfn))
			return NULL;

	return phys_to_virt(phys);
}

static void exnic_sim_count_err(struct exnic_hw *hw, enum exnic_err err)
{
	atomic_inc(&hw->errors[err]);
}

static bool exnic_sim_ring_size_ok(u32 size)
{
	return size >= EXNIC_RING_MIN && size <= EXNIC_RING_MAX &&
	       is_power_of_2(size);
}

static bool exnic_sim_any_rx_enabled(struct exnic_hw *hw)
{
	unsigned int i;

	for (i = 0; i < hw->num_queues; i++)
		if (hw->queues[i].rx.ctrl & EXNIC_QCTRL_ENABLE)
			return true;
	return false;
}

/* Tells the peer whether we can receive: its LINK_UP. Under hw->lock. */
static void exnic_sim_update_peer_link(struct exnic_hw *hw)
{
	lockdep_assert_held(&hw->lock);

	if (hw->peer)
		WRITE_ONCE(hw->peer->peer_rx_up, exnic_sim_any_rx_enabled(hw));
}

/* ----------------------------------------------------------------------
 * Interrupts
 * ----------------------------------------------------------------------
 */

/*
 * Calls the queue's handler if its cause is latched and the vector unmasked.
 * Device context only (the work of some exnic device): may run softirqs.
 */
static void exnic_sim_raise(struct exnic_hw *hw, struct exnic_sim_queue *q)
{
	unsigned long flags;
	bool fire;

	local_bh_disable();
	spin_lock(&q->irq_lock);

	spin_lock_irqsave(&hw->lock, flags);
	fire = q->irq_pending && !q->int_mask && q->handler;
	if (fire)
		q->irq_pending = false;
	spin_unlock_irqrestore(&hw->lock, flags);

	if (fire)
		q->handler(q->irq_data);

	spin_unlock(&q->irq_lock);
	local_bh_enable();	/* runs the NAPI the handler scheduled */
}

/**
 * exnic_hw_request_irq() - install the interrupt handler of a queue pair
 * @hw: the device
 * @q: queue pair index
 * @handler: called with bottom halves disabled, in the device's context
 * @data: passed to @handler
 *
 * If the vector is unmasked and its cause latched, the interrupt is raised
 * right away (asynchronously), like a pending level-triggered interrupt.
 *
 * Return: 0, -EINVAL for a bad queue or handler, -EBUSY if already taken.
 */
int exnic_hw_request_irq(struct exnic_hw *hw, unsigned int q,
			 exnic_irq_handler_t handler, void *data)
{
	struct exnic_sim_queue *sq;
	unsigned long flags;
	bool pending;

	if (q >= hw->num_queues || !handler)
		return -EINVAL;
	sq = &hw->queues[q];

	spin_lock_bh(&sq->irq_lock);
	if (sq->handler) {
		spin_unlock_bh(&sq->irq_lock);
		return -EBUSY;
	}
	sq->handler = handler;
	sq->irq_data = data;
	spin_unlock_bh(&sq->irq_lock);

	spin_lock_irqsave(&hw->lock, flags);
	pending = sq->irq_pending && !sq->int_mask;
	spin_unlock_irqrestore(&hw->lock, flags);
	if (pending)
		queue_work(hw->wq, &sq->work);

	return 0;
}
EXPORT_SYMBOL_NS_GPL(exnic_hw_request_irq, EXNIC_SIM);

/**
 * exnic_hw_free_irq() - remove the interrupt handler of a queue pair
 * @hw: the device
 * @q: queue pair index
 *
 * On return the handler is not running and will not be called again. Must
 * not be called from the handler itself.
 */
void exnic_hw_free_irq(struct exnic_hw *hw, unsigned int q)
{
	struct exnic_sim_queue *sq;

	if (WARN_ON(q >= hw->num_queues))
		return;
	sq = &hw->queues[q];

	spin_lock_bh(&sq->irq_lock);
	WARN_ON(!sq->handler);
	sq->handler = NULL;
	sq->irq_data = NULL;
	spin_unlock_bh(&sq->irq_lock);
}
EXPORT_SYMBOL_NS_GPL(exnic_hw_free_irq, EXNIC_SIM);

/* ----------------------------------------------------------------------
 * Registers
 * ----------------------------------------------------------------------
 */

/**
 * exnic_hw_dev() - the device to DMA-map against and to bind the driver to
 * @hw: the device
 *
 * Return: the simulated device's platform device, as a struct device.
 */
struct device *exnic_hw_dev(struct exnic_hw *hw)
{
	return &hw->pdev->dev;
}
EXPORT_SYMBOL_NS_GPL(exnic_hw_dev, EXNIC_SIM);

static u32 exnic_sim_caps(struct exnic_hw *hw)
{
	u32 caps = FIELD_PREP(EXNIC_CAPS_NUM_QUEUES, hw->num_queues);

	if (!hw->profile.no_hw_csum)
		caps |= EXNIC_CAPS_HW_CSUM;
	if (hw->profile.no_pad)
		caps |= EXNIC_CAPS_NO_PAD;
	if (hw->profile.zero_len_fatal)
		caps |= EXNIC_CAPS_ZERO_LEN_FATAL;
	return caps;
}

static u32 exnic_sim_ctrl(struct exnic_hw *hw)
{
	bool up = hw->mode != EXNIC_SIM_PAIR || READ_ONCE(hw->peer_rx_up);

	return up ? EXNIC_CTRL_LINK_UP : 0;
}

/*
 * The queue whose register block holds @reg, and in @off the register's
 * offset in that block; NULL for a queue register beyond the queue count,
 * or for a register before the queue blocks.
 */
static struct exnic_sim_queue *exnic_sim_reg_queue(struct exnic_hw *hw,
						   u32 reg, u32 *off)
{
	unsigned int q;

	if (reg < EXNIC_QUEUE_BASE(0))
		return NULL;
	q = (reg - EXNIC_QUEUE_BASE(0)) / EXNIC_SIM_QSTRIDE;
	if (q >= hw->num_queues)
		return NULL;
	*off = reg - EXNIC_QUEUE_BASE(q);
	return &hw->queues[q];
}

static u32 exnic_sim_rd_queue(struct exnic_hw *hw, u32 reg)
{
	struct exnic_sim_queue *sq;
	u32 off;

	sq = exnic_sim_reg_queue(hw, reg, &off);
	if (!sq)
		return 0;

	switch (off) {
	case EXNIC_SIM_QOFF(TXQ_BASE_LO):
		return lower_32_bits(sq->tx.base);
	case EXNIC_SIM_QOFF(TXQ_BASE_HI):
		return upper_32_bits(sq->tx.base);
	case EXNIC_SIM_QOFF(TXQ_SIZE):
		return sq->tx.size;
	case EXNIC_SIM_QOFF(TXQ_CTRL):
		return sq->tx.ctrl;
	case EXNIC_SIM_QOFF(TXQ_TAIL):
		return sq->tx.tail;
	case EXNIC_SIM_QOFF(TXQ_HEAD):
		return sq->tx.head;
	case EXNIC_SIM_QOFF(RXQ_BASE_LO):
		return lower_32_bits(sq->rx.base);
	case EXNIC_SIM_QOFF(RXQ_BASE_HI):
		return upper_32_bits(sq->rx.base);
	case EXNIC_SIM_QOFF(RXQ_SIZE):
		return sq->rx.size;
	case EXNIC_SIM_QOFF(RXQ_CTRL):
		return sq->rx.ctrl;
	case EXNIC_SIM_QOFF(RXQ_TAIL):
		return sq->rx.tail;
	case EXNIC_SIM_QOFF(RXQ_HEAD):
		return sq->rx.head;
	case EXNIC_SIM_QOFF(INT_MASK):
		return sq->int_mask;
	default:
		return 0;
	}
}

/**
 * exnic_hw_rd32() - read a device register
 * @hw: the device
 * @reg: register offset, EXNIC_REG_*
 *
 * Any context. Unknown registers and queues beyond CAPS read as 0.
 *
 * Return: the register's value.
 */
u32 exnic_hw_rd32(struct exnic_hw *hw, u32 reg)
{
	unsigned long flags;
	u32 val = 0;

	spin_lock_irqsave(&hw->lock, flags);
	switch (reg) {
	case EXNIC_REG_ID:
		val = EXNIC_ID_MAGIC;
		break;
	case EXNIC_REG_CAPS:
		val = exnic_sim_caps(hw);
		break;
	case EXNIC_REG_MIN_INLINE:
		val = hw->profile.min_inline;
		break;
	case EXNIC_REG_TX_HDR_LEN:
		val = hw->profile.tx_hdr_len;
		break;
	case EXNIC_REG_TRAILER_LEN:
		val = hw->profile.trailer_len;
		break;
	case EXNIC_REG_MAX_BUFS:
		val = hw->profile.max_bufs;
		break;
	case EXNIC_REG_DMA_ALIGN:
		val = hw->profile.dma_align ?: 1;
		break;
	case EXNIC_REG_MAX_FRAME:
		val = EXNIC_SIM_MAX_FRAME;
		break;
	case EXNIC_REG_MAC_LO:
		val = get_unaligned_le32(&hw->mac[0]);
		break;
	case EXNIC_REG_MAC_HI:
		val = get_unaligned_le16(&hw->mac[4]);
		break;
	case EXNIC_REG_CTRL:
		val = exnic_sim_ctrl(hw);
		break;
	case EXNIC_REG_ERR(0) ... EXNIC_REG_ERR(EXNIC_ERR_COUNT - 1):
		if (IS_ALIGNED(reg, 4))
			val = atomic_read(&hw->errors[(reg - EXNIC_REG_ERR(0)) / 4]);
		break;
	case EXNIC_REG_MAC_STAT(0) ... EXNIC_REG_MAC_STAT(EXNIC_MAC_STAT_COUNT - 1):
		if (IS_ALIGNED(reg, 4))
			val = hw->mac_stats[(reg - EXNIC_REG_MAC_STAT(0)) / 4];
		break;
	case EXNIC_QUEUE_BASE(0) ... EXNIC_QUEUE_BASE(EXNIC_MAX_QUEUES) - 1:
		val = exnic_sim_rd_queue(hw, reg);
		break;
	}
	spin_unlock_irqrestore(&hw->lock, flags);

	return val;
}
EXPORT_SYMBOL_NS_GPL(exnic_hw_rd32, EXNIC_SIM);

/* Takes a TX ring away from the device: in-flight work will not write back */
static void exnic_sim_tx_stop(struct exnic_sim_queue *sq)
{
	sq->tx.ctrl &= ~EXNIC_QCTRL_ENABLE;
	sq->tx_gen++;
}

/* Under hw->lock: all queues off, counters cleared */
static void exnic_sim_reset(struct exnic_hw *hw)
{
	unsigned int i;

	lockdep_assert_held(&hw->lock);

	for (i = 0; i < hw->num_queues; i++) {
		struct exnic_sim_queue *sq = &hw->queues[i];

		exnic_sim_tx_stop(sq);
		memset(&sq->tx, 0, sizeof(sq->tx));
		memset(&sq->rx, 0, sizeof(sq->rx));
		sq->int_mask = 0;
		sq->irq_pending = false;
	}
	for (i = 0; i < EXNIC_ERR_COUNT; i++)
		atomic_set(&hw->errors[i], 0);
	memset(hw->mac_stats, 0, sizeof(hw->mac_stats));
	exnic_sim_update_peer_link(hw);
}

/*
 * Writes a ring's CTRL. Enabling needs a valid SIZE, else ENABLE stays clear;
 * the ring starts at HEAD 0 and keeps the TAIL written while it was disabled
 * (buffers may be posted before or after enabling). Disabling forgets HEAD
 * and TAIL. Returns true if the ring was enabled or disabled.
 */
static bool exnic_sim_ring_ctrl(struct exnic_hw *hw, struct exnic_sim_ring *r,
				u32 val)
{
	bool was = r->ctrl & EXNIC_QCTRL_ENABLE;
	bool en = val & EXNIC_QCTRL_ENABLE;

	if (en == was)
		return false;
	if (en) {
		if (!exnic_sim_ring_size_ok(r->size))
			return false;
		if (r->tail >= r->size) {
			exnic_sim_count_err(hw, EXNIC_ERR_DESC);
			r->tail = 0;
		}
		r->head = 0;
		r->ctrl |= EXNIC_QCTRL_ENABLE;
	} else {
		r->ctrl &= ~EXNIC_QCTRL_ENABLE;
		r->head = 0;
		r->tail = 0;
	}
	return true;
}

/*
 * BASE_LO, BASE_HI, SIZE; @off relative to BASE_LO, the same for TX and RX.
 * Writable only while the ring is disabled.
 */
static void exnic_sim_ring_wr(struct exnic_sim_ring *r, u32 off, u32 val)
{
	if (r->ctrl & EXNIC_QCTRL_ENABLE)
		return;

	switch (off) {
	case EXNIC_SIM_QOFF(TXQ_BASE_LO) - EXNIC_SIM_QOFF(TXQ_BASE_LO):
		r->base = (r->base & GENMASK_ULL(63, 32)) | val;
		break;
	case EXNIC_SIM_QOFF(TXQ_BASE_HI) - EXNIC_SIM_QOFF(TXQ_BASE_LO):
		r->base = (r->base & GENMASK_ULL(31, 0)) | ((u64)val << 32);
		break;
	case EXNIC_SIM_QOFF(TXQ_SIZE) - EXNIC_SIM_QOFF(TXQ_BASE_LO):
		r->size = val;
		break;
	}
}

/*
 * TAIL: stored as is while the ring is disabled (checked at enable); on an
 * enabled ring a doorbell, and an index past the ring is a descriptor error
 * and ignored. Returns true for a doorbell.
 */
static bool exnic_sim_ring_tail(struct exnic_hw *hw, struct exnic_sim_ring *r,
				u32 val)
{
	if (!(r->ctrl & EXNIC_QCTRL_ENABLE)) {
		r->tail = val;
		return false;
	}
	if (val >= r->size) {
		exnic_sim_count_err(hw, EXNIC_ERR_DESC);
		return false;
	}
	WRITE_ONCE(r->tail, val);
	return true;
}

/*
 * Writes register @off of queue @sq. Under hw->lock; returns true if the
 * queue's work must run.
 */
static bool exnic_sim_wr_queue(struct exnic_hw *hw, struct exnic_sim_queue *sq,
			       u32 off, u32 val)
{
	switch (off) {
	case EXNIC_SIM_QOFF(TXQ_BASE_LO):
	case EXNIC_SIM_QOFF(TXQ_BASE_HI):
	case EXNIC_SIM_QOFF(TXQ_SIZE):
		exnic_sim_ring_wr(&sq->tx, off - EXNIC_SIM_QOFF(TXQ_BASE_LO), val);
		return false;
	case EXNIC_SIM_QOFF(RXQ_BASE_LO):
	case EXNIC_SIM_QOFF(RXQ_BASE_HI):
	case EXNIC_SIM_QOFF(RXQ_SIZE):
		exnic_sim_ring_wr(&sq->rx, off - EXNIC_SIM_QOFF(RXQ_BASE_LO), val);
		return false;
	case EXNIC_SIM_QOFF(TXQ_CTRL):
		if (!exnic_sim_ring_ctrl(hw, &sq->tx, val))
			return false;
		sq->tx_gen++;
		/* descriptors posted before enabling */
		return sq->tx.tail != sq->tx.head;
	case EXNIC_SIM_QOFF(RXQ_CTRL):
		if (exnic_sim_ring_ctrl(hw, &sq->rx, val))
			exnic_sim_update_peer_link(hw);
		return false;
	case EXNIC_SIM_QOFF(TXQ_TAIL):
		return exnic_sim_ring_tail(hw, &sq->tx, val);
	case EXNIC_SIM_QOFF(RXQ_TAIL):
		/* RX buffers are looked at when a frame arrives */
		exnic_sim_ring_tail(hw, &sq->rx, val);
		return false;
	case EXNIC_SIM_QOFF(INT_MASK):
		sq->int_mask = val & 1;
		return !sq->int_mask && sq->irq_pending;
	default:
		return false;
	}
}

/*
 * A TX doorbell while the queue's engine polls is a posted write: it stores
 * TAIL without hw->lock, as a CPU's write to a NIC's doorbell does not wait
 * for its DMA engine (under TCG the lock, which the engine takes for every
 * frame, cost the sender 0.6 us a frame). False leaves the write to the
 * locked path: the engine is not polling and must be queued, or TAIL is
 * out of range, or the ring is off. The driver never rings while it
 * disables the ring, so a TAIL landing after the disable cannot happen.
 */
static bool exnic_sim_tx_posted(struct exnic_hw *hw, u32 reg, u32 val)
{
	struct exnic_sim_queue *sq;
	u32 off;

	sq = exnic_sim_reg_queue(hw, reg, &off);
	if (!sq || off != EXNIC_SIM_QOFF(TXQ_TAIL) ||
	    !READ_ONCE(sq->polling) ||
	    !(READ_ONCE(sq->tx.ctrl) & EXNIC_QCTRL_ENABLE) ||
	    val >= READ_ONCE(sq->tx.size))
		return false;
	WRITE_ONCE(sq->tx.tail, val);
	/* TAIL, then polling; pairs with smp_mb() in exnic_sim_poll_end() */
	smp_mb();
	return READ_ONCE(sq->polling);
}

/**
 * exnic_hw_wr32() - write a device register
 * @hw: the device
 * @reg: register offset, EXNIC_REG_*
 * @val: value
 *
 * Any context. A TXQ_TAIL write is a doorbell: the device consumes the
 * descriptors later, in its own context. Clearing a ring's ENABLE or writing
 * EXNIC_CTRL_RESET takes effect before this returns: the device no longer
 * reads or writes that ring. Writes to read-only registers are ignored.
 */
void exnic_hw_wr32(struct exnic_hw *hw, u32 reg, u32 val)
{
	struct exnic_sim_queue *sq, *kick = NULL;
	unsigned long flags;
	u32 off;

	if (exnic_sim_tx_posted(hw, reg, val))
		return;

	spin_lock_irqsave(&hw->lock, flags);
	switch (reg) {
	case EXNIC_REG_CTRL:
		if (val & EXNIC_CTRL_RESET)
			exnic_sim_reset(hw);
		break;
	case EXNIC_QUEUE_BASE(0) ... EXNIC_QUEUE_BASE(EXNIC_MAX_QUEUES) - 1:
		sq = exnic_sim_reg_queue(hw, reg, &off);
		if (!sq || !exnic_sim_wr_queue(hw, sq, off, val))
			break;
		if (sq->polling)
			break;	/* the work sees it */
		kick = sq;
		hw->stats.kicks++;
		break;
	}
	spin_unlock_irqrestore(&hw->lock, flags);

	if (kick)
		queue_work(hw->wq, &kick->work);
}
EXPORT_SYMBOL_NS_GPL(exnic_hw_wr32, EXNIC_SIM);

/* ----------------------------------------------------------------------
 * TX: consuming descriptors
 * ----------------------------------------------------------------------
 */

/* One frame being gathered */
struct exnic_sim_tx_ctx {
	struct exnic_sim_profile prof;
	struct exnic_tx_desc *ring;
	u32 mask;
	u32 tail;
	u32 last;		/* descriptor that gets DONE and STATUS */
	u32 next;		/* HEAD after this frame */
	u64 sop_ctrl;
	u32 glen;		/* bytes gathered into q->buf */
	bool hdr_seen;
	int err;		/* first enum exnic_err broken, or -1 */
};

static void exnic_sim_tx_err(struct exnic_sim_tx_ctx *ctx, enum exnic_err err)
{
	if (ctx->err < 0)
		ctx->err = err;
}

/* Copies the INLINE descriptor's bytes: 8 in qw0, then 16 per ring slot */
static void exnic_sim_tx_inline(struct exnic_sim_queue *q,
				struct exnic_sim_tx_ctx *ctx, u32 idx, u32 len)
{
	const u8 *src = (const u8 *)&ctx->ring[idx].addr;
	u32 n = min(len, 8U);
	u32 slot = 1;

	memcpy(q->buf, src, n);
	ctx->glen = n;
	while (ctx->glen < len) {
		src = (const u8 *)&ctx->ring[(idx + slot++) & ctx->mask];
		n = min(len - ctx->glen, 16U);
		memcpy(q->buf + ctx->glen, src, n);
		ctx->glen += n;
	}
	q->frame.inline_len = len;
}

static void exnic_sim_tx_data(struct exnic_hw *hw, struct exnic_sim_queue *q,
			      struct exnic_sim_tx_ctx *ctx, u64 addr, u32 len)
{
	struct exnic_sim_frame *f = &q->frame;
	u32 hdr_len = ctx->prof.tx_hdr_len;
	bool first = !ctx->hdr_seen;
	const u8 *src;

	if (f->nr_bufs < EXNIC_SIM_MAX_BUFS) {
		f->buf_addr[f->nr_bufs] = addr;
		f->buf_len[f->nr_bufs] = len;
		f->nr_bufs++;
	}
	ctx->hdr_seen = true;

	if (!len) {
		/* Nothing to fetch; fatal on NICs that check (ice MDD) */
		if (ctx->prof.zero_len_fatal)
			exnic_sim_tx_err(ctx, EXNIC_ERR_ZERO_LEN);
		else if (first && hdr_len)
			exnic_sim_tx_err(ctx, EXNIC_ERR_TX_HDR);
		return;
	}
	if (ctx->prof.dma_align > 1 && !IS_ALIGNED(addr, ctx->prof.dma_align))
		exnic_sim_tx_err(ctx, EXNIC_ERR_ALIGN);

	src = exnic_sim_dma_ptr(hw, addr, len);
	if (!src)
		exnic_sim_tx_err(ctx, EXNIC_ERR_DMA);
	if (ctx->err >= 0)
		return;

	/* The in-band header opens the first DATA buffer, in one piece */
	if (first && hdr_len) {
		if (len < hdr_len) {
			exnic_sim_tx_err(ctx, EXNIC_ERR_TX_HDR);
			return;
		}
		memcpy(q->hdr, src, hdr_len);
		src += hdr_len;
		len -= hdr_len;
	}

	if (len > EXNIC_SIM_GATHER_LEN - ctx->glen) {
		exnic_sim_tx_err(ctx, EXNIC_ERR_OVERSIZE);
		return;
	}
	if (READ_ONCE(hw->fetch) || hw->mode != EXNIC_SIM_SINK)
		memcpy(q->buf + ctx->glen, src, len);
	ctx->glen += len;
}

/*
 * Walks one frame from HEAD and gathers its bytes, checking the rules that
 * need the descriptors. Under hw->lock (the ring is the driver's while we
 * are not). Returns false if the frame is not complete before TAIL yet.
 */
static bool exnic_sim_tx_gather(struct exnic_hw *hw, struct exnic_sim_queue *q,
				struct exnic_sim_tx_ctx *ctx, u32 head)
{
	u32 max_bufs = ctx->prof.max_bufs;
	u32 idx = head, prev = head;
	unsigned int nr_data = 0;

	for (;;) {
		struct exnic_tx_desc *d = &ctx->ring[idx];
		u32 avail = (ctx->tail - idx) & ctx->mask;
		u32 len, type, slots = 0;
		u64 ctrl;

		if (!avail)
			return false;

		ctrl = le64_to_cpu(READ_ONCE(d->ctrl));
		len = FIELD_GET(EXNIC_TXD_LEN, ctrl);
		type = FIELD_GET(EXNIC_TXD_TYPE, ctrl);

		if (idx == head) {
			ctx->sop_ctrl = ctrl;
			if (!(ctrl & EXNIC_TXD_SOP))
				exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
		} else if (ctrl & EXNIC_TXD_SOP) {
			/* The next frame starts: this one has no EOP */
			exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
			ctx->last = prev;
			ctx->next = idx;
			return true;
		}

		switch (type) {
		case EXNIC_TXD_TYPE_INLINE:
			slots = exnic_txd_inline_slots(len);
			if (slots >= ctx->mask) {
				slots = 0;
				exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
			}
			if (avail < 1 + slots)
				return false;
			if (idx != head || !len || len > EXNIC_TX_INLINE_MAX)
				exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
			if (ctx->err < 0)
				exnic_sim_tx_inline(q, ctx, idx, len);
			break;
		case EXNIC_TXD_TYPE_DATA:
			if (max_bufs && ++nr_data > max_bufs)
				exnic_sim_tx_err(ctx, EXNIC_ERR_MAX_BUFS);
			exnic_sim_tx_data(hw, q, ctx,
					  le64_to_cpu(READ_ONCE(d->addr)), len);
			break;
		default:
			exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
			break;
		}

		if (ctrl & EXNIC_TXD_EOP) {
			ctx->last = idx;
			ctx->next = (idx + 1 + slots) & ctx->mask;
			return true;
		}
		prev = idx;
		idx = (idx + 1 + slots) & ctx->mask;
	}
}

static void exnic_sim_tx_csum(u8 *data, u32 len, u32 start, u32 off)
{
	__wsum csum = csum_partial(data + start, len - start, 0);

	/* Like skb_checksum_help(): the field holds the pseudo-header sum */
	put_unaligned(csum_fold(csum) ?: CSUM_MANGLED_0,
		      (__sum16 *)(data + start + off));
}

/*
 * The rules that need the whole frame, then checksum insertion and padding,
 * all in the device's copy. Fills q->frame. Unlocked.
 */
static void exnic_sim_tx_finish(struct exnic_sim_queue *q,
				struct exnic_sim_tx_ctx *ctx)
{
	const struct exnic_sim_profile *prof = &ctx->prof;
	const struct exnic_tx_hdr *hdr = NULL;
	struct exnic_sim_frame *f = &q->frame;
	u32 frame_len = ctx->glen;
	u32 start = 0, off = 0;
	bool csum = false;

	if (prof->tx_hdr_len && ctx->hdr_seen && ctx->err < 0)
		hdr = (const struct exnic_tx_hdr *)q->hdr;
	else if (prof->tx_hdr_len)
		exnic_sim_tx_err(ctx, EXNIC_ERR_TX_HDR);

	if (prof->trailer_len) {
		const struct exnic_tx_trailer *tr;

		if (ctx->glen < prof->trailer_len) {
			exnic_sim_tx_err(ctx, EXNIC_ERR_TRAILER);
		} else {
			frame_len = ctx->glen - prof->trailer_len;
			memcpy(q->trailer, q->buf + frame_len,
			       prof->trailer_len);
			f->trailer = q->trailer;
			tr = (const struct exnic_tx_trailer *)q->trailer;
			if (le32_to_cpu(tr->magic) != EXNIC_TX_TRAILER_MAGIC ||
			    le32_to_cpu(tr->frame_len) != frame_len)
				exnic_sim_tx_err(ctx, EXNIC_ERR_TRAILER);
		}
	}

	/*
	 * The frame on the wire has ETH_ZLEN bytes at least: a shorter one
	 * still owes min(MIN_INLINE, ETH_ZLEN) inline bytes, its padding
	 * among them (exnic_hw.h). mlx5's XDP transmit, which inlines 18
	 * bytes whenever the device wants headers inline, drops shorter
	 * frames instead (mlx5e_xmit_xdp_frame()).
	 */
	if (prof->min_inline &&
	    f->inline_len < min_t(u32, prof->min_inline,
				  max_t(u32, frame_len, ETH_ZLEN)))
		exnic_sim_tx_err(ctx, EXNIC_ERR_INLINE);

	if (hdr) {
		f->tx_hdr = q->hdr;
		if (le16_to_cpu(hdr->magic) != EXNIC_TX_HDR_MAGIC ||
		    le16_to_cpu(hdr->frame_len) != frame_len)
			exnic_sim_tx_err(ctx, EXNIC_ERR_TX_HDR);
	}

	if (ctx->sop_ctrl & EXNIC_TXD_CSUM) {
		start = FIELD_GET(EXNIC_TXD_CSUM_START, ctx->sop_ctrl);
		off = FIELD_GET(EXNIC_TXD_CSUM_OFF, ctx->sop_ctrl);
		csum = true;
		if ((u64)start + off + sizeof(__sum16) > frame_len)
			exnic_sim_tx_err(ctx, EXNIC_ERR_DESC);
	} else if (hdr && (le16_to_cpu(hdr->flags) & EXNIC_TX_HDR_CSUM)) {
		start = le16_to_cpu(hdr->csum_start);
		off = le16_to_cpu(hdr->csum_off);
		csum = true;
		if ((u64)start + off + sizeof(__sum16) > frame_len)
			exnic_sim_tx_err(ctx, EXNIC_ERR_TX_HDR);
	}

	if (frame_len > EXNIC_SIM_MAX_FRAME)
		exnic_sim_tx_err(ctx, EXNIC_ERR_OVERSIZE);
	if (frame_len < ETH_ZLEN && prof->no_pad)
		exnic_sim_tx_err(ctx, EXNIC_ERR_RUNT);

	f->len = frame_len;
	if (ctx->err >= 0) {
		f->status = EXNIC_TXD_STATUS_ERR(ctx->err);
		return;
	}

	f->status = EXNIC_TXD_STATUS_OK;
	if (csum)
		exnic_sim_tx_csum(q->buf, frame_len, start, off);
	if (frame_len < ETH_ZLEN) {
		memset(q->buf + frame_len, 0, ETH_ZLEN - frame_len);
		f->len = ETH_ZLEN;
	}
}

/*
 * The receiver steers, as RSS does over the queues its indirection table
 * names: frames from TX queue @txq go to the (@txq % n)-th of the n RX
 * queues the receiver has enabled, whatever the sender's queue count.
 * Called with @peer->lock held; NULL when no RX queue is enabled.
 */
static struct exnic_sim_queue *exnic_sim_steer(struct exnic_hw *peer,
					       unsigned int txq)
{
	unsigned int q, n = 0, pick;

	for (q = 0; q < peer->num_queues; q++)
		n += !!(peer->queues[q].rx.ctrl & EXNIC_QCTRL_ENABLE);
	if (!n)
		return NULL;
	pick = txq % n;
	for (q = 0; q < peer->num_queues; q++) {
		if (!(peer->queues[q].rx.ctrl & EXNIC_QCTRL_ENABLE))
			continue;
		if (!pick--)
			break;
	}
	return &peer->queues[q];
}

/*
 * Delivers a good frame into the RX queue exnic_sim_steer() picks on the
 * peer, or drops it counting EXNIC_ERR_RX_NO_BUF on the receiver.
 * Unlocked.
 */
static void exnic_sim_deliver(struct exnic_hw *hw, unsigned int txq,
			      const u8 *data, u32 len)
{
	struct exnic_hw *peer = READ_ONCE(hw->peer);
	u8 *dst[EXNIC_SIM_RX_MAX_BUFS];
	struct exnic_rx_desc *ring;
	struct exnic_sim_queue *rq;
	u32 nbufs, mask, i, off;
	unsigned long flags;
	enum exnic_err err;

	if (!peer)
		return;
	nbufs = DIV_ROUND_UP(len, EXNIC_RX_BUF_LEN);
	if (WARN_ON_ONCE(nbufs > EXNIC_SIM_RX_MAX_BUFS))
		return;

	spin_lock_irqsave(&peer->lock, flags);
	err = EXNIC_ERR_RX_NO_BUF;
	rq = exnic_sim_steer(peer, txq);
	if (!rq)
		goto drop;
	mask = rq->rx.size - 1;
	if (((rq->rx.tail - rq->rx.head) & mask) < nbufs)
		goto drop;

	err = EXNIC_ERR_DMA;
	ring = exnic_sim_dma_ptr(peer, rq->rx.base,
				 rq->rx.size * sizeof(*ring));
	if (!ring || !IS_ALIGNED(rq->rx.base, sizeof(*ring))) {
		/* Fatal for the ring, like an MDD event: the queue stops */
		rq->rx.ctrl &= ~EXNIC_QCTRL_ENABLE;
		exnic_sim_update_peer_link(peer);
		goto drop;
	}

	/* Check every buffer before writing any */
	for (i = 0, off = 0; i < nbufs; i++, off += EXNIC_RX_BUF_LEN) {
		struct exnic_rx_desc *d = &ring[(rq->rx.head + i) & mask];
		u32 chunk = min_t(u32, len - off, EXNIC_RX_BUF_LEN);

		dst[i] = exnic_sim_dma_ptr(peer, le64_to_cpu(READ_ONCE(d->addr)),
					   chunk);
		if (!dst[i])
			goto drop;
	}

	for (i = 0, off = 0; i < nbufs; i++, off += EXNIC_RX_BUF_LEN)
		memcpy(dst[i], data + off, min_t(u32, len - off, EXNIC_RX_BUF_LEN));

	/* Frame bytes before DONE, as a device orders its DMA writes */
	smp_wmb();

	for (i = 0, off = 0; i < nbufs; i++, off += EXNIC_RX_BUF_LEN) {
		struct exnic_rx_desc *d = &ring[(rq->rx.head + i) & mask];
		u32 chunk = min_t(u32, len - off, EXNIC_RX_BUF_LEN);
		u64 status = FIELD_PREP(EXNIC_RXD_LEN, chunk) | EXNIC_RXD_DONE;

		if (i == nbufs - 1)
			status |= EXNIC_RXD_EOP;
		WRITE_ONCE(d->status, cpu_to_le64(status));
	}

	rq->rx.head = (rq->rx.head + nbufs) & mask;
	rq->irq_pending = true;
	peer->stats.rx_frames++;
	peer->stats.rx_bytes += len;
	spin_unlock_irqrestore(&peer->lock, flags);

	exnic_sim_raise(peer, rq);
	return;

drop:
	exnic_sim_count_err(peer, err);
	spin_unlock_irqrestore(&peer->lock, flags);
}

/**
 * exnic_sim_rx_inject() - write back one frame with the lengths given
 * @hw: the device
 * @q: RX queue
 * @data: frame bytes, consumed buffer by buffer
 * @lens: the LEN each of the @n descriptors is written back with; a buffer
 *	gets min(LEN, EXNIC_RX_BUF_LEN) bytes of @data, so 0 or a LEN
 *	above EXNIC_RX_BUF_LEN makes the write-back of a faulty device
 * @n: descriptors, the last one with EOP
 *
 * For tests of the driver's RX path against what a device must never
 * write; the device itself splits frames as exnic_sim_deliver() does.
 *
 * Return: 0, -EINVAL for a bad queue or @n, -ENOSPC when fewer than @n
 * buffers are posted, -EFAULT for a buffer the device can't reach.
 */
int exnic_sim_rx_inject(struct exnic_hw *hw, unsigned int q, const u8 *data,
			const u32 *lens, unsigned int n)
{
	struct exnic_sim_queue *rq;
	struct exnic_rx_desc *ring;
	unsigned long flags;
	unsigned int i;
	u32 mask;
	int err;

	if (q >= hw->num_queues || !n || n > EXNIC_SIM_RX_MAX_BUFS)
		return -EINVAL;
	rq = &hw->queues[q];

	spin_lock_irqsave(&hw->lock, flags);
	err = -ENOSPC;
	mask = rq->rx.size - 1;
	if (!(rq->rx.ctrl & EXNIC_QCTRL_ENABLE) ||
	    ((rq->rx.tail - rq->rx.head) & mask) < n)
		goto out;
	err = -EFAULT;
	ring = exnic_sim_dma_ptr(hw, rq->rx.base, rq->rx.size * sizeof(*ring));
	if (!ring)
		goto out;

	for (i = 0; i < n; i++) {
		struct exnic_rx_desc *d = &ring[(rq->rx.head + i) & mask];
		u32 chunk = min_t(u32, lens[i], EXNIC_RX_BUF_LEN);
		u64 status;
		u8 *dst;

		dst = exnic_sim_dma_ptr(hw, le64_to_cpu(READ_ONCE(d->addr)),
					max_t(u32, chunk, 1));
		if (!dst)
			goto out;
		memcpy(dst, data, chunk);
		data += chunk;
		smp_wmb();	/* bytes before DONE */
		status = FIELD_PREP(EXNIC_RXD_LEN, lens[i]) | EXNIC_RXD_DONE;
		if (i == n - 1)
			status |= EXNIC_RXD_EOP;
		WRITE_ONCE(d->status, cpu_to_le64(status));
	}
	rq->rx.head = (rq->rx.head + n) & mask;
	rq->irq_pending = true;
	err = 0;
out:
	spin_unlock_irqrestore(&hw->lock, flags);
	if (!err)
		exnic_sim_raise(hw, rq);
	return err;
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_rx_inject, EXNIC_SIM);

/* Consumes one frame from the TX ring; false if there was none to take */
/* Under hw->lock: the MAC counters of a frame sent whole */
static void exnic_sim_mac_count(struct exnic_hw *hw,
				const struct exnic_sim_frame *f)
{
	if (!READ_ONCE(hw->fetch) && hw->mode == EXNIC_SIM_SINK)
		return;		/* its bytes were not fetched */
	if (f->len < ETH_ALEN)
		return;
	if (is_broadcast_ether_addr(f->data))
		hw->mac_stats[EXNIC_MAC_TX_BROADCAST]++;
	else if (is_multicast_ether_addr(f->data))
		hw->mac_stats[EXNIC_MAC_TX_MULTICAST]++;
}

static bool exnic_sim_tx_one(struct exnic_hw *hw, struct exnic_sim_queue *q)
{
	struct exnic_sim_frame *f = &q->frame;
	struct exnic_sim_tx_ctx ctx = {};
	struct exnic_tx_desc *d;
	exnic_sim_tap_t tap;
	unsigned long flags;
	void *tap_ctx;
	u32 head, gen;
	u64 ctrl;

	spin_lock_irqsave(&hw->lock, flags);
	ctx.tail = READ_ONCE(q->tx.tail);
	if (!(q->tx.ctrl & EXNIC_QCTRL_ENABLE) || q->tx.head == ctx.tail)
		goto idle;

	ctx.ring = exnic_sim_dma_ptr(hw, q->tx.base,
				     q->tx.size * sizeof(*ctx.ring));
	if (!ctx.ring || !IS_ALIGNED(q->tx.base, sizeof(*ctx.ring))) {
		/* Fatal for the ring, like an MDD event: the queue stops */
		exnic_sim_count_err(hw, EXNIC_ERR_DMA);
		exnic_sim_tx_stop(q);
		goto idle;
	}
	ctx.prof = hw->profile;
	ctx.mask = q->tx.size - 1;
	ctx.err = -1;
	head = q->tx.head;
	gen = q->tx_gen;
	tap = hw->tap;
	tap_ctx = hw->tap_ctx;

	/* The buffer arrays are read up to nr_bufs only: leave them be */
	memset(f, 0, offsetof(struct exnic_sim_frame, buf_addr));
	f->queue = q->idx;
	f->data = q->buf;
	if (!exnic_sim_tx_gather(hw, q, &ctx, head))
		goto idle;	/* no EOP before TAIL yet */
	spin_unlock_irqrestore(&hw->lock, flags);

	exnic_sim_tx_finish(q, &ctx);
	if (tap)
		tap(tap_ctx, f);

	spin_lock_irqsave(&hw->lock, flags);
	if (q->tx_gen != gen)
		goto idle;	/* ring taken away meanwhile */

	d = &ctx.ring[ctx.last];
	ctrl = le64_to_cpu(READ_ONCE(d->ctrl));
	ctrl |= EXNIC_TXD_DONE | FIELD_PREP(EXNIC_TXD_STATUS, f->status);
	WRITE_ONCE(d->ctrl, cpu_to_le64(ctrl));
	q->tx.head = ctx.next;
	q->irq_pending = true;

	if (f->status == EXNIC_TXD_STATUS_OK) {
		hw->stats.tx_frames++;
		hw->stats.tx_bytes += f->len;
		exnic_sim_mac_count(hw, f);
	} else {
		hw->stats.tx_dropped++;
		exnic_sim_count_err(hw, ctx.err);
	}
	spin_unlock_irqrestore(&hw->lock, flags);

	if (f->status == EXNIC_TXD_STATUS_OK && hw->mode == EXNIC_SIM_PAIR)
		exnic_sim_deliver(hw, q->idx, f->data, f->len);
	return true;

idle:
	spin_unlock_irqrestore(&hw->lock, flags);
	return false;
}

/* Adds @ns of engine time to the device's stats */
static void exnic_sim_engine_time(struct exnic_hw *hw, u64 *stat, u64 ns,
				  bool pass)
{
	unsigned long flags;

	spin_lock_irqsave(&hw->lock, flags);
	*stat += ns;
	hw->stats.engine_runs += pass;
	spin_unlock_irqrestore(&hw->lock, flags);
}

/* Consumes up to EXNIC_SIM_BUDGET frames; returns how many */
static unsigned int exnic_sim_engine_tx(struct exnic_hw *hw,
					struct exnic_sim_queue *q)
{
	unsigned int n;
	u64 t0;

	t0 = ktime_get_ns();
	for (n = 0; n < EXNIC_SIM_BUDGET; n++)
		if (!exnic_sim_tx_one(hw, q))
			break;
	if (n)
		exnic_sim_engine_time(hw, &hw->stats.engine_tx_ns,
				      ktime_get_ns() - t0, true);
	return n;
}

static void exnic_sim_engine_irq(struct exnic_hw *hw, struct exnic_sim_queue *q)
{
	u64 t0 = ktime_get_ns();

	exnic_sim_raise(hw, q);
	exnic_sim_engine_time(hw, &hw->stats.engine_irq_ns,
			      ktime_get_ns() - t0, false);
}

/*
 * Ends polling unless a doorbell or an unmask came since @tail was read
 * before the last pass. An unmask takes hw->lock, as this does; a posted
 * doorbell does not, so polling is cleared before TAIL is read, with a full
 * barrier on both sides: either the doorbell sees polling clear and takes
 * the locked path, which queues the work, or this sees its TAIL.
 */
static bool exnic_sim_poll_end(struct exnic_hw *hw, struct exnic_sim_queue *q,
			       u32 tail)
{
	unsigned long flags;
	bool end;

	spin_lock_irqsave(&hw->lock, flags);
	WRITE_ONCE(q->polling, false);
	/* polling, then TAIL; pairs with smp_mb() in exnic_sim_tx_posted() */
	smp_mb();
	end = READ_ONCE(hw->tx_held) || !(q->tx.ctrl & EXNIC_QCTRL_ENABLE) ||
	      (READ_ONCE(q->tx.tail) == tail &&
	       !(q->irq_pending && !q->int_mask));
	if (!end)
		WRITE_ONCE(q->polling, true);
	spin_unlock_irqrestore(&hw->lock, flags);
	return end;
}

/*
 * The polling engine: consumes frames as TAIL moves, and raises the
 * interrupt once EXNIC_SIM_COAL_FRAMES completed since the last one, or
 * EXNIC_SIM_COAL_US after the first of them, or at once for a cause
 * latched earlier (an unmask), like a NIC's interrupt moderation. Polls
 * until @poll_ms passed without a frame, then raises what is left.
 */
static void exnic_sim_engine_poll(struct exnic_hw *hw,
				  struct exnic_sim_queue *q,
				  unsigned int poll_ms)
{
	unsigned long flags, idle_end = 0;
	unsigned int n, unraised = 0;
	u64 first = 0;
	u32 tail;

	spin_lock_irqsave(&hw->lock, flags);
	WRITE_ONCE(q->polling, true);
	spin_unlock_irqrestore(&hw->lock, flags);
	for (;;) {
		tail = READ_ONCE(q->tx.tail);
		n = exnic_sim_engine_tx(hw, q);
		if (n && !unraised)
			first = ktime_get_ns();
		unraised += n;
		/* masked: NAPI still runs; the cause waits for its unmask */
		if (READ_ONCE(q->irq_pending) && !READ_ONCE(q->int_mask) &&
		    (!unraised || unraised >= EXNIC_SIM_COAL_FRAMES ||
		     ktime_get_ns() - first >= EXNIC_SIM_COAL_US * NSEC_PER_USEC)) {
			exnic_sim_engine_irq(hw, q);
			unraised = 0;
		}

		if (n || !idle_end)
			idle_end = jiffies + msecs_to_jiffies(poll_ms) + 1;
		if ((time_after(jiffies, idle_end) || READ_ONCE(hw->tx_held)) &&
		    exnic_sim_poll_end(hw, q, tail))
			break;
		if (n < EXNIC_SIM_BUDGET)
			cpu_relax();
		cond_resched();
	}
	exnic_sim_engine_irq(hw, q);
}

/*
 * The TX engine of a queue. Without poll_ms it drains the ring, raises the
 * interrupt and returns; the next doorbell queues it again. With poll_ms
 * it polls TAIL, as a NIC's DMA engine runs beside the CPU: doorbells
 * meanwhile only record TAIL, nothing is woken.
 */
static void exnic_sim_work(struct work_struct *work)
{
	struct exnic_sim_queue *q = container_of(work, struct exnic_sim_queue,
						 work);
	struct exnic_hw *hw = q->hw;
	unsigned int poll_ms, n;

	if (READ_ONCE(hw->tx_held))
		return;
	poll_ms = min_t(u32, READ_ONCE(hw->poll_ms), EXNIC_SIM_POLL_MAX_MS);
	if (poll_ms) {
		exnic_sim_engine_poll(hw, q, poll_ms);
		return;
	}
	n = exnic_sim_engine_tx(hw, q);
	exnic_sim_engine_irq(hw, q);
	if (n == EXNIC_SIM_BUDGET)
		queue_work(hw->wq, &q->work);
}

/**
 * exnic_sim_hold_tx() - stall or resume the device's TX DMA engine
 * @hw: the device
 * @hold: true to stall, false to resume
 *
 * While held, doorbells are recorded but no TX descriptor is consumed, so
 * a test can fill the ring; resuming consumes everything rung meanwhile.
 */
void exnic_sim_hold_tx(struct exnic_hw *hw, bool hold)
{
	unsigned int q;

	WRITE_ONCE(hw->tx_held, hold);
	if (hold)
		return;
	for (q = 0; q < hw->num_queues; q++)
		queue_work(hw->wq, &hw->queues[q].work);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_hold_tx, EXNIC_SIM);

/**
 * exnic_sim_set_poll() - let the TX engine poll after it drains a ring
 * @hw: the device
 * @ms: how long each queue's engine keeps polling TAIL after its last
 *	frame; 0 (the default) to return at once
 *
 * What the device's "poll_ms" debugfs file sets; see the top of this file.
 */
void exnic_sim_set_poll(struct exnic_hw *hw, u32 ms)
{
	WRITE_ONCE(hw->poll_ms, ms);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_set_poll, EXNIC_SIM);

/**
 * exnic_sim_kicks() - doorbells and unmasks that queued the TX engine
 * @hw: the device
 *
 * Return: how many register writes found the engine not polling and
 * queued its work, since the device was created.
 */
u64 exnic_sim_kicks(struct exnic_hw *hw)
{
	unsigned long flags;
	u64 kicks;

	spin_lock_irqsave(&hw->lock, flags);
	kicks = hw->stats.kicks;
	spin_unlock_irqrestore(&hw->lock, flags);
	return kicks;
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_kicks, EXNIC_SIM);

/* ----------------------------------------------------------------------
 * debugfs: /sys/kernel/debug/exnic/<devname>/
 * ----------------------------------------------------------------------
 */

static int exnic_sim_profile_show(struct seq_file *s, void *unused)
{
	struct exnic_hw *hw = s->private;
	struct exnic_sim_profile p;
	char name[EXNIC_SIM_NAME_LEN];
	unsigned long flags;

	spin_lock_irqsave(&hw->lock, flags);
	p = hw->profile;
	strscpy(name, hw->profile_name, sizeof(name));
	spin_unlock_irqrestore(&hw->lock, flags);

	seq_printf(s, "name %s\n", name);
	seq_printf(s, "min-inline %u\n", p.min_inline);
	seq_printf(s, "no-zero-len %u\n", p.zero_len_fatal);
	seq_printf(s, "tx-header %u\n", p.tx_hdr_len);
	seq_printf(s, "trailer %u\n", p.trailer_len);
	seq_printf(s, "max-bufs %u\n", p.max_bufs);
	seq_printf(s, "dma-align %u\n", p.dma_align);
	seq_printf(s, "no-pad %u\n", p.no_pad);
	return 0;
}

static ssize_t exnic_sim_profile_write(struct file *file,
				       const char __user *ubuf, size_t count,
				       loff_t *ppos)
{
	struct seq_file *s = file->private_data;
	struct exnic_hw *hw = s->private;
	struct exnic_sim_profile p;
	char buf[EXNIC_SIM_NAME_LEN];
	int err;

	if (*ppos || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';

	err = exnic_sim_profile_parse(strim(buf), &p);
	if (!err)
		err = exnic_sim_set_profile(hw, &p);
	return err ?: count;
}

DEFINE_SHOW_STORE_ATTRIBUTE(exnic_sim_profile);

static int exnic_sim_errors_show(struct seq_file *s, void *unused)
{
	struct exnic_hw *hw = s->private;
	unsigned int i;

	for (i = 0; i < EXNIC_ERR_COUNT; i++)
		seq_printf(s, "%s %u\n", exnic_sim_err_names[i],
			   atomic_read(&hw->errors[i]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(exnic_sim_errors);

static int exnic_sim_mode_show(struct seq_file *s, void *unused)
{
	struct exnic_hw *hw = s->private;

	static const char * const names[] = {
		[EXNIC_SIM_PAIR] = "pair",
		[EXNIC_SIM_SINK] = "sink",
	};

	seq_printf(s, "%s\n", names[hw->mode]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(exnic_sim_mode);

static int exnic_sim_stats_show(struct seq_file *s, void *unused)
{
	struct exnic_hw *hw = s->private;
	struct exnic_sim_stats st;
	unsigned long flags;

	spin_lock_irqsave(&hw->lock, flags);
	st = hw->stats;
	spin_unlock_irqrestore(&hw->lock, flags);

	seq_printf(s, "tx_frames %llu\n", st.tx_frames);
	seq_printf(s, "tx_bytes %llu\n", st.tx_bytes);
	seq_printf(s, "tx_dropped %llu\n", st.tx_dropped);
	seq_printf(s, "rx_frames %llu\n", st.rx_frames);
	seq_printf(s, "rx_bytes %llu\n", st.rx_bytes);
	seq_printf(s, "kicks %llu\n", st.kicks);
	seq_printf(s, "engine_runs %llu\n", st.engine_runs);
	seq_printf(s, "engine_tx_ns %llu\n", st.engine_tx_ns);
	seq_printf(s, "engine_irq_ns %llu\n", st.engine_irq_ns);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(exnic_sim_stats);

static void exnic_sim_debugfs_add(struct exnic_hw *hw, const char *name)
{
	if (!exnic_sim_dbg_root)
		return;

	hw->dbg = debugfs_create_dir(name, exnic_sim_dbg_root);
	debugfs_create_file("profile", 0600, hw->dbg, hw,
			    &exnic_sim_profile_fops);
	debugfs_create_file("errors", 0400, hw->dbg, hw,
			    &exnic_sim_errors_fops);
	debugfs_create_file("mode", 0400, hw->dbg, hw, &exnic_sim_mode_fops);
	debugfs_create_file("stats", 0400, hw->dbg, hw, &exnic_sim_stats_fops);
	if (hw->mode == EXNIC_SIM_SINK)
		debugfs_create_bool("fetch", 0600, hw->dbg, &hw->fetch);
	debugfs_create_u32("poll_ms", 0600, hw->dbg, &hw->poll_ms);
}

/* ----------------------------------------------------------------------
 * The bench
 * ----------------------------------------------------------------------
 */

/**
 * exnic_sim_set_profile() - change a device's quirk profile
 * @hw: the device
 * @profile: the new rules; copied
 *
 * Return: 0, -EBUSY while any TX or RX queue is enabled, -EINVAL for a
 * profile the device cannot model.
 */
int exnic_sim_set_profile(struct exnic_hw *hw,
			  const struct exnic_sim_profile *profile)
{
	unsigned long flags;
	unsigned int i;
	int err;

	err = exnic_sim_profile_check(profile);
	if (err)
		return err;

	spin_lock_irqsave(&hw->lock, flags);
	for (i = 0; i < hw->num_queues; i++) {
		if ((hw->queues[i].tx.ctrl | hw->queues[i].rx.ctrl) &
		    EXNIC_QCTRL_ENABLE) {
			spin_unlock_irqrestore(&hw->lock, flags);
			return -EBUSY;
		}
	}
	hw->profile = *profile;
	strscpy(hw->profile_name, profile->name ?: "custom",
		sizeof(hw->profile_name));
	hw->profile.name = hw->profile_name;
	spin_unlock_irqrestore(&hw->lock, flags);

	return 0;
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_set_profile, EXNIC_SIM);

/**
 * exnic_sim_set_tx_tap() - observe every frame a device transmits or drops
 * @hw: the device
 * @fn: called in the device's context before write-back; NULL removes it
 * @ctx: passed to @fn
 *
 * Process context. After removing a tap, waits until no call to the old
 * one is in flight.
 */
void exnic_sim_set_tx_tap(struct exnic_hw *hw, exnic_sim_tap_t fn, void *ctx)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&hw->lock, flags);
	hw->tap = fn;
	hw->tap_ctx = ctx;
	spin_unlock_irqrestore(&hw->lock, flags);

	if (!fn)
		for (i = 0; i < hw->num_queues; i++)
			flush_work(&hw->queues[i].work);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_set_tx_tap, EXNIC_SIM);

/**
 * exnic_sim_err() - a device error counter
 * @hw: the device
 * @err: enum exnic_err
 *
 * Return: the counter, as EXNIC_REG_ERR(@err) reads it; 0 for a bad @err.
 */
u32 exnic_sim_err(struct exnic_hw *hw, unsigned int err)
{
	if (err >= EXNIC_ERR_COUNT)
		return 0;
	return atomic_read(&hw->errors[err]);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_err, EXNIC_SIM);

static void exnic_sim_flush_queues(struct exnic_hw *hw)
{
	unsigned int i;

	for (i = 0; i < hw->num_queues; i++)
		flush_work(&hw->queues[i].work);
}

/**
 * exnic_sim_flush() - wait for the device to go idle
 * @hw: the device
 *
 * Waits until the device and its peer processed every doorbell rung so far,
 * delivered the frames and raised the interrupts that follow: the handlers
 * have returned, and the NAPI they scheduled normally ran too (softirqs run
 * at the local_bh_enable() after the handler, unless the kernel deferred
 * them to ksoftirqd). Process context, e.g. a KUnit test; never from the
 * device's context (an irq handler, NAPI).
 */
void exnic_sim_flush(struct exnic_hw *hw)
{
	unsigned int pass;

	mutex_lock(&exnic_sim_mutex);
	/* Twice: the peer's NAPI may answer (a ping), ringing our doorbell */
	for (pass = 0; pass < 2; pass++) {
		exnic_sim_flush_queues(hw);
		if (hw->peer)
			exnic_sim_flush_queues(hw->peer);
	}
	mutex_unlock(&exnic_sim_mutex);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_flush, EXNIC_SIM);

static void exnic_sim_disconnect(struct exnic_hw *hw)
{
	struct exnic_hw *peer = hw->peer;
	unsigned long flags;

	lockdep_assert_held(&exnic_sim_mutex);

	if (!peer)
		return;

	spin_lock_irqsave(&hw->lock, flags);
	WRITE_ONCE(hw->peer, NULL);
	WRITE_ONCE(hw->peer_rx_up, false);
	spin_unlock_irqrestore(&hw->lock, flags);

	spin_lock_irqsave(&peer->lock, flags);
	WRITE_ONCE(peer->peer, NULL);
	WRITE_ONCE(peer->peer_rx_up, false);
	spin_unlock_irqrestore(&peer->lock, flags);

	/* Deliveries that read the old pointer are over after this */
	exnic_sim_flush_queues(hw);
	exnic_sim_flush_queues(peer);
}

static void exnic_sim_set_peer(struct exnic_hw *hw, struct exnic_hw *peer)
{
	unsigned long flags;

	spin_lock_irqsave(&hw->lock, flags);
	WRITE_ONCE(hw->peer, peer);
	exnic_sim_update_peer_link(hw);
	spin_unlock_irqrestore(&hw->lock, flags);
}

/**
 * exnic_sim_connect() - wire two devices back to back
 * @a: one device
 * @b: the other; may be @a for a loopback
 *
 * @a's TX arrives on @b's RX and @b's TX on @a's RX (in EXNIC_SIM_PAIR
 * mode); previous connections of either are undone. Process context.
 */
void exnic_sim_connect(struct exnic_hw *a, struct exnic_hw *b)
{
	mutex_lock(&exnic_sim_mutex);
	exnic_sim_disconnect(a);
	exnic_sim_disconnect(b);
	exnic_sim_set_peer(a, b);
	exnic_sim_set_peer(b, a);
	mutex_unlock(&exnic_sim_mutex);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_connect, EXNIC_SIM);

/**
 * exnic_sim_create() - create a simulated exnic device
 * @name: platform device name, also the debugfs directory name
 * @profile: quirk profile, copied; NULL for "none"
 * @mode: EXNIC_SIM_PAIR or EXNIC_SIM_SINK
 * @num_queues: queue pairs, 1 to EXNIC_MAX_QUEUES
 *
 * The platform device is named @name, has a 64-bit DMA mask, a
 * driver_override of "exnic" (so the exnic platform driver binds whatever
 * @name is) and, as platform data, a copy of the struct exnic_hw pointer:
 * the driver's probe gets it with
 * ``*(struct exnic_hw **)dev_get_platdata(dev)``. The device is complete
 * before it is added, so the driver may probe it synchronously. Process
 * context.
 *
 * Return: the device, or an ERR_PTR(): -EINVAL for bad arguments, -EEXIST
 * when a platform device of that name exists, -ENOMEM.
 */
struct exnic_hw *exnic_sim_create(const char *name,
				  const struct exnic_sim_profile *profile,
				  enum exnic_sim_mode mode,
				  unsigned int num_queues)
{
	struct platform_device *pdev;
	unsigned int i, inst;
	struct exnic_hw *hw;
	struct device *dup;
	int err;

	if (!name || !num_queues || num_queues > EXNIC_MAX_QUEUES ||
	    (mode != EXNIC_SIM_PAIR && mode != EXNIC_SIM_SINK))
		return ERR_PTR(-EINVAL);
	/* A clean error rather than sysfs' duplicate-name stack dump */
	dup = bus_find_device_by_name(&platform_bus_type, NULL, name);
	if (dup) {
		put_device(dup);
		return ERR_PTR(-EEXIST);
	}
	if (!profile)
		profile = &exnic_sim_profiles[0];
	err = exnic_sim_profile_check(profile);
	if (err)
		return ERR_PTR(err);

	hw = kzalloc(struct_size(hw, queues, num_queues), GFP_KERNEL);
	if (!hw)
		return ERR_PTR(-ENOMEM);
	hw->num_queues = num_queues;
	hw->mode = mode;
	hw->fetch = true;
	spin_lock_init(&hw->lock);
	exnic_sim_set_profile(hw, profile);

	/* Locally administered, unique per device: 02:45:58:4e:xx:xx */
	inst = atomic_inc_return(&exnic_sim_instances);
	hw->mac[0] = 0x02;
	hw->mac[1] = 'E';
	hw->mac[2] = 'X';
	hw->mac[3] = 'N';
	hw->mac[4] = inst >> 8;
	hw->mac[5] = inst;

	err = -ENOMEM;
	hw->wq = alloc_workqueue("exnic_sim_%.20s", WQ_UNBOUND, 0, name);
	if (!hw->wq)
		goto err_free;

	for (i = 0; i < num_queues; i++) {
		struct exnic_sim_queue *q = &hw->queues[i];

		q->hw = hw;
		q->idx = i;
		INIT_WORK(&q->work, exnic_sim_work);
		spin_lock_init(&q->irq_lock);
		q->buf = kzalloc(EXNIC_SIM_GATHER_LEN, GFP_KERNEL);
		if (!q->buf)
			goto err_free;
	}

	/* platform_device_register_full(), split so that hw->pdev is set
	 * before the driver's probe runs
	 */
	pdev = platform_device_alloc(name, PLATFORM_DEVID_NONE);
	if (!pdev) {
		err = -ENOMEM;
		goto err_free;
	}
	/* Whatever @name, bind the exnic driver (matched by driver name) */
	err = device_set_driver_override(&pdev->dev, EXNIC_SIM_DRV_NAME);
	if (err)
		goto err_put;
	pdev->platform_dma_mask = DMA_BIT_MASK(64);
	pdev->dev.dma_mask = &pdev->platform_dma_mask;
	pdev->dev.coherent_dma_mask = DMA_BIT_MASK(64);
	/* platform data: struct exnic_hw * */
	err = platform_device_add_data(pdev, &hw, sizeof(hw));
	if (err)
		goto err_put;
	hw->pdev = pdev;

	exnic_sim_debugfs_add(hw, name);

	err = platform_device_add(pdev);
	if (err)
		goto err_debugfs;

	return hw;

err_debugfs:
	debugfs_remove_recursive(hw->dbg);
err_put:
	platform_device_put(pdev);
err_free:
	for (i = 0; i < num_queues; i++)
		kfree(hw->queues[i].buf);
	if (hw->wq)
		destroy_workqueue(hw->wq);
	kfree(hw);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_create, EXNIC_SIM);

/**
 * exnic_sim_destroy() - remove a simulated device
 * @hw: the device; may be NULL or an ERR_PTR()
 *
 * Unregisters the platform device (the driver's remove runs), disconnects
 * the peer, stops the device's work and frees it. Process context.
 */
void exnic_sim_destroy(struct exnic_hw *hw)
{
	unsigned int i;

	if (IS_ERR_OR_NULL(hw))
		return;

	debugfs_remove_recursive(hw->dbg);
	platform_device_unregister(hw->pdev);

	mutex_lock(&exnic_sim_mutex);
	exnic_sim_disconnect(hw);
	mutex_unlock(&exnic_sim_mutex);

	for (i = 0; i < hw->num_queues; i++)
		cancel_work_sync(&hw->queues[i].work);
	destroy_workqueue(hw->wq);

	for (i = 0; i < hw->num_queues; i++)
		kfree(hw->queues[i].buf);
	kfree(hw);
}
EXPORT_SYMBOL_NS_GPL(exnic_sim_destroy, EXNIC_SIM);

/**
 * exnic_sim_init() - module init of the simulation
 *
 * Creates the debugfs root, /sys/kernel/debug/exnic/. Without debugfs the
 * devices simply have no debugfs files.
 *
 * Return: 0.
 */
int exnic_sim_init(void)
{
	exnic_sim_dbg_root = debugfs_create_dir("exnic", NULL);
	if (IS_ERR(exnic_sim_dbg_root))
		exnic_sim_dbg_root = NULL;
	return 0;
}

/**
 * exnic_sim_exit() - module exit of the simulation
 *
 * Removes the debugfs root. All devices must have been destroyed.
 */
void exnic_sim_exit(void)
{
	debugfs_remove_recursive(exnic_sim_dbg_root);
	exnic_sim_dbg_root = NULL;
}
