#include "web/openapi.h"

namespace gongkai::web {

namespace {

// The document as JSON text: easier to read and review than the same built call by call.
constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "政府信息公开 开放数据接口",
    "version": "1.0.0",
    "description": "政府信息公开指南和全文检索（《政府信息公开条例》第十二条、第二十四条）。只包含公开日期不晚于当天的信息。"
  },
  "paths": {
    "/api/v1/search": {
      "get": {
        "summary": "全文检索",
        "parameters": [
          {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}},
          {"name": "agency", "in": "query", "schema": {"type": "integer", "minimum": 1}},
          {"name": "limit", "in": "query", "description": "每类最多条数", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "按类别分组的结果", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResults"}}}},
          "400": {"description": "参数有误", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/guide/{agency}": {
      "get": {
        "summary": "机关的政府信息公开指南（已发布的最新版）",
        "parameters": [
          {"name": "agency", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "指南", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Guide"}}}},
          "404": {"description": "没有该机关或尚未发布指南", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "summary": "本文档",
        "responses": {
          "200": {"description": "OpenAPI 3 文档", "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}}}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}
        }
      },
      "AgencyRef": {
        "type": "object",
        "required": ["id", "name"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}
      },
      "SearchHit": {
        "type": "object",
        "required": ["kind", "agency_id", "agency", "title", "date", "url", "exact_code", "snippet"],
        "properties": {
          "kind": {"type": "string"},
          "agency_id": {"type": "integer"},
          "agency": {"type": "string"},
          "title": {"type": "string"},
          "date": {"type": "string"},
          "url": {"type": "string"},
          "exact_code": {"type": "boolean"},
          "snippet": {"type": "string"}
        }
      },
      "SearchGroup": {
        "type": "object",
        "required": ["kind", "label", "total", "hits"],
        "properties": {
          "kind": {"type": "string", "enum": ["service", "publication", "policy", "report"]},
          "label": {"type": "string"},
          "total": {"type": "integer"},
          "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}}
        }
      },
      "SearchResults": {
        "type": "object",
        "required": ["query", "total", "groups"],
        "properties": {
          "query": {"type": "string"},
          "total": {"type": "integer"},
          "groups": {"type": "array", "items": {"$ref": "#/components/schemas/SearchGroup"}}
        }
      },
      "GuideElement": {
        "type": "object",
        "required": ["key", "label", "text"],
        "properties": {"key": {"type": "string"}, "label": {"type": "string"}, "text": {"type": "string"}}
      },
      "Guide": {
        "type": "object",
        "required": ["agency", "version", "published_on", "elements"],
        "properties": {
          "agency": {"$ref": "#/components/schemas/AgencyRef"},
          "version": {"type": "integer"},
          "published_on": {"type": "string", "format": "date"},
          "elements": {"type": "array", "items": {"$ref": "#/components/schemas/GuideElement"}}
        }
      }
    }
  }
})json";

}  // namespace

const nlohmann::ordered_json& OpenApiDocument() {
  static const nlohmann::ordered_json document = nlohmann::ordered_json::parse(kDocument);
  return document;
}

}  // namespace gongkai::web
