// SPDX-License-Identifier: GPL-2.0
/*
 * JSON strings of headlen0_tx; see json.h.
 */
#include "json.h"

/*
 * Length of the well-formed UTF-8 sequence at @s (2..4 bytes), or 0 if
 * @s does not start one: no overlong forms, no surrogates, nothing above
 * U+10FFFF (RFC 3629). Stops at the first byte that is not a continuation,
 * so it never reads past the terminating NUL.
 */
static unsigned int h0_utf8_len(const unsigned char *s)
{
	unsigned int cp, n, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 1;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 2;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 3;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n + 1;
}

/*
 * Valid UTF-8 is copied as it is; any other byte above 0x7f becomes
 * \u00XX (the byte read as Latin-1), so that a name with stray bytes still
 * gives valid JSON and every byte can be recovered.
 */
void h0_json_str(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int n;

	fputc('"', f);
	while (*s) {
		n = *s >= 0x80 ? h0_utf8_len(s) : 0;
		if (n) {
			fwrite(s, 1, n, f);
			s += n;
		} else if (*s == '"' || *s == '\\') {
			fprintf(f, "\\%c", *s++);
		} else if (*s < 0x20 || *s >= 0x80) {
			fprintf(f, "\\u%04x", *s++);
		} else {
			fputc(*s++, f);
		}
	}
	fputc('"', f);
}
