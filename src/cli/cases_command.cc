#include "cli/commands.h"

namespace gongkai::cli {

void AddCasesCommands(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
