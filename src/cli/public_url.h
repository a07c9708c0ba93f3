// The one public-base-URL setting of the command line: `gongkai serve --public-url`, the
// printed guides' `services qr|sheet --base-url` (also spelt --public-url), and, when neither
// is given, the environment's GONGKAI_PUBLIC_URL. What QR codes and permanent links encode.

#ifndef GONGKAI_CLI_PUBLIC_URL_H_
#define GONGKAI_CLI_PUBLIC_URL_H_

#include <string>

#include "util/status.h"

namespace gongkai::cli {

// `given` when not empty, else GONGKAI_PUBLIC_URL, else "" (not configured); checked with
// web/service_links.h CheckPublicUrl when not empty.
Result<std::string> PublicUrl(const std::string& given);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_PUBLIC_URL_H_
