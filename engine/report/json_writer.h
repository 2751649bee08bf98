// SPDX-License-Identifier: MIT
// Forwarding header, kept only while files outside engine/core still include the old path: the
// JSON writer now lives at the bottom of the engine. Include "engine/core/json_writer.h" instead.
#pragma once

#include "engine/core/json_writer.h"
