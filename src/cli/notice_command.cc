#include "cli/commands.h"

namespace gongkai::cli {

void AddNoticeCommand(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
