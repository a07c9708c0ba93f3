// The OpenAPI 3.0 document of the open-data API (web/open_data.h): one path per /api/v1 route
// of the route table (a test checks both ways), each response described by a schema in
// components/schemas. Built once in code so the schemas sit next to one another and the test
// can validate real responses against them. Pure.

#ifndef GONGKAI_WEB_OPENAPI_H_
#define GONGKAI_WEB_OPENAPI_H_

#include <nlohmann/json.hpp>

namespace gongkai::web {

const nlohmann::ordered_json& OpenApiDocument();

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_OPENAPI_H_
