#include "cli/commands.h"

namespace gongkai::cli {

void AddReportCommands(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
