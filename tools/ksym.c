// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kallsyms lookups; see ksym.h.
 *
 * A line: "ADDR TYPE NAME" for the kernel image, "ADDR TYPE NAME\t[MODULE]"
 * for a module. Functions are types t and T; the __pfx_ (padding) and
 * __cfi_ (CFI hash) symbols in front of a function are not functions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ksym.h"

struct h0_ksym_line {
	unsigned long long addr;
	const char *name;
	const char *module;
};

/* Split @line in place; false unless it is a function's. */
static bool h0_ksym_parse(char *line, struct h0_ksym_line *l)
{
	char *p = line, *end, type;

	l->addr = strtoull(p, &end, 16);
	if (end == p || (*end != ' ' && *end != '\t'))
		return false;
	p = end + strspn(end, " \t");
	type = *p++;
	if (type != 't' && type != 'T')
		return false;
	if (*p != ' ' && *p != '\t')
		return false;
	p += strspn(p, " \t");
	l->name = p;
	p += strcspn(p, " \t\n");
	if (p == l->name)
		return false;
	if (*p) {
		*p++ = '\0';
		p += strspn(p, " \t");
	}
	l->module = "";
	if (*p == '[') {
		end = strchr(p, ']');
		if (!end)
			return false;
		*end = '\0';
		l->module = p + 1;
	}
	return strncmp(l->name, "__pfx_", 6) && strncmp(l->name, "__cfi_", 6);
}

static void h0_ksym_set(struct h0_ksym *ks, const struct h0_ksym_line *l)
{
	ks->addr = l->addr;
	snprintf(ks->name, sizeof(ks->name), "%s", l->name);
	snprintf(ks->module, sizeof(ks->module), "%s", l->module);
}

/*
 * One pass over @f from its start: count the functions named @name, and
 * take the first in @module (NULL: any) into @ks. With @name NULL, take
 * the function at @addr. 1 found, 0 not, -errno.
 */
static int h0_ksym_scan(FILE *f, const char *name, const char *module,
			unsigned long long addr, struct h0_ksym *ks)
{
	struct h0_ksym_line l;
	size_t cap = 0;
	char *line = NULL;
	int found = 0;

	if (fseek(f, 0, SEEK_SET))
		return errno ? -errno : -EIO;
	clearerr(f);
	while (getline(&line, &cap, f) > 0) {
		if (!h0_ksym_parse(line, &l))
			continue;
		if (!name) {
			if (l.addr == addr) {
				h0_ksym_set(ks, &l);
				found = 1;
				break;
			}
			continue;
		}
		if (strcmp(l.name, name))
			continue;
		ks->copies++;
		if (!found && (!module || !strcmp(l.module, module))) {
			h0_ksym_set(ks, &l);
			found = 1;
		}
	}
	free(line);
	if (ferror(f))
		return -EIO;
	return found;
}

int h0_ksym_at(FILE *f, unsigned long long addr, struct h0_ksym *ks)
{
	struct h0_ksym same = { 0 };
	int ret;

	memset(ks, 0, sizeof(*ks));
	if (!addr)
		return 0;
	ret = h0_ksym_scan(f, NULL, NULL, addr, ks);
	if (ret <= 0)
		return ret;
	ret = h0_ksym_scan(f, ks->name, NULL, 0, &same);
	if (ret < 0)
		return ret;
	ks->copies = same.copies ? same.copies : 1;	/* a name longer than ks->name */
	return 1;
}

int h0_ksym_find(FILE *f, const char *name, const char *module, struct h0_ksym *ks)
{
	memset(ks, 0, sizeof(*ks));
	return h0_ksym_scan(f, name, module, 0, ks);
}

void h0_ksym_str(const struct h0_ksym *ks, char *out, size_t len)
{
	if (ks->module[0])
		snprintf(out, len, "%s [%s]", ks->name, ks->module);
	else
		snprintf(out, len, "%s", ks->name);
}

void h0_ksym_btf_target(const struct h0_ksym *ks, char *out, size_t len)
{
	if (h0_ksym_ambiguous(ks) && ks->module[0])
		snprintf(out, len, "%s:%s", ks->module, ks->name);
	else
		snprintf(out, len, "%s", ks->name);
}
