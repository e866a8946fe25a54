// Owning pointers to Cairo objects, and a surface's pixels as an Image: for the renderer, the
// labels and the figures.
#pragma once

#include <cairo.h>

#include <memory>

#include "render/image.hpp"

namespace frontline {

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, CairoDeleter>;

// The pixels of an ARGB32 image surface (Cairo's premultiplied native ARGB) in the rectangle
// at (x0, y0) of `width` x `height`, as straight RGBA (un-premultiplied, rounded; opaque
// pixels are copied as they are). Flushes the surface first.
Image image_from_surface(cairo_surface_t* s, int x0, int y0, int width, int height);
// The whole surface.
Image image_from_surface(cairo_surface_t* s);

}  // namespace frontline
