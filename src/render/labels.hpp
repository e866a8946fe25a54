// Labels: shaped with Pango + HarfBuzz (Arabic joins and runs right to left, mixed scripts
// fall back along the style's font list), placed ONCE per zoom for the whole region by a
// greedy collision solver, and stored in the Scene. render_extent() only draws that placement,
// so a label across a tile edge is the same label in both tiles: never cut, never doubled.
#pragma once

#include <string>

#include "render/image.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace frontline {

// Places the labels of every symbol layer of `style` for zooms minzoom..maxzoom into
// scene.labels (replacing what was there). Priority: the layer's symbol-sort-key (lower
// first), then places whose controller changed, then population, then id, so the same
// inputs give the same placement. A label is kept only if its box (plus text-padding) meets
// no placed label and no drawn place dot other than its own, and lies inside the tiles that
// cover the region. A label with a character no installed font has is left out, with one line
// in scene.label_warnings (the render goes on); throws Error("render", ...) naming the label
// if the style's fonts are not installed, so that fontconfig fell back to another family.
void place_labels(Scene& scene, const Style& style, int minzoom, int maxzoom);

// text-font entries ("Noto Sans Bold", "Noto Naskh Arabic Bold") as one Pango font
// description without size ("Noto Sans,Noto Naskh Arabic Bold").
std::string pango_font(const Json& text_font);

// One string shaped and drawn black on white at `size_px`, with a 4 px margin; for tests of
// shaping (Arabic) against reference renderings. Throws on missing glyphs or fonts.
Image render_text(const std::string& text, const std::string& font, double size_px);

}  // namespace frontline
