// Owning pointers to Cairo objects, for the renderer, the labels and the figures.
#pragma once

#include <cairo.h>

#include <memory>

namespace frontline {

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, CairoDeleter>;

}  // namespace frontline
