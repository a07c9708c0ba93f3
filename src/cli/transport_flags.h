// The transport options `gongkai serve` and `gongkai notify send` share: --smtp, --mail-from,
// --sms-url and --sms-key-file (the key is read from a file so it never shows in the process
// list), turned into Transports (transport/transports.h).

#ifndef GONGKAI_CLI_TRANSPORT_FLAGS_H_
#define GONGKAI_CLI_TRANSPORT_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "transport/transports.h"
#include "util/status.h"

namespace gongkai::cli {

struct TransportFlags {
  std::string smtp;
  std::string mail_from;
  std::string sms_url;
  std::string sms_key_file;
};

void AddTransportFlags(CLI::App* cmd, TransportFlags& flags);

// kInvalidInput naming the key file when it cannot be read or is empty, and Transports::Create's
// errors.
Result<Transports> MakeTransports(const TransportFlags& flags);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_TRANSPORT_FLAGS_H_
