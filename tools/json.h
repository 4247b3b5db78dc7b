/* SPDX-License-Identifier: GPL-2.0 */
/*
 * JSON strings of headlen0_tx --json: every string the tool prints goes
 * through h0_json_str(), so that the output is one valid JSON object
 * whatever the interface names, libbpf messages or errno texts hold.
 */
#ifndef H0_JSON_H
#define H0_JSON_H

#include <stdio.h>

/* @s as a quoted JSON string; bytes that are not UTF-8 as \u00XX. */
void h0_json_str(FILE *f, const char *s);

#endif /* H0_JSON_H */
