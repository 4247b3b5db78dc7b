/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/kallsyms: which function is at an address, in which module, and
 * how many functions share its name.
 *
 * A name alone does not identify a function: e1000 and e1000e each have a
 * static e1000_xmit_frame(), and with both loaded (or e1000 built in)
 * kallsyms lists the name twice. The probe knows the address of the
 * driver's ndo_start_xmit, so it resolves that address to name and module
 * here, and attaches by module or address when the name is ambiguous.
 *
 * Pure: these functions read the kallsyms text they are given (the file,
 * or a test's string through fmemopen()).
 */
#ifndef H0_KSYM_H
#define H0_KSYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct h0_ksym {
	unsigned long long addr;
	char name[256];
	char module[64];	/* MODULE_NAME_LEN; "" for the kernel image */
	unsigned int copies;	/* functions of this name in kallsyms, this one included */
};

/*
 * The function (text symbol, "t" or "T") at @addr into @ks, and how many
 * functions have its name. @f must be seekable: it is read twice.
 * 1 found, 0 not (or @addr 0), -errno if @f cannot be read.
 */
int h0_ksym_at(FILE *f, unsigned long long addr, struct h0_ksym *ks);

/*
 * The function @name in @module ("" the kernel image, NULL any, the first
 * listed) into @ks, and how many functions, in any module, have that name.
 * 1 found, 0 not, -errno if @f cannot be read.
 */
int h0_ksym_find(FILE *f, const char *name, const char *module, struct h0_ksym *ks);

/* Does @ks's name alone leave the kernel a choice? */
static inline bool h0_ksym_ambiguous(const struct h0_ksym *ks)
{
	return ks->copies > 1;
}

/* "e1000_xmit_frame [e1000e]", or "veth_xmit" in the kernel image. */
void h0_ksym_str(const struct h0_ksym *ks, char *out, size_t len);

/*
 * How to name @ks as a fentry target to libbpf: "name" when the name is
 * unique or the function is in the kernel image (libbpf searches the
 * kernel's BTF first, and the kernel resolves an image's name before any
 * module's), "module:name" when a module's function shares its name
 * (libbpf 1.2+; older ones find no such function, the kprobe then takes
 * over by address).
 */
void h0_ksym_btf_target(const struct h0_ksym *ks, char *out, size_t len);

#endif /* H0_KSYM_H */
