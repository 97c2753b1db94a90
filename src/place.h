/* place: named localities (`place ID "NAME" LEVEL`), and the ones a
 * directive's text names.
 *
 * 12-KH/TW gives Ban cán sự đảng Chính phủ the review of urban government
 * "tại thành phố Hà Nội, Thành phố Hồ Chí Minh và thành phố Đà Nẵng": the
 * work is addressed to those three cities, not to every province. The
 * cascade asks this module which places a directive names, and which
 * place a plan's `place` is. Names are compared as words: NFC, case and
 * tone placement folded, punctuation read as a space ("TP.HCM" is "tp
 * hcm"), so "thành phố Đà Nẵng" is found in "…, thành phố Đà Nẵng, trên cơ
 * sở…" and nowhere else. Layer: model; calls arena, text, index, diag,
 * lang, model. */
#ifndef PLANCHECK_PLACE_H
#define PLANCHECK_PLACE_H

#include "model.h"

enum { PL_MAX_NAMED = 16 };  /* places one directive may name that count */

/* Indexes the places read since the last call; a place id declared twice
 * is a duplicate-id error, a name that another place has is a
 * duplicate-name warning (the first place keeps it). */
void pl_index(md_model *m);

/* The place a plan's `place` names: one of a place's names, or the end of
 * one ("Quảng Ngãi" of "tỉnh Quảng Ngãi") when only one place's name ends
 * so. NULL when none. */
const md_place *pl_by_name(md_model *m, sl_slice name);

/* The levels of the places indexed, as MD_LEVEL_BIT bits: a plan below
 * every one of them has no directive a place can narrow. */
unsigned pl_levels(md_model *m);

/* The places an item's paragraphs name, each once, in the order they are
 * first named; at most `max` into out. */
size_t pl_named(md_model *m, const md_item *it, const md_place **out, size_t max);

#endif
