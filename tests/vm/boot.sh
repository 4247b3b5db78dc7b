#!/bin/bash
# vm-run: --timeout 180 --nic virtio:tap --nic e1000:hub0
# The test VM itself: what every other VM test relies on.
. "$(dirname "$0")/../lib.sh"

check "host root is shared read-only" sh -c '! touch /kit-ro-probe'
check "results dir is writable" touch "$KIT_OUT/probe"
check "DMA-API debug is active" test -d /sys/kernel/debug/dma-api
check "kmemleak is active" test -w /sys/kernel/debug/kmemleak
check "lockdep is active" test -e /proc/lockdep_stats
check "kernel BTF is exposed (CO-RE)" test -s /sys/kernel/btf/vmlinux
check "AF_XDP sockets are available" python3 -c 'import socket; socket.socket(44, socket.SOCK_RAW, 0).close()'
check "virtio-net NIC (tap backend) is present" iface_by_driver virtio_net
check "the e1000 module loads (a module, so a patched one can replace it)" load_intel e1000
check "e1000 NIC is present" iface_by_driver e1000
check "virtio-net has scatter-gather on" sh -c "ethtool -k $(iface_by_driver virtio_net) | grep -q 'scatter-gather: on'"
done_testing
