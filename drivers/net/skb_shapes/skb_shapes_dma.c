// SPDX-License-Identifier: GPL-2.0-only
/*
 * skb_shapes: what a driver without a simulated device needs to be tested
 * with KUnit: a PCI device it can map buffers for, and a check of the
 * buffers it handed that device.
 */

#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/device.h>
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <net/skb_shapes.h>

#include "kunit_compat.h"

static void skb_shape_pci_dev_release(struct device *dev)
{
	kfree(to_pci_dev(dev));
}

static void skb_shape_pci_dev_put(void *data)
{
	struct pci_dev *pdev = data;

	put_device(&pdev->dev);
}

/**
 * skb_shape_pci_dev() - a PCI device a driver under test can DMA for
 * @test: the test; the device is released when it ends
 *
 * The device is initialized (device_initialize(), so dma-direct, swiotlb
 * and DMA-API debug treat it as any device) with 64-bit streaming and
 * coherent DMA masks, but it is on no bus and has no driver, config space
 * or BARs: enough for dma_map_single(), skb_frag_dma_map(),
 * dma_alloc_coherent() and dev_err() on &pdev->dev, and for a driver
 * structure that keeps a struct pci_dev pointer.
 *
 * Return: the device; the test fails and aborts when it cannot be made.
 */
struct pci_dev *skb_shape_pci_dev(struct kunit *test)
{
	struct pci_dev *pdev;
	int err;

	pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	device_initialize(&pdev->dev);
	pdev->dev.release = skb_shape_pci_dev_release;
	/* from here on put_device() frees it */
	err = kunit_add_action_or_reset(test, skb_shape_pci_dev_put, pdev);
	KUNIT_ASSERT_EQ(test, err, 0);

	err = dev_set_name(&pdev->dev, "skb_shapes-%s", test->name);
	KUNIT_ASSERT_EQ(test, err, 0);
	pdev->dma_mask = DMA_BIT_MASK(64);
	pdev->dev.dma_mask = &pdev->dma_mask;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	KUNIT_ASSERT_EQ(test, err, 0);
	return pdev;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_pci_dev);

/*
 * CPU address of @len bytes the device reads at DMA address @addr, or NULL
 * when they are not RAM it can reach. dma_to_phys() + phys_to_virt() is
 * how the bus sees memory with dma-direct and swiotlb (with
 * swiotlb=force, the bounce buffer); an IOMMU or highmem is not supported.
 */
static const u8 *skb_shape_dma_ptr(struct device *dev, dma_addr_t addr,
				   unsigned int len)
{
	unsigned long pfn, last_pfn;
	phys_addr_t phys, end;

	if (!addr || addr + len - 1 < addr ||
	    addr + len - 1 > dma_get_mask(dev))
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

/**
 * skb_shape_check_dma() - check the buffers a driver gave its device
 * @test: the test; it fails on every fault found
 * @s: the shape the driver transmitted
 * @dev: the device the buffers were mapped for
 * @bufs: DMA address and length of each buffer, in descriptor order,
 *	as the driver wrote them into its descriptors
 * @nr: number of buffers
 * @pad_to: padding the driver may add: when the frame is shorter, bytes
 *	past it up to @pad_to are allowed if they are zero (a pad
 *	descriptor); a MAC that pads needs none, so none is required
 *
 * Reads the bytes as the device would (call it while the buffers are
 * still mapped), gathers them and compares them with the frame. A
 * zero-length buffer, an address outside RAM the device reaches, a byte
 * that differs, a non-zero pad byte or more bytes than max(frame, @pad_to)
 * fail the test with the buffer's index.
 *
 * Return: the number of bytes the buffers hold, so that a test can
 * require a minimum (e.g. of a MAC that does not pad), or -EINVAL when a
 * buffer was rejected.
 */
int skb_shape_check_dma(struct kunit *test, const struct skb_shape_skb *s,
			struct device *dev, const struct skb_shape_dma *bufs,
			unsigned int nr, unsigned int pad_to)
{
	unsigned int max = max(s->len, pad_to), total = 0, i, j;
	bool bad = false;
	u8 *gathered;

	KUNIT_EXPECT_GT_MSG(test, nr, 0, "no buffer for a %u-byte frame",
			    s->len);
	gathered = kunit_kzalloc(test, max, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, gathered);

	for (i = 0; i < nr; i++) {
		const u8 *p;

		if (!bufs[i].len) {
			KUNIT_FAIL(test, "buffer %u of %u: length 0 at %pad",
				   i, nr, &bufs[i].addr);
			bad = true;
			continue;
		}
		p = skb_shape_dma_ptr(dev, bufs[i].addr, bufs[i].len);
		if (!p) {
			KUNIT_FAIL(test, "buffer %u of %u: %u bytes at %pad: not RAM",
				   i, nr, bufs[i].len, &bufs[i].addr);
			bad = true;
			continue;
		}
		if (total + bufs[i].len > max) {
			KUNIT_FAIL(test, "buffer %u of %u ends at byte %u, frame %u, pad_to %u",
				   i, nr, total + bufs[i].len, s->len, pad_to);
			return -EINVAL;
		}
		memcpy(gathered + total, p, bufs[i].len);
		total += bufs[i].len;
	}
	if (bad)
		return -EINVAL;

	KUNIT_EXPECT_GE_MSG(test, total, s->len,
			    "the buffers hold %u of the frame's %u bytes",
			    total, s->len);
	for (j = 0; j < min(total, s->len); j++) {
		if (gathered[j] != s->frame[j]) {
			KUNIT_FAIL(test, "byte %u is %#04x, the frame's %#04x (%u bufs)",
				   j, gathered[j], s->frame[j], nr);
			return -EINVAL;
		}
	}
	for (; j < total; j++) {
		if (gathered[j]) {
			KUNIT_FAIL(test, "pad byte %u is %#04x, not 0", j,
				   gathered[j]);
			return -EINVAL;
		}
	}
	return total < s->len ? -EINVAL : total;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_check_dma);
