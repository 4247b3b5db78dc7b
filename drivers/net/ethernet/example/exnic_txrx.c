// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic datapath: TX, TX completion, page-based RX, NAPI.
 *
 * The TX path reads like fbnic_tx_map(). Each place where it depends on
 * how the skb lays out the frame is one small step function below:
 *
 *   exnic_tx_pad()         padding of runts
 *   exnic_tx_push_hdr()    headroom: the in-band TX header
 *   exnic_tx_trailer()     tailroom: the TX trailer
 *   exnic_tx_inline_copy() inline header bytes
 *   exnic_tx_use_head()    mapping of the head
 *
 * No step reads a header field: the MAC counts the multicast and broadcast
 * frames it sends (exnic_get_eth_mac_stats()), so on the AF_XDP path the
 * CPU touches no frame byte unless a quirk of the device asks for it
 * (inline bytes, a bounce buffer).
 *
 * CONFIG_EXNIC_BASELINE builds the linear-assuming variant of each step
 * (what most 6.12 drivers do) so the KUnit suite can prove that it tells
 * the two apart. The reference patch series replaces this switch.
 */

#include <kunit/static_stub.h>
#include <kunit/visibility.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/slab.h>
#include <net/netdev_queues.h>
#include <net/page_pool/helpers.h>

#include "exnic.h"

/* Inline bytes, rounded up to whole continuation slots. */
#define EXNIC_TX_INLINE_BUF	(EXNIC_TX_INLINE_MAX + 16)

/**
 * struct exnic_tx_frame - one frame on its way to the ring
 * @skb: the frame
 * @sop_ctrl: checksum fields of the SOP descriptor
 * @hdr_len: in-band header bytes pushed at skb->data
 * @frame_len: frame bytes in the skb after @hdr_len (trailer excluded)
 * @wire_len: @frame_len plus padding from the pad buffer
 * @inline_len: frame bytes copied into the INLINE descriptor
 * @trailer_buf: the trailer goes out from the slot's trailer buffer
 * @stats: BIT(enum exnic_tx_stat) of the counters the frame adds one to
 *	once it is on the ring
 * @first: ring index of the frame's first slot
 * @tail: next free slot
 * @nbufs: DATA buffers so far (the index exnic_tx_dma_map() gets)
 */
struct exnic_tx_frame {
	struct sk_buff *skb;
	u64 sop_ctrl;
	u32 hdr_len;
	u32 frame_len;
	u32 wire_len;
	u32 inline_len;
	bool trailer_buf;
	u32 stats;
	u32 first;
	u32 tail;
	u32 nbufs;
};

static void exnic_stat_inc(struct exnic_ring *ring, unsigned int stat)
{
	u64_stats_update_begin(&ring->syncp);
	ring->stats[stat]++;
	u64_stats_update_end(&ring->syncp);
}

static struct netdev_queue *exnic_txq(const struct exnic_ring *ring)
{
	return netdev_get_tx_queue(ring->priv->ndev, ring->q_idx);
}

/**
 * exnic_tx_desc_unused - free TX descriptors
 * @ring: TX ring
 *
 * One slot always stays empty so that head == tail means an empty ring.
 *
 * Return: descriptors the producer may still fill.
 */
unsigned int exnic_tx_desc_unused(const struct exnic_ring *ring)
{
	return (READ_ONCE(ring->head) - READ_ONCE(ring->tail) - 1) &
	       ring->size_mask;
}
EXPORT_SYMBOL_IF_KUNIT(exnic_tx_desc_unused);

static u32 exnic_tx_wake_thresh(const struct exnic_ring *ring)
{
	return min(2 * ring->desc_max, ring->size - 1);
}

/**
 * __exnic_tx_dma_map - map one TX buffer for the device
 * @dev: device to map for
 * @idx: index of the buffer in its frame, 0 for the first DATA buffer
 * @va: kernel address of a linear buffer, when @frag is NULL
 * @frag: frag to map, or NULL
 * @off: offset into @frag
 * @len: bytes to map
 *
 * The real mapping behind exnic_tx_dma_map(). A KUnit replacement of
 * exnic_tx_dma_map() calls it for the buffers it does not fail.
 *
 * Return: DMA address, to be checked with dma_mapping_error().
 */
dma_addr_t __exnic_tx_dma_map(struct device *dev, unsigned int idx, void *va,
			      const skb_frag_t *frag, unsigned int off,
			      unsigned int len)
{
	if (frag)
		return skb_frag_dma_map(dev, frag, off, len, DMA_TO_DEVICE);
	return dma_map_single(dev, va, len, DMA_TO_DEVICE);
}
EXPORT_SYMBOL_IF_KUNIT(__exnic_tx_dma_map);

/**
 * exnic_tx_dma_map - map one TX buffer; the one place TX maps memory
 * @dev: device to map for
 * @idx: index of the buffer in its frame, 0 for the first DATA buffer
 * @va: kernel address of a linear buffer (head, bounce), when @frag is NULL
 * @frag: frag to map, or NULL
 * @off: offset into @frag
 * @len: bytes to map
 *
 * A KUnit static stub (kunit_activate_static_stub()) may replace it to fail
 * the mapping of buffer @idx; the caller then unwinds and drops the frame.
 * Heads and bounce buffers are dma_map_single() mappings and frags
 * skb_frag_dma_map() ones; exnic_tx_unmap_buf() matches the unmap call.
 *
 * Return: DMA address, to be checked with dma_mapping_error().
 */
dma_addr_t exnic_tx_dma_map(struct device *dev, unsigned int idx, void *va,
			    const skb_frag_t *frag, unsigned int off,
			    unsigned int len)
{
	KUNIT_STATIC_STUB_REDIRECT(exnic_tx_dma_map, dev, idx, va, frag, off,
				   len);
	return __exnic_tx_dma_map(dev, idx, va, frag, off, len);
}
EXPORT_SYMBOL_IF_KUNIT(exnic_tx_dma_map);

static void exnic_tx_unmap_buf(struct exnic_ring *ring,
			       struct exnic_tx_buf *buf)
{
	switch (buf->type) {
	case EXNIC_TXB_SINGLE:
		dma_unmap_single(ring->dev, buf->dma, buf->len, DMA_TO_DEVICE);
		break;
	case EXNIC_TXB_PAGE:
		dma_unmap_page(ring->dev, buf->dma, buf->len, DMA_TO_DEVICE);
		break;
	default:
		break;
	}
	kfree(buf->bounce);
	buf->bounce = NULL;
	buf->type = EXNIC_TXB_NONE;
}

/* ----------------------------------------------------------------------
 * TX steps: where the TX path depends on the skb's layout
 * ----------------------------------------------------------------------
 */

#ifdef CONFIG_EXNIC_BASELINE /* exnic_tx_count_dest() */
/*
 * Destination count: the driver counts multicast and broadcast frames
 * from the Ethernet header at skb->data, where the stack puts it.
 */
static void exnic_tx_count_dest(struct exnic_tx_frame *f)
{
	const struct ethhdr *eh = (const struct ethhdr *)f->skb->data;

	if (is_broadcast_ether_addr(eh->h_dest))
		f->stats |= BIT(EXNIC_TX_BROADCAST);
	else if (is_multicast_ether_addr(eh->h_dest))
		f->stats |= BIT(EXNIC_TX_MULTICAST);
}

#endif
/*
 * Padding: runts go on the wire ETH_ZLEN bytes long, from one byte on:
 * AF_XDP refuses only empty frames.
 */
static int exnic_tx_pad(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	struct sk_buff *skb = f->skb;

#ifdef CONFIG_EXNIC_BASELINE
	/* Pad runts in the skb, for a MAC that does not pad them. */
	if (__skb_put_padto(skb, ETH_ZLEN, false))
		return -ENOMEM;
#endif
	f->frame_len = skb->len;
	f->wire_len = skb->len;
#ifndef CONFIG_EXNIC_BASELINE
	/*
	 * fbnic and most drivers skb_put_padto(skb, ETH_ZLEN), which for a
	 * non-linear skb copies the whole frame into a new head (and frees
	 * the skb on failure). The device only needs the missing bytes on
	 * the wire: exnic_tx_map() sends them from a pre-mapped, zeroed
	 * per-ring pad buffer as one more DATA descriptor. Devices without
	 * CAPS_NO_PAD pad by themselves.
	 */
	if ((ring->priv->q.caps & EXNIC_CAPS_NO_PAD) && skb->len < ETH_ZLEN) {
		f->wire_len = ETH_ZLEN;
		f->stats |= BIT(EXNIC_TX_PAD_BUF);
	}
	/*
	 * A device that reads the first MIN_INLINE bytes from the INLINE
	 * descriptor reads them from a shorter frame too (one of 1 to 13
	 * bytes has not even a whole Ethernet header): the descriptor then
	 * carries zeros after the frame's last byte, up to ETH_ZLEN at most,
	 * padding that the MAC would add anyway (exnic_tx_inline_copy()).
	 */
	f->wire_len = max(f->wire_len, min_t(u32, ring->priv->q.min_inline,
					     ETH_ZLEN));
#endif
	return 0;
}

/*
 * Headroom. The in-band TX header (bcmgenet's status block) goes in front
 * of the frame, in the headroom that needed_headroom makes the stack
 * reserve.
 */
static int exnic_tx_push_hdr(struct exnic_ring *ring,
			     struct exnic_tx_frame *f)
{
	u32 len = ring->priv->q.tx_hdr_len;
	struct sk_buff *skb = f->skb;
	void *th;

	if (!len)
		return 0;

#ifdef CONFIG_EXNIC_BASELINE
	/* Grow the headroom if the stack left too little. */
	if (skb_headroom(skb) < len &&
	    pskb_expand_head(skb, len - skb_headroom(skb), 0, GFP_ATOMIC))
		return -ENOMEM;
#else
	/*
	 * xsk_build_skb_zerocopy() reserves needed_headroom too, as
	 * max(NET_SKB_PAD, L1_CACHE_ALIGN(needed_headroom)). skb_cow_head()
	 * covers a short headroom and a cloned head (writing a shared head
	 * would corrupt the clone's view). With skb_headlen() == 0 the head
	 * then holds exactly the header and the frame starts in frag 0.
	 * Nothing is written into frags.
	 */
	if (skb_headroom(skb) < len || skb_header_cloned(skb)) {
		exnic_stat_inc(ring, EXNIC_TX_HEADROOM_REALLOC);
		if (skb_cow_head(skb, len))
			return -ENOMEM;
	}
#endif
	th = skb_push(skb, len);
	memset(th, 0, len);
	f->hdr_len = len;
	return 0;
}

/* The in-band header describes the frame as the SOP descriptor does. */
static void exnic_tx_fill_hdr(const struct exnic_tx_frame *f)
{
	struct exnic_tx_hdr *th = (struct exnic_tx_hdr *)f->skb->data;

	th->magic = cpu_to_le16(EXNIC_TX_HDR_MAGIC);
	th->frame_len = cpu_to_le16(f->wire_len);
	if (!(f->sop_ctrl & EXNIC_TXD_CSUM))
		return;
	th->flags = cpu_to_le16(EXNIC_TX_HDR_CSUM);
	th->csum_start = cpu_to_le16(FIELD_GET(EXNIC_TXD_CSUM_START,
					       f->sop_ctrl));
	th->csum_off = cpu_to_le16(FIELD_GET(EXNIC_TXD_CSUM_OFF, f->sop_ctrl));
}

static void exnic_tx_fill_trailer(const struct exnic_ring *ring,
				  const struct exnic_tx_frame *f, void *p)
{
	u32 len = ring->priv->q.trailer_len;
	struct exnic_tx_trailer *tr = p;

	memset(p, 0, len);
	tr->magic = cpu_to_le32(EXNIC_TX_TRAILER_MAGIC);
	tr->frame_len = cpu_to_le32(f->wire_len);
}

/*
 * Tailroom. The TX trailer goes after the frame; needed_tailroom makes the
 * stack reserve room for it in the linear skbs it allocates.
 */
static int exnic_tx_trailer(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	u32 len = ring->priv->q.trailer_len;
	struct sk_buff *skb = f->skb;

	if (!len)
		return 0;

#ifdef CONFIG_EXNIC_BASELINE
	/* Append the trailer in the tailroom of a linear skb. */
	if (__skb_linearize(skb))
		return -ENOMEM;
	if (skb_tailroom(skb) < len &&
	    pskb_expand_head(skb, 0, len - skb_tailroom(skb), GFP_ATOMIC))
		return -ENOMEM;
	exnic_tx_fill_trailer(ring, f, skb_put(skb, len));
	f->stats |= BIT(EXNIC_TX_TRAILER_SKB);
#else
	/*
	 * The AF_XDP zero-copy path reserves no tailroom, and a frag page is
	 * the user's UMEM: the trailer may go into the skb only when the skb
	 * is linear, its head not shared and the room is there (and no pad
	 * bytes have to come first). Otherwise exnic_tx_map() sends it from
	 * a per-slot, pre-mapped coherent trailer buffer as one more DATA
	 * descriptor.
	 */
	if (f->wire_len == f->frame_len && !skb_is_nonlinear(skb) &&
	    !skb_cloned(skb) && skb_tailroom(skb) >= len) {
		exnic_tx_fill_trailer(ring, f, skb_put(skb, len));
		f->stats |= BIT(EXNIC_TX_TRAILER_SKB);
	} else {
		f->trailer_buf = true;
		f->stats |= BIT(EXNIC_TX_TRAILER_BUF);
	}
#endif
	return 0;
}

/*
 * Inline headers. The first inline_len frame bytes are copied into the
 * descriptor (mlx5's inline WQE segment); what inline_len covers past the
 * frame's end is zeros. @buf holds EXNIC_TX_INLINE_BUF bytes.
 */
static void exnic_tx_inline_copy(const struct exnic_tx_frame *f, u8 *buf)
{
	u32 len = min(f->inline_len, f->frame_len);
	const struct sk_buff *skb = f->skb;

#ifdef CONFIG_EXNIC_BASELINE
	/* The headers are in the linear part. */
	memcpy(buf, skb->data + f->hdr_len, len);
#else
	/* skb_copy_bits() gathers them from the head and the frags alike. */
	if (WARN_ON_ONCE(skb_copy_bits(skb, f->hdr_len, buf, len)))
		len = 0;
#endif
	memset(buf + len, 0, EXNIC_TX_INLINE_BUF - len);
}

/*
 * Mapping of the head: whether skb bytes [@off, @off + @len) start in the
 * head.
 *
 * Return: true and *@n bytes to map from the head at @off, or false.
 */
static bool exnic_tx_use_head(const struct sk_buff *skb, u32 off, u32 len,
			      u32 *n)
{
	u32 hlen = skb_headlen(skb);

#ifdef CONFIG_EXNIC_BASELINE
	/* The frame starts in the head: it is the first buffer. */
	if (off > hlen || (off == hlen && off))
		return false;
#else
	/*
	 * With skb_headlen() == 0 the frame starts in frag 0. Mapping skb->data
	 * for skb_headlen() bytes anyway (fbnic, ice, i40e, igc, ixgbe, bnxt,
	 * stmmac) yields a zero-length DATA descriptor, which exnic's
	 * no-zero-len profile rejects, as devices that forbid zero-length
	 * buffers do: map the head only when the range has bytes in it.
	 */
	if (off >= hlen)
		return false;
#endif
	*n = min(hlen - off, len);
	return true;
}

/* ----------------------------------------------------------------------
 * Descriptors
 * ----------------------------------------------------------------------
 */

/* Writes a DATA descriptor into the frame's next slot. */
static void exnic_tx_add_desc(struct exnic_ring *ring,
			      struct exnic_tx_frame *f, dma_addr_t dma, u32 len)
{
	struct exnic_tx_desc *txd = &ring->txd[f->tail];
	u64 ctrl;

	ctrl = FIELD_PREP(EXNIC_TXD_LEN, len) |
	       FIELD_PREP(EXNIC_TXD_TYPE, EXNIC_TXD_TYPE_DATA);
	if (f->tail == f->first)
		ctrl |= EXNIC_TXD_SOP | f->sop_ctrl;
	txd->addr = cpu_to_le64(dma);
	txd->ctrl = cpu_to_le64(ctrl);
	f->tail = (f->tail + 1) & ring->size_mask;
	f->nbufs++;
}

/*
 * Maps @len bytes as the frame's next DATA buffer: at @va in the head, or
 * at @off into @frag; they are skb bytes from @pos on. DMA alignment (fec):
 * a buffer that does not start DMA_ALIGN-aligned is copied into an aligned
 * bounce buffer first, as fec_enet_txq_submit_frag_skb() does; the skb is
 * not touched. The check is on the CPU address: dma-direct keeps its low
 * bits, and swiotlb's slots are aligned.
 */
static int exnic_tx_map_buf(struct exnic_ring *ring, struct exnic_tx_frame *f,
			    u32 pos, void *va, const skb_frag_t *frag, u32 off,
			    u32 len)
{
	struct exnic_tx_buf *buf = &ring->tx_buf[f->tail];
	u32 align = ring->priv->q.dma_align;
	void *bounce = NULL;
	dma_addr_t dma;
	u32 start;

	start = frag ? skb_frag_off(frag) + off : offset_in_page(va);
	if (!IS_ALIGNED(start, align)) {
		bounce = kmalloc(len + align - 1, GFP_ATOMIC);
		if (!bounce)
			return -ENOMEM;
		va = PTR_ALIGN(bounce, align);
		skb_copy_bits(f->skb, pos, va, len);
		frag = NULL;
		f->stats |= BIT(EXNIC_TX_BOUNCE);
	}

	dma = exnic_tx_dma_map(ring->dev, f->nbufs, va, frag, off, len);
	if (dma_mapping_error(ring->dev, dma)) {
		kfree(bounce);
		exnic_stat_inc(ring, EXNIC_TX_DMA_ERR);
		return -EIO;
	}
	buf->type = frag ? EXNIC_TXB_PAGE : EXNIC_TXB_SINGLE;
	buf->dma = dma;
	buf->len = len;
	buf->bounce = bounce;
	exnic_tx_add_desc(ring, f, dma, len);
	return 0;
}

/*
 * Maps skb bytes [@off, @off + @len): the head's part if they start there
 * (exnic_tx_use_head()), then each frag's part, one DATA buffer each.
 */
static int exnic_tx_map_range(struct exnic_ring *ring,
			      struct exnic_tx_frame *f, u32 off, u32 len)
{
	struct skb_shared_info *shinfo = skb_shinfo(f->skb);
	u32 pos = off, n;
	int i, err;

	if (!len)
		return 0;
	if (exnic_tx_use_head(f->skb, off, len, &n)) {
		err = exnic_tx_map_buf(ring, f, pos, f->skb->data + off, NULL,
				       0, n);
		if (err)
			return err;
		pos += n;
		len -= n;
		off = 0;
	} else {
		off -= skb_headlen(f->skb);
	}

	for (i = 0; len && i < shinfo->nr_frags; i++) {
		const skb_frag_t *frag = &shinfo->frags[i];
		u32 fsize = skb_frag_size(frag);

		if (off >= fsize) {
			off -= fsize;
			continue;
		}
		n = min(fsize - off, len);
		err = exnic_tx_map_buf(ring, f, pos, NULL, frag, off, n);
		if (err)
			return err;
		if (!i && (f->stats & BIT(EXNIC_TX_HEADLEN0)))
			f->stats |= BIT(EXNIC_TX_FRAG0_MAP);
		pos += n;
		len -= n;
		off = 0;
	}
	return WARN_ON_ONCE(len) ? -EINVAL : 0;
}

/* Zero bytes the pad buffer adds after the frame (exnic_tx_pad()). */
static u32 exnic_tx_pad_len(const struct exnic_tx_frame *f)
{
	u32 have = max(f->inline_len, f->frame_len);

	return f->wire_len > have ? f->wire_len - have : 0;
}

/*
 * The INLINE descriptor (exnic_tx_inline_copy()): the first inline_len
 * frame bytes, 8 in the descriptor and 16 in each continuation slot.
 */
static void exnic_tx_write_inline(struct exnic_ring *ring,
				  struct exnic_tx_frame *f)
{
	u8 buf[EXNIC_TX_INLINE_BUF];
	struct exnic_tx_desc *txd;
	u32 off;

	exnic_tx_inline_copy(f, buf);
	txd = &ring->txd[f->tail];
	memcpy(&txd->addr, buf, sizeof(txd->addr));
	txd->ctrl = cpu_to_le64(FIELD_PREP(EXNIC_TXD_LEN, f->inline_len) |
				FIELD_PREP(EXNIC_TXD_TYPE,
					   EXNIC_TXD_TYPE_INLINE) |
				EXNIC_TXD_SOP | f->sop_ctrl);
	f->tail = (f->tail + 1) & ring->size_mask;

	/* Continuation slots are raw frame bytes and may wrap. */
	for (off = sizeof(txd->addr); off < f->inline_len;
	     off += sizeof(*txd)) {
		memcpy(&ring->txd[f->tail], buf + off, sizeof(*txd));
		f->tail = (f->tail + 1) & ring->size_mask;
	}
}

/*
 * Writes the frame's descriptors from ring->tail, in the order the device
 * reads them: [INLINE] [in-band header] [frame, past the inline bytes]
 * [pad] [trailer]. Without inline bytes the in-band header and the frame
 * are one range of the skb. On a mapping error, unmaps every buffer from
 * the last slot back to the first, as fbnic_tx_map() does.
 *
 * Return: 0 or a negative error, with nothing left mapped.
 */
static int exnic_tx_map(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	struct sk_buff *skb = f->skb;
	u32 start = 0, pad;
	int err;

	if (f->inline_len) {
		exnic_tx_write_inline(ring, f);
		err = exnic_tx_map_range(ring, f, 0, f->hdr_len);
		if (err)
			goto unwind;
		start = f->hdr_len + min(f->inline_len, f->frame_len);
	}
	err = exnic_tx_map_range(ring, f, start, skb->len - start);
	if (err)
		goto unwind;

	pad = exnic_tx_pad_len(f);
	if (pad)
		exnic_tx_add_desc(ring, f, ring->pad_dma, pad);
	if (f->trailer_buf) {
		u32 off = f->tail * ring->trailer_stride;

		exnic_tx_fill_trailer(ring, f, ring->trailer + off);
		exnic_tx_add_desc(ring, f, ring->trailer_dma + off,
				  ring->priv->q.trailer_len);
	}
	return 0;

unwind:
	while (f->tail != f->first) {
		f->tail = (f->tail - 1) & ring->size_mask;
		exnic_tx_unmap_buf(ring, &ring->tx_buf[f->tail]);
	}
	return err;
}

/*
 * Software checksum for what the device can't offload. skb_checksum_help()
 * writes the result into the head and refuses, with a WARN, a checksum
 * field outside it: with skb_headlen() == 0 (or only the pushed in-band
 * header in the head) the field is in frag 0. Pull the bytes up to the end
 * of the field into the head first; that copies them and never writes into
 * the frag pages, which are the AF_XDP user's UMEM.
 */
static int exnic_tx_csum_sw(struct exnic_ring *ring, struct sk_buff *skb)
{
	u32 end;

	exnic_stat_inc(ring, EXNIC_TX_CSUM_HELP);
	end = skb_checksum_start_offset(skb) + skb->csum_offset +
	      sizeof(__sum16);
	if (end > skb_headlen(skb) && !pskb_may_pull(skb, end))
		return -ENOMEM;
	return skb_checksum_help(skb);
}

/*
 * CHECKSUM_PARTIAL: the device inserts the checksum at csum_start +
 * csum_offset from the frame start, wherever those bytes are (frag 0 for
 * a headlen-0 skb). csum_start is relative to skb->data, which is the
 * in-band header once it has been pushed. Offsets the descriptor can't
 * hold, and devices without CAPS_HW_CSUM, get exnic_tx_csum_sw().
 */
static int exnic_tx_csum(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	struct sk_buff *skb = f->skb;
	int start;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;

	start = skb_checksum_start_offset(skb) - f->hdr_len;
	if (!(ring->priv->q.caps & EXNIC_CAPS_HW_CSUM) || start < 0 ||
	    !FIELD_FIT(EXNIC_TXD_CSUM_START, start) ||
	    !FIELD_FIT(EXNIC_TXD_CSUM_OFF, skb->csum_offset) ||
	    start + skb->csum_offset + sizeof(__sum16) > f->frame_len)
		return exnic_tx_csum_sw(ring, skb);

	f->sop_ctrl = EXNIC_TXD_CSUM |
		      FIELD_PREP(EXNIC_TXD_CSUM_START, start) |
		      FIELD_PREP(EXNIC_TXD_CSUM_OFF, skb->csum_offset);
	f->stats |= BIT(EXNIC_TX_CSUM_PARTIAL);
	return 0;
}

/*
 * max-bufs (ice, i40e): the device takes at most max_bufs DATA buffers a
 * frame. Count them as ice_xmit_desc_count() does, before mapping: a frag
 * each, the head, one more for the in-band header when inline bytes split
 * the head, the pad and trailer buffers. Over the limit, copy the frags
 * into the head; that never writes into them.
 */
static int exnic_tx_max_bufs(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	u32 max = ring->priv->q.max_bufs;
	struct sk_buff *skb = f->skb;
	u32 extra;

	if (!max)
		return 0;
	/* the buffers that do not come from the skb's head or frags */
	extra = (f->inline_len && f->hdr_len) + !!exnic_tx_pad_len(f) +
		f->trailer_buf;
	if (extra + !!skb_headlen(skb) + skb_shinfo(skb)->nr_frags <= max)
		return 0;

	exnic_stat_inc(ring, EXNIC_TX_LINEARIZE);
	if (__skb_linearize(skb))
		return -ENOMEM;
	return extra + 1 <= max ? 0 : -E2BIG;
}

/* Every decision about the frame that comes before its descriptors. */
static int exnic_tx_prepare(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	int err;

	if (!skb_headlen(f->skb))
		f->stats |= BIT(EXNIC_TX_HEADLEN0);
#ifdef CONFIG_EXNIC_BASELINE /* exnic_tx_count_dest() */
	exnic_tx_count_dest(f);
#endif

	err = exnic_tx_pad(ring, f);
	if (err)
		return err;
	err = exnic_tx_push_hdr(ring, f);
	if (err)
		return err;
	err = exnic_tx_csum(ring, f);
	if (err)
		return err;
	err = exnic_tx_trailer(ring, f);
	if (err)
		return err;
	f->inline_len = min(ring->priv->q.min_inline, f->wire_len);
	if (f->inline_len)
		f->stats |= BIT(EXNIC_TX_INLINE);
	err = exnic_tx_max_bufs(ring, f);
	if (err)
		return err;
	if (f->hdr_len)
		exnic_tx_fill_hdr(f);
	return 0;
}

static void exnic_tx_doorbell(struct exnic_ring *ring)
{
	/* Descriptors must be visible to the device before the doorbell. */
	dma_wmb();
	exnic_hw_wr32(ring->priv->hw, EXNIC_REG_TXQ_TAIL(ring->q_idx),
		      ring->tail);
}

static void exnic_tx_commit(struct exnic_ring *ring, struct exnic_tx_frame *f)
{
	struct exnic_tx_buf *first = &ring->tx_buf[f->first];
	struct netdev_queue *txq = exnic_txq(ring);
	unsigned long stats = f->stats;
	u32 eop, bytes = f->wire_len;
	unsigned int stat;

	/* EOP: the last DATA descriptor, or the INLINE one if none */
	eop = f->nbufs ? (f->tail - 1) & ring->size_mask : f->first;
	ring->txd[eop].ctrl |= cpu_to_le64(EXNIC_TXD_EOP);
	first->skb = f->skb;
	first->eop = eop;
	first->next = f->tail;
	first->bytecount = bytes;
	skb_tx_timestamp(f->skb);

	u64_stats_update_begin(&ring->syncp);
	for_each_set_bit(stat, &stats, EXNIC_TX_NSTATS)
		ring->stats[stat]++;
	u64_stats_update_end(&ring->syncp);

	/* Pairs with smp_load_acquire() in exnic_clean_tx(). */
	smp_store_release(&ring->tail, f->tail);

	if (!netif_txq_maybe_stop(txq, exnic_tx_desc_unused(ring),
				  ring->desc_max, exnic_tx_wake_thresh(ring)))
		exnic_stat_inc(ring, EXNIC_TX_STOP);

	if (__netdev_tx_sent_queue(txq, bytes, netdev_xmit_more()))
		exnic_tx_doorbell(ring);
}

/**
 * exnic_start_xmit - ndo_start_xmit: queue one frame of any skb shape
 * @skb: the frame; may be non-linear with skb_headlen() == 0
 * @ndev: the net device
 *
 * Never maps a zero-length buffer, never reads past skb_headlen() through
 * skb->data, never writes into frag pages. Drops (and counts) frames it
 * can't map.
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full.
 */
netdev_tx_t exnic_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct exnic_priv *priv = netdev_priv(ndev);
	struct exnic_ring *ring = &priv->txr[skb_get_queue_mapping(skb)];
	struct exnic_tx_frame f = {
		.skb = skb,
		.first = ring->tail,
		.tail = ring->tail,
	};
	int err;

	if (!netif_txq_maybe_stop(exnic_txq(ring), exnic_tx_desc_unused(ring),
				  ring->desc_max, ring->desc_max)) {
		exnic_stat_inc(ring, EXNIC_TX_BUSY);
		return NETDEV_TX_BUSY;
	}

	err = exnic_tx_prepare(ring, &f);
	if (!err)
		err = exnic_tx_map(ring, &f);
	if (unlikely(err)) {
		/* DMA mapping errors are counted as tx_dma_err only. */
		if (err != -EIO)
			exnic_stat_inc(ring, EXNIC_TX_DROPS);
		dev_kfree_skb_any(skb);
		/* Earlier frames may have deferred the doorbell to us. */
		if (!netdev_xmit_more())
			exnic_tx_doorbell(ring);
		return NETDEV_TX_OK;
	}

	exnic_tx_commit(ring, &f);
	return NETDEV_TX_OK;
}

/* ----------------------------------------------------------------------
 * TX completion
 * ----------------------------------------------------------------------
 */

static bool exnic_tx_pending(struct exnic_ring *ring)
{
	/* Pairs with smp_store_release() in exnic_tx_commit(). */
	u32 tail = smp_load_acquire(&ring->tail);
	u32 eop;

	if (ring->head == tail)
		return false;
	eop = ring->tx_buf[ring->head].eop;
	return le64_to_cpu(READ_ONCE(ring->txd[eop].ctrl)) & EXNIC_TXD_DONE;
}

static void exnic_clean_tx(struct exnic_vector *v, int budget)
{
	struct exnic_ring *ring = v->txr;
	unsigned int pkts = 0, bytes = 0, errs = 0;
	u32 head = ring->head, tail;
	int res;

	/* Pairs with smp_store_release() in exnic_tx_commit(). */
	tail = smp_load_acquire(&ring->tail);
	while (head != tail) {
		struct exnic_tx_buf *first = &ring->tx_buf[head];
		u32 eop = first->eop, end;
		struct sk_buff *skb;
		u64 ctrl;

		ctrl = le64_to_cpu(READ_ONCE(ring->txd[eop].ctrl));
		if (!(ctrl & EXNIC_TXD_DONE))
			break;
		dma_rmb();

		if (FIELD_GET(EXNIC_TXD_STATUS, ctrl) != EXNIC_TXD_STATUS_OK)
			errs++;
		skb = first->skb;
		first->skb = NULL;
		pkts++;
		bytes += first->bytecount;

		end = first->next;
		do {
			exnic_tx_unmap_buf(ring, &ring->tx_buf[head]);
			head = (head + 1) & ring->size_mask;
		} while (head != end);
		napi_consume_skb(skb, budget);
	}

	if (!pkts)
		return;

	WRITE_ONCE(ring->head, head);

	u64_stats_update_begin(&ring->csyncp);
	ring->cstats[EXNIC_TX_PACKETS] += pkts;
	ring->cstats[EXNIC_TX_BYTES] += bytes;
	ring->cstats[EXNIC_TX_HW_ERR] += errs;
	u64_stats_update_end(&ring->csyncp);

	res = __netif_txq_completed_wake(exnic_txq(ring), pkts, bytes,
					 exnic_tx_desc_unused(ring),
					 exnic_tx_wake_thresh(ring),
					 test_bit(EXNIC_STATE_DOWN,
						  &ring->priv->state));
	if (!res) {
		u64_stats_update_begin(&ring->csyncp);
		ring->cstats[EXNIC_TX_RESTART]++;
		u64_stats_update_end(&ring->csyncp);
	}
}

/* ----------------------------------------------------------------------
 * RX
 * ----------------------------------------------------------------------
 */

/**
 * exnic_rx_refill - post a page to every free RX descriptor
 * @ring: RX ring
 *
 * Called from NAPI, and from exnic_up() before NAPI runs.
 */
void exnic_rx_refill(struct exnic_ring *ring)
{
	u32 tail = ring->tail;
	bool posted = false;

	while (((ring->head - tail - 1) & ring->size_mask) != 0) {
		struct exnic_rx_desc *rxd = &ring->rxd[tail];
		struct page *page;

		page = page_pool_dev_alloc_pages(ring->pp);
		if (!page) {
			exnic_stat_inc(ring, EXNIC_RX_ALLOC_ERR);
			break;
		}
		ring->rx_page[tail] = page;
		rxd->addr = cpu_to_le64(page_pool_get_dma_addr(page));
		rxd->status = 0;
		tail = (tail + 1) & ring->size_mask;
		posted = true;
	}

	if (!posted)
		return;
	ring->tail = tail;
	dma_wmb();
	exnic_hw_wr32(ring->priv->hw, EXNIC_REG_RXQ_TAIL(ring->q_idx), tail);
}

/* Drops the frame being assembled, and its buffers up to EOP. */
static void exnic_rx_discard(struct exnic_ring *ring)
{
	if (ring->rx_skb)
		dev_kfree_skb_any(ring->rx_skb);
	ring->rx_skb = NULL;
	ring->rx_discard = true;
}

/*
 * Adds one received buffer to the frame being assembled. A buffer the
 * device wrote back with no bytes or more than it holds spoils its whole
 * frame: keeping the rest would deliver a frame that starts mid-packet.
 */
static void exnic_rx_add_buf(struct exnic_ring *ring, struct napi_struct *napi,
			     struct page *page, u32 len)
{
	struct sk_buff *skb = ring->rx_skb;
	u32 copy;

	if (ring->rx_discard)
		goto recycle;
	if (unlikely(!len || len > EXNIC_RX_BUF_LEN)) {
		exnic_rx_discard(ring);
		goto recycle;
	}
	dma_sync_single_for_cpu(ring->dev, page_pool_get_dma_addr(page), len,
				DMA_FROM_DEVICE);

	if (!skb) {
		/* Headers go into the head; the rest stays in the page. */
		skb = napi_alloc_skb(napi, EXNIC_RX_HDR_SIZE);
		if (!skb) {
			exnic_stat_inc(ring, EXNIC_RX_ALLOC_ERR);
			exnic_rx_discard(ring);
			goto recycle;
		}
		skb_mark_for_recycle(skb);
		ring->rx_skb = skb;
		copy = min_t(u32, len, EXNIC_RX_HDR_SIZE);
		skb_put_data(skb, page_address(page), copy);
		if (copy == len)
			goto recycle;
		skb_add_rx_frag(skb, 0, page, copy, len - copy,
				EXNIC_RX_BUF_LEN);
		return;
	}

	if (skb_shinfo(skb)->nr_frags >= MAX_SKB_FRAGS) {
		exnic_rx_discard(ring);
		goto recycle;
	}
	skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page, 0, len,
			EXNIC_RX_BUF_LEN);
	return;

recycle:
	page_pool_recycle_direct(ring->pp, page);
}

static void exnic_rx_deliver(struct exnic_ring *ring, struct napi_struct *napi)
{
	struct sk_buff *skb = ring->rx_skb;
	u32 len;

	ring->rx_skb = NULL;
	if (ring->rx_discard || !skb || skb->len < ETH_HLEN) {
		ring->rx_discard = false;
		if (skb)
			napi_consume_skb(skb, 1);
		exnic_stat_inc(ring, EXNIC_RX_DROPS);
		return;
	}

	len = skb->len;
	skb->protocol = eth_type_trans(skb, ring->priv->ndev);
	skb_record_rx_queue(skb, ring->q_idx);
	u64_stats_update_begin(&ring->syncp);
	ring->stats[EXNIC_RX_PACKETS]++;
	ring->stats[EXNIC_RX_BYTES] += len;
	u64_stats_update_end(&ring->syncp);
	napi_gro_receive(napi, skb);
}

static bool exnic_rx_pending(const struct exnic_ring *ring)
{
	if (ring->head == ring->tail)
		return false;
	return le64_to_cpu(READ_ONCE(ring->rxd[ring->head].status)) &
	       EXNIC_RXD_DONE;
}

static int exnic_clean_rx(struct exnic_vector *v, int budget)
{
	struct exnic_ring *ring = v->rxr;
	u32 head = ring->head;
	int done = 0;

	while (done < budget && head != ring->tail) {
		struct exnic_rx_desc *rxd = &ring->rxd[head];
		struct page *page;
		u64 status;

		status = le64_to_cpu(READ_ONCE(rxd->status));
		if (!(status & EXNIC_RXD_DONE))
			break;
		dma_rmb();

		page = ring->rx_page[head];
		ring->rx_page[head] = NULL;
		head = (head + 1) & ring->size_mask;
		exnic_rx_add_buf(ring, &v->napi, page,
				 FIELD_GET(EXNIC_RXD_LEN, status));
		if (status & EXNIC_RXD_EOP) {
			exnic_rx_deliver(ring, &v->napi);
			done++;
		}
	}

	ring->head = head;
	exnic_rx_refill(ring);
	return done;
}

/* ----------------------------------------------------------------------
 * NAPI and interrupt
 * ----------------------------------------------------------------------
 */

/**
 * exnic_irq - interrupt handler of one queue pair's vector
 * @data: the struct exnic_vector
 *
 * Masks the vector and schedules NAPI; exnic_poll() unmasks it.
 */
void exnic_irq(void *data)
{
	struct exnic_vector *v = data;

	exnic_hw_wr32(v->priv->hw, EXNIC_REG_INT_MASK(v->idx), 1);
	napi_schedule(&v->napi);
}

/**
 * exnic_poll - NAPI poll: TX completion, then RX
 * @napi: the vector's NAPI context
 * @budget: RX frames allowed; 0 from netpoll (TX completion only)
 *
 * Return: RX frames processed, @budget when more work is left.
 */
int exnic_poll(struct napi_struct *napi, int budget)
{
	struct exnic_vector *v = container_of(napi, struct exnic_vector, napi);
	struct exnic_hw *hw = v->priv->hw;
	int done = 0;

	exnic_clean_tx(v, budget);
	if (budget)
		done = exnic_clean_rx(v, budget);
	if (done >= budget)
		return budget;

	if (napi_complete_done(napi, done)) {
		exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(v->idx), 0);
		/* Write-backs while masked raised no interrupt: look again. */
		if ((exnic_tx_pending(v->txr) || exnic_rx_pending(v->rxr)) &&
		    napi_schedule_prep(napi)) {
			exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(v->idx), 1);
			__napi_schedule(napi);
		}
	}
	return done;
}

/* ----------------------------------------------------------------------
 * Ring setup
 * ----------------------------------------------------------------------
 */

static void exnic_ring_init(struct exnic_priv *priv, struct exnic_ring *ring,
			    u32 size)
{
	ring->priv = priv;
	ring->dev = priv->dev;
	ring->size = size;
	ring->size_mask = size - 1;
	ring->head = 0;
	ring->tail = 0;
}

/**
 * exnic_alloc_tx_ring - allocate a TX ring
 * @priv: the device
 * @ring: ring to set up, its q_idx set
 *
 * Sizes what one frame may need from the quirks in @priv->q.
 *
 * Return: 0 or -ENOMEM.
 */
int exnic_alloc_tx_ring(struct exnic_priv *priv, struct exnic_ring *ring)
{
	u32 size = priv->tx_ring_size;

	exnic_ring_init(priv, ring, size);
	ring->desc_max = 1 + exnic_txd_inline_slots(priv->q.min_inline) +
			 EXNIC_TX_DESC_DATA_MAX;

	ring->txd = dma_alloc_coherent(ring->dev, size * sizeof(*ring->txd),
				       &ring->desc_dma, GFP_KERNEL);
	if (!ring->txd)
		goto err;
	ring->tx_buf = kvcalloc(size, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		goto err;
#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_pad() */
	/* The pad buffer: coherent memory comes zeroed and page aligned. */
	ring->pad = dma_alloc_coherent(ring->dev, ETH_ZLEN, &ring->pad_dma,
				       GFP_KERNEL);
	if (!ring->pad)
		goto err;
#endif
#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_trailer() */
	/* One pre-mapped trailer buffer a slot, each aligned for the device. */
	if (priv->q.trailer_len) {
		u32 align = max3(priv->q.dma_align, 1U,
				 EXNIC_TX_TRAILER_STRIDE);

		ring->trailer_stride = ALIGN(priv->q.trailer_len, align);
		ring->trailer = dma_alloc_coherent(ring->dev,
						   size * ring->trailer_stride,
						   &ring->trailer_dma,
						   GFP_KERNEL);
		if (!ring->trailer)
			goto err;
	}
#endif
	return 0;

err:
	exnic_free_tx_ring(ring);
	return -ENOMEM;
}

/**
 * exnic_free_tx_ring - reclaim in-flight frames and free a TX ring
 * @ring: ring, its queue disabled and its NAPI stopped
 *
 * Unmaps every buffer and frees every skb still on the ring exactly once
 * (counted as drops) and resets BQL.
 */
void exnic_free_tx_ring(struct exnic_ring *ring)
{
	u32 i;

	if (ring->tx_buf) {
		for (i = ring->head; i != ring->tail;
		     i = (i + 1) & ring->size_mask) {
			struct exnic_tx_buf *buf = &ring->tx_buf[i];

			exnic_tx_unmap_buf(ring, buf);
			if (buf->skb) {
				dev_kfree_skb_any(buf->skb);
				buf->skb = NULL;
				exnic_stat_inc(ring, EXNIC_TX_DROPS);
			}
		}
		ring->head = ring->tail;
		netdev_tx_reset_queue(exnic_txq(ring));
		kvfree(ring->tx_buf);
		ring->tx_buf = NULL;
	}
#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_trailer() */
	if (ring->trailer)
		dma_free_coherent(ring->dev, ring->size * ring->trailer_stride,
				  ring->trailer, ring->trailer_dma);
	ring->trailer = NULL;
#endif
#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_pad() */
	if (ring->pad)
		dma_free_coherent(ring->dev, ETH_ZLEN, ring->pad, ring->pad_dma);
	ring->pad = NULL;
#endif
	if (ring->txd)
		dma_free_coherent(ring->dev, ring->size * sizeof(*ring->txd),
				  ring->txd, ring->desc_dma);
	ring->txd = NULL;
}

/**
 * exnic_alloc_rx_ring - allocate an RX ring and its page pool
 * @priv: the device
 * @ring: ring to set up, its q_idx set
 * @napi: NAPI context the page pool recycles in
 *
 * Pages are posted by exnic_rx_refill() once the queue is enabled.
 *
 * Return: 0 or a negative error.
 */
int exnic_alloc_rx_ring(struct exnic_priv *priv, struct exnic_ring *ring,
			struct napi_struct *napi)
{
	struct page_pool_params pp = {
		.flags = PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.order = 0,
		.pool_size = priv->rx_ring_size,
		.nid = NUMA_NO_NODE,
		.dev = priv->dev,
		.dma_dir = DMA_FROM_DEVICE,
		.offset = 0,
		.max_len = EXNIC_RX_BUF_LEN,
		.napi = napi,
		.netdev = priv->ndev,
		.queue_idx = ring->q_idx,
	};
	u32 size = priv->rx_ring_size;
	int err = -ENOMEM;

	exnic_ring_init(priv, ring, size);
	ring->rx_skb = NULL;
	ring->rx_discard = false;

	ring->rxd = dma_alloc_coherent(ring->dev, size * sizeof(*ring->rxd),
				       &ring->desc_dma, GFP_KERNEL);
	if (!ring->rxd)
		goto err;
	ring->rx_page = kvcalloc(size, sizeof(*ring->rx_page), GFP_KERNEL);
	if (!ring->rx_page)
		goto err;
	ring->pp = page_pool_create(&pp);
	if (IS_ERR(ring->pp)) {
		err = PTR_ERR(ring->pp);
		ring->pp = NULL;
		goto err;
	}
	return 0;

err:
	exnic_free_rx_ring(ring);
	return err;
}

/**
 * exnic_free_rx_ring - return posted pages and free an RX ring
 * @ring: ring, its queue disabled and its NAPI stopped
 */
void exnic_free_rx_ring(struct exnic_ring *ring)
{
	u32 i;

	if (ring->rx_skb) {
		dev_kfree_skb_any(ring->rx_skb);
		ring->rx_skb = NULL;
	}
	if (ring->rx_page) {
		for (i = 0; i < ring->size; i++) {
			if (ring->rx_page[i])
				page_pool_put_full_page(ring->pp,
							ring->rx_page[i],
							false);
		}
		kvfree(ring->rx_page);
		ring->rx_page = NULL;
	}
	if (ring->pp)
		page_pool_destroy(ring->pp);
	ring->pp = NULL;
	if (ring->rxd)
		dma_free_coherent(ring->dev, ring->size * sizeof(*ring->rxd),
				  ring->rxd, ring->desc_dma);
	ring->rxd = NULL;
}

/* ----------------------------------------------------------------------
 * Counters
 * ----------------------------------------------------------------------
 */

/**
 * exnic_ring_stats - read a ring's counters
 * @ring: TX or RX ring
 * @stats: out, @n counters (enum exnic_tx_stat or exnic_rx_stat)
 * @n: EXNIC_TX_NSTATS or EXNIC_RX_NSTATS
 *
 * Producer and completion counters are disjoint sets, so the two arrays
 * add up.
 */
void exnic_ring_stats(const struct exnic_ring *ring, u64 *stats,
		      unsigned int n)
{
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		for (i = 0; i < n; i++)
			stats[i] = ring->stats[i];
	} while (u64_stats_fetch_retry(&ring->syncp, start));

	do {
		start = u64_stats_fetch_begin(&ring->csyncp);
		for (i = 0; i < n; i++)
			stats[i] += ring->cstats[i];
	} while (u64_stats_fetch_retry(&ring->csyncp, start));
}

/**
 * exnic_get_queue_stats - per-queue counters, for tests
 * @ndev: an exnic net device
 * @q: queue pair index
 * @tx: out, EXNIC_TX_NSTATS counters (enum exnic_tx_stat), or NULL
 * @rx: out, EXNIC_RX_NSTATS counters (enum exnic_rx_stat), or NULL
 *
 * Return: 0, or -EINVAL for a queue the device does not have.
 */
int exnic_get_queue_stats(struct net_device *ndev, unsigned int q,
			  u64 *tx, u64 *rx)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	if (q >= priv->max_queues)
		return -EINVAL;
	if (tx)
		exnic_ring_stats(&priv->txr[q], tx, EXNIC_TX_NSTATS);
	if (rx)
		exnic_ring_stats(&priv->rxr[q], rx, EXNIC_RX_NSTATS);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(exnic_get_queue_stats);
