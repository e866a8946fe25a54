// Internal to src/render: Pango layouts on a Cairo context with the font options that make
// text rasterise the same at any integer offset and scale linearly for @2x (no hinting).
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include "render/scene.hpp"

namespace frontline {

struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// A layout of `text` on `cr` at an absolute size in px with letter spacing in em.
LayoutPtr make_layout(cairo_t* cr, const std::string& text, const std::string& font, double size_px,
                      double letter_spacing_em);

// Throws Error("render", "label \"<text>\" (<what>)", ...) if any run of the layout uses a
// font outside the requested families (fontconfig fell back) or a glyph is missing.
void check_coverage(PangoLayout* layout, const std::string& font, const std::string& text,
                    const std::string& what);

// Draws a placed label: global px at scale 1 times k, minus the image origin (ox, oy).
void draw_label(cairo_t* cr, const PlacedLabel& l, double k, double ox, double oy);

}  // namespace frontline
