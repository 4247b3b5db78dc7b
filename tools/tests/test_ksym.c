// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the /proc/kallsyms lookups (ksym.c) on kallsyms text
 * written here: a name that two drivers use, module and kernel-image
 * symbols, the __pfx_ padding symbols, data symbols and odd lines.
 */
#include <stdlib.h>
#include <string.h>

#include "../ksym.h"
#include "h0test.h"

/* e1000 built in, e1000e a module: e1000_xmit_frame twice. */
static const char kallsyms_e1000[] =
	"ffffffff81000000 T dev_get_flags\n"
	"ffffffff81000100 T __dev_direct_xmit\n"
	"ffffffff819ffff0 t __pfx_e1000_xmit_frame\n"
	"ffffffff81a00000 t e1000_xmit_frame\n"
	"ffffffff82000000 d e1000_driver\n"
	"not a line at all\n"
	"ffffffff81b00000 T\n"
	"ffffffffc0000ff0 t __pfx_e1000_xmit_frame\t[e1000e]\n"
	"ffffffffc0001000 t e1000_xmit_frame\t[e1000e]\n"
	"ffffffffc0002000 t e1000_clean\t[e1000e]\n"
	"ffffffffc0003000 t veth_xmit\t[veth]\n";

static FILE *text(const char *s)
{
	return fmemopen((void *)s, strlen(s), "r");
}

H0_TEST(ksym_at_module_copy_of_shared_name)
{
	FILE *f = text(kallsyms_e1000);
	struct h0_ksym ks;
	char s[300];

	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0001000ULL, &ks), 1);
	H0_EXPECT(!strcmp(ks.name, "e1000_xmit_frame"));
	H0_EXPECT(!strcmp(ks.module, "e1000e"));
	H0_EXPECT_EQ(ks.copies, 2);
	H0_EXPECT(h0_ksym_ambiguous(&ks));
	h0_ksym_str(&ks, s, sizeof(s));
	H0_EXPECT(!strcmp(s, "e1000_xmit_frame [e1000e]"));
	h0_ksym_btf_target(&ks, s, sizeof(s));
	H0_EXPECT(!strcmp(s, "e1000e:e1000_xmit_frame"));
	fclose(f);
}

H0_TEST(ksym_at_builtin_copy_of_shared_name)
{
	FILE *f = text(kallsyms_e1000);
	struct h0_ksym ks;
	char s[300];

	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffff81a00000ULL, &ks), 1);
	H0_EXPECT(!strcmp(ks.name, "e1000_xmit_frame"));
	H0_EXPECT(!strcmp(ks.module, ""));
	H0_EXPECT_EQ(ks.copies, 2);
	h0_ksym_str(&ks, s, sizeof(s));
	H0_EXPECT(!strcmp(s, "e1000_xmit_frame"));
	/* libbpf and the kernel look in the kernel image first: the plain name */
	h0_ksym_btf_target(&ks, s, sizeof(s));
	H0_EXPECT(!strcmp(s, "e1000_xmit_frame"));
	fclose(f);
}

H0_TEST(ksym_at_unique_name)
{
	FILE *f = text(kallsyms_e1000);
	struct h0_ksym ks;
	char s[300];

	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0003000ULL, &ks), 1);
	H0_EXPECT(!strcmp(ks.name, "veth_xmit"));
	H0_EXPECT_EQ(ks.copies, 1);
	H0_EXPECT(!h0_ksym_ambiguous(&ks));
	h0_ksym_btf_target(&ks, s, sizeof(s));
	H0_EXPECT(!strcmp(s, "veth_xmit"));
	fclose(f);
}

/* Padding, data and unknown addresses are no function. */
H0_TEST(ksym_at_not_a_function)
{
	FILE *f = text(kallsyms_e1000);
	struct h0_ksym ks;

	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0000ff0ULL, &ks), 0);	/* __pfx_ */
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffff82000000ULL, &ks), 0);	/* d */
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0004000ULL, &ks), 0);
	H0_EXPECT_EQ(h0_ksym_at(f, 0, &ks), 0);	/* kptr_restrict: every address 0 */
	H0_EXPECT(!ks.name[0]);
	fclose(f);
}

/* By name: the module picks the copy; "" is the kernel image, NULL any. */
H0_TEST(ksym_find_by_module)
{
	FILE *f = text(kallsyms_e1000);
	struct h0_ksym ks;

	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_xmit_frame", "e1000e", &ks), 1);
	H0_EXPECT_EQ(ks.addr, 0xffffffffc0001000ULL);
	H0_EXPECT_EQ(ks.copies, 2);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_xmit_frame", "", &ks), 1);
	H0_EXPECT_EQ(ks.addr, 0xffffffff81a00000ULL);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_xmit_frame", NULL, &ks), 1);
	H0_EXPECT_EQ(ks.addr, 0xffffffff81a00000ULL);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_xmit_frame", "e1000", &ks), 0);
	H0_EXPECT_EQ(ks.copies, 2);
	H0_EXPECT_EQ(h0_ksym_find(f, "dev_get_flags", "", &ks), 1);
	H0_EXPECT_EQ(ks.copies, 1);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_clean", "", &ks), 0);
	H0_EXPECT_EQ(h0_ksym_find(f, "e1000_driver", NULL, &ks), 0);
	fclose(f);
}

/* A name longer than any buffer a line reader might use, and no newline at the end. */
H0_TEST(ksym_long_lines)
{
	char *t = malloc(4096), name[1200];
	struct h0_ksym ks;
	FILE *f;

	H0_REQUIRE(t);
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(t, 4096, "ffffffffc0005000 t %s\t[rust_mod]\nffffffffc0006000 t last\t[m]", name);
	f = text(t);
	H0_REQUIRE(f);
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0006000ULL, &ks), 1);
	H0_EXPECT(!strcmp(ks.name, "last") && !strcmp(ks.module, "m"));
	H0_EXPECT_EQ(h0_ksym_at(f, 0xffffffffc0005000ULL, &ks), 1);
	H0_EXPECT_EQ(strlen(ks.name), sizeof(ks.name) - 1);	/* truncated, not overrun */
	H0_EXPECT(!strcmp(ks.module, "rust_mod"));
	H0_EXPECT_EQ(ks.copies, 1);
	fclose(f);
	free(t);
}

int main(void)
{
	H0_RUN(ksym_at_module_copy_of_shared_name);
	H0_RUN(ksym_at_builtin_copy_of_shared_name);
	H0_RUN(ksym_at_unique_name);
	H0_RUN(ksym_at_not_a_function);
	H0_RUN(ksym_find_by_module);
	H0_RUN(ksym_long_lines);
	return h0_test_done();
}
