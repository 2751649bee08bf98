# SPDX-License-Identifier: MIT
# INTERFACE target that turns on ASan + UBSan when KVT_SANITIZE is set (asan preset).
add_library(kvt_sanitizers INTERFACE)
if(KVT_SANITIZE)
    target_compile_options(kvt_sanitizers INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(kvt_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
