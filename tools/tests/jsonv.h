/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A strict JSON validator for the host unit tests (RFC 8259): one value,
 * nothing after it but whitespace, strings in valid UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF) without raw control
 * characters, escapes and numbers as the grammar has them.
 *
 *   const char *why = h0_json_invalid(text, len);   NULL: valid
 */
#ifndef H0_JSONV_H
#define H0_JSONV_H

#include <stddef.h>
#include <string.h>

struct h0_jv {
	const unsigned char *p, *end;
	const char *err;
	int depth;
};

static void h0_jv_ws(struct h0_jv *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int h0_jv_fail(struct h0_jv *j, const char *why)
{
	if (!j->err)
		j->err = why;
	return -1;
}

static int h0_jv_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* One UTF-8 sequence starting at a byte >= 0x80. */
static int h0_jv_utf8(struct h0_jv *j)
{
	const unsigned char *p = j->p;
	unsigned int cp, n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 1;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 2;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 3;
		cp = p[0] & 0x07;
	} else {
		return h0_jv_fail(j, "invalid UTF-8 lead byte");
	}
	if ((size_t)(j->end - p) <= n)
		return h0_jv_fail(j, "truncated UTF-8 sequence");
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return h0_jv_fail(j, "invalid UTF-8 continuation byte");
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000))
		return h0_jv_fail(j, "overlong UTF-8 sequence");
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return h0_jv_fail(j, "UTF-8 surrogate or code point above U+10FFFF");
	j->p += n + 1;
	return 0;
}

static int h0_jv_string(struct h0_jv *j)
{
	int i;

	j->p++;				/* opening quote */
	while (j->p < j->end) {
		unsigned char c = *j->p;

		if (c == '"') {
			j->p++;
			return 0;
		}
		if (c < 0x20)
			return h0_jv_fail(j, "raw control character in a string");
		if (c >= 0x80) {
			if (h0_jv_utf8(j))
				return -1;
			continue;
		}
		if (c != '\\') {
			j->p++;
			continue;
		}
		if (j->end - j->p < 2)
			return h0_jv_fail(j, "truncated escape");
		c = j->p[1];
		if (c == 'u') {
			if (j->end - j->p < 6)
				return h0_jv_fail(j, "truncated \\u escape");
			for (i = 2; i < 6; i++)
				if (!h0_jv_hex(j->p[i]))
					return h0_jv_fail(j, "bad \\u escape");
			j->p += 6;
		} else if (strchr("\"\\/bfnrt", c) && c) {
			j->p += 2;
		} else {
			return h0_jv_fail(j, "bad escape");
		}
	}
	return h0_jv_fail(j, "unterminated string");
}

static int h0_jv_digits(struct h0_jv *j)
{
	const unsigned char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s ? 0 : h0_jv_fail(j, "digit expected");
}

static int h0_jv_number(struct h0_jv *j)
{
	if (*j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (h0_jv_digits(j))
		return -1;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (h0_jv_digits(j))
			return -1;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (h0_jv_digits(j))
			return -1;
	}
	return 0;
}

static int h0_jv_value(struct h0_jv *j);

static int h0_jv_list(struct h0_jv *j, unsigned char close, int object)
{
	if (++j->depth > 64)
		return h0_jv_fail(j, "nested too deep");
	j->p++;
	h0_jv_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		if (object) {
			h0_jv_ws(j);
			if (j->p >= j->end || *j->p != '"')
				return h0_jv_fail(j, "object key expected");
			if (h0_jv_string(j))
				return -1;
			h0_jv_ws(j);
			if (j->p >= j->end || *j->p != ':')
				return h0_jv_fail(j, "':' expected");
			j->p++;
		}
		if (h0_jv_value(j))
			return -1;
		h0_jv_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			j->depth--;
			return 0;
		}
		return h0_jv_fail(j, object ? "',' or '}' expected" : "',' or ']' expected");
	}
}

static int h0_jv_word(struct h0_jv *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n))
		return h0_jv_fail(j, "unexpected character");
	j->p += n;
	return 0;
}

static int h0_jv_value(struct h0_jv *j)
{
	h0_jv_ws(j);
	if (j->p >= j->end)
		return h0_jv_fail(j, "value expected");
	switch (*j->p) {
	case '{':
		return h0_jv_list(j, '}', 1);
	case '[':
		return h0_jv_list(j, ']', 0);
	case '"':
		return h0_jv_string(j);
	case 't':
		return h0_jv_word(j, "true");
	case 'f':
		return h0_jv_word(j, "false");
	case 'n':
		return h0_jv_word(j, "null");
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
			return h0_jv_number(j);
		return h0_jv_fail(j, "unexpected character");
	}
}

/* NULL if @text is exactly one valid JSON value, else why not. */
static inline const char *h0_json_invalid(const char *text, size_t len)
{
	struct h0_jv j = {
		.p = (const unsigned char *)text,
		.end = (const unsigned char *)text + len,
	};

	if (h0_jv_value(&j))
		return j.err;
	h0_jv_ws(&j);
	if (j.p != j.end)
		return "text after the value";
	return NULL;
}

#endif /* H0_JSONV_H */
