#include "cli/commands.h"

namespace gongkai::cli {

void AddServeCommand(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
