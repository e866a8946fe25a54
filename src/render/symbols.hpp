// Internal to src/render: a place's circle symbol as one circle layer draws it, shared by the
// map renderer and the figure legend (render/figure.hpp), so a legend swatch is drawn by the
// same code and the same style values as the dots on the map.
#pragma once

#include <cairo.h>

#include "render/style.hpp"

namespace frontline {

// Draws layer `l` (type circle) for a feature with `props` centred at (x, y) image pixels;
// `scale` multiplies the style's sizes. The filter is not evaluated here.
void draw_circle(cairo_t* cr, const StyleLayer& l, const Json& props, double zoom, double scale,
                 double x, double y);

}  // namespace frontline
