#!/usr/bin/env bash
# The include fences a linker cannot see: no Qt in engine/, QtCharts only in ui/chart/, and includes
# that name their layer never point up (app -> ui -> model -> engine).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
if grep -rnE '#include\s*[<"]Q' engine/; then
  echo "check-layers: engine/ includes Qt headers (the engine is Qt-free)" >&2; status=1
fi
if grep -rnE '#include\s*[<"](QtCharts|QChart|QLineSeries|QScatterSeries|QValueAxis|QDateTimeAxis|QAreaSeries)' \
     --include='*.h' --include='*.cpp' engine model ui app | grep -v '^ui/chart/'; then
  echo "check-layers: QtCharts used outside ui/chart/" >&2; status=1
fi
if grep -rnE '#include\s*[<"](QtWidgets|QWidget|QMainWindow|QApplication)' model/ engine/; then
  echo "check-layers: widgets used below ui/" >&2; status=1
fi
if grep -rnE '#include\s*"(model|ui|app)/' engine/; then
  echo "check-layers: engine/ includes a layer above it" >&2; status=1
fi
if grep -rnE '#include\s*"(ui|app)/' model/; then
  echo "check-layers: model/ includes a layer above it" >&2; status=1
fi
if grep -rnE '#include\s*"app/' ui/; then
  echo "check-layers: ui/ includes app/" >&2; status=1
fi
# Project includes name their layer, so a reader knows where a header lives.
if grep -rnE '#include\s*"[^"/]+\.h"' --include='*.h' --include='*.cpp' engine model ui app tests; then
  echo "check-layers: project includes must name their layer (\"engine/...\", \"model/...\")" >&2; status=1
fi
exit $status
