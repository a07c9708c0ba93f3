#include "cli/commands.h"

namespace gongkai::cli {

void AddCalendarCommands(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
