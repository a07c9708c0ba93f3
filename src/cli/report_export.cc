#include "cli/commands.h"

namespace gongkai::cli {

void AddReportExportCommand(CLI::App& /*report*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
