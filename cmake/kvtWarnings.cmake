# SPDX-License-Identifier: MIT
# INTERFACE targets carrying our warning flags (the klogg idea, our own list).
add_library(kvt_warnings INTERFACE)
target_compile_options(kvt_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
    -Wnull-dereference -Wimplicit-fallthrough)
if(KVT_WARNINGS_AS_ERRORS)
    target_compile_options(kvt_warnings INTERFACE -Werror)
endif()

# The engine also gets the numeric-narrowing warnings, where such bugs are real.
add_library(kvt_engine_warnings INTERFACE)
target_link_libraries(kvt_engine_warnings INTERFACE kvt_warnings)
target_compile_options(kvt_engine_warnings INTERFACE -Wconversion -Wsign-conversion)

# Compile definitions shared by the Qt layers (model, ui, app).
add_library(kvt_qt_defaults INTERFACE)
target_compile_definitions(kvt_qt_defaults INTERFACE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
