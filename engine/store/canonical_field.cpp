// SPDX-License-Identifier: MIT
#include "store/canonical_field.h"

namespace kvt::engine {

std::optional<TextField> textFieldByName(std::string_view name)
{
    for (std::size_t i = 0; i < kTextFieldCount; ++i)
        if (!name.empty() && kTextFieldNames[i] == name)
            return static_cast<TextField>(i);
    return std::nullopt;
}

} // namespace kvt::engine
