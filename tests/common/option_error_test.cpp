// OptionError: the library names options its way, a front end spells them.
#include "common/option_error.hpp"

#include <gtest/gtest.h>

namespace fl = frontline;

namespace {

std::string flag(std::string_view name) {
    return "--" + std::string(name);
}

}  // namespace

TEST(OptionError, NamesStayInBracesUntilAFrontEndSpellsThem) {
    const fl::OptionError e("tiles", "{zoom} 22-22", "give {zoom} 5-9 or a smaller {bbox}");
    EXPECT_STREQ(e.what(), "tiles error: {zoom} 22-22: give {zoom} 5-9 or a smaller {bbox}");
    EXPECT_EQ(e.spelled(flag), "tiles error: --zoom 22-22: give --zoom 5-9 or a smaller --bbox");
    EXPECT_EQ(e.exit_code(), fl::kExitUsage);
    EXPECT_EQ(e.subsystem(), "tiles");
}

TEST(OptionError, AUsersValueIsShownAsItIs) {
    const std::string layer = "{day}s {x";
    const fl::OptionError e("figure", "{layer}",
                            "unknown layer \"" + fl::OptionError::literal(layer) + "\"");
    EXPECT_EQ(e.spelled(flag), "figure error: --layer: unknown layer \"{day}s {x\"");
    EXPECT_STREQ(e.what(), "figure error: {layer}: unknown layer \"{day}s {x\"");
    // Braces that hold no name are kept as they are.
    EXPECT_EQ(fl::OptionError::fill("{} {Zoom} {a-b} {", flag), "{} {Zoom} {a-b} {");
}
