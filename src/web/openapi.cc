#include "web/openapi.h"

namespace gongkai::web {

namespace {

// The document as JSON text: easier to read and review than the same built call by call.
constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "政府信息公开 开放数据接口",
    "version": "1.0.0",
    "description": "主动公开的政府信息目录、政府信息公开指南和全文检索（《政府信息公开条例》第十二条、第二十四条）。只包含公开日期不晚于当天的信息。"
  },
  "paths": {
    "/api/v1/agencies": {
      "get": {
        "summary": "机关列表",
        "responses": {
          "200": {"description": "全部机关", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AgencyList"}}}}
        }
      }
    },
    "/api/v1/agencies/{agency}/publications": {
      "get": {
        "summary": "某机关已公开的信息（分页）",
        "parameters": [
          {"name": "agency", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}},
          {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
          {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
          {"name": "category", "in": "query", "description": "主题分类键，如 art20.1", "schema": {"type": "string"}},
          {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["regulation", "normative_document", "other"]}},
          {"name": "year", "in": "query", "description": "生成日期所在年份", "schema": {"type": "integer"}}
        ],
        "responses": {
          "200": {"description": "一页信息", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PublicationPage"}}}},
          "400": {"description": "参数有误", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"description": "没有该机关", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/publications/{id}": {
      "get": {
        "summary": "一条已公开信息的全部元数据、正文和附件",
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "机关编号-信息编号，如 3-17", "schema": {"type": "string", "pattern": "^[0-9]+-[0-9]+$"}}
        ],
        "responses": {
          "200": {"description": "信息", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Publication"}}}},
          "404": {"description": "没有该信息或尚未公开", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/search": {
      "get": {
        "summary": "全文检索（按类别分组，每类分页，总数精确）",
        "parameters": [
          {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}},
          {"name": "agency", "in": "query", "schema": {"type": "integer", "minimum": 1}},
          {"name": "kind", "in": "query", "description": "只查此类", "schema": {"type": "string", "enum": ["service", "publication", "policy", "report"]}},
          {"name": "limit", "in": "query", "description": "每类每页条数", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
          {"name": "page", "in": "query", "description": "第几页（每类各自分页，跳过的条数不超过 10000）", "schema": {"type": "integer", "minimum": 1, "default": 1}}
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
      "Agency": {
        "type": "object",
        "required": ["id", "name", "kind", "publications", "catalogue_url", "publications_url", "guide_url"],
        "properties": {
          "id": {"type": "integer"},
          "name": {"type": "string"},
          "kind": {"type": "string", "enum": ["government", "department", "township"]},
          "publications": {"type": "integer", "description": "已公开信息条数"},
          "catalogue_url": {"type": "string"},
          "publications_url": {"type": "string"},
          "guide_url": {"type": "string", "nullable": true}
        }
      },
      "AgencyList": {
        "type": "object",
        "required": ["agencies"],
        "properties": {"agencies": {"type": "array", "items": {"$ref": "#/components/schemas/Agency"}}}
      },
      "PublicationSummary": {
        "type": "object",
        "required": ["id", "agency_id", "index_no", "title", "doc_no", "publisher", "summary", "kind", "category", "category_label", "created", "changed", "published", "status", "status_date", "channels", "url", "api_url"],
        "properties": {
          "id": {"type": "string", "pattern": "^[0-9]+-[0-9]+$"},
          "agency_id": {"type": "integer"},
          "index_no": {"type": "string", "description": "索引号"},
          "title": {"type": "string"},
          "doc_no": {"type": "string", "description": "文号，可为空字符串"},
          "publisher": {"type": "string"},
          "summary": {"type": "string"},
          "kind": {"type": "string", "enum": ["regulation", "normative_document", "other"]},
          "category": {"type": "string"},
          "category_label": {"type": "string"},
          "created": {"type": "string", "format": "date"},
          "changed": {"type": "string", "format": "date", "nullable": true},
          "published": {"type": "string", "format": "date"},
          "status": {"type": "string", "enum": ["in_force", "expired", "repealed"]},
          "status_date": {"type": "string", "format": "date", "nullable": true},
          "channels": {"type": "array", "items": {"type": "string"}},
          "url": {"type": "string"},
          "api_url": {"type": "string"}
        }
      },
      "Attachment": {
        "type": "object",
        "required": ["name", "media_type", "size", "sha256", "url"],
        "properties": {
          "name": {"type": "string"},
          "media_type": {"type": "string"},
          "size": {"type": "integer"},
          "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
          "url": {"type": "string"}
        }
      },
      "Publication": {
        "allOf": [{"$ref": "#/components/schemas/PublicationSummary"}],
        "type": "object",
        "required": ["agency", "text", "attachments"],
        "properties": {
          "agency": {"$ref": "#/components/schemas/AgencyRef"},
          "text": {"type": "string"},
          "attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}}
        }
      },
      "PublicationPage": {
        "type": "object",
        "required": ["agency", "page", "per_page", "pages", "total", "items"],
        "properties": {
          "agency": {"$ref": "#/components/schemas/AgencyRef"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "pages": {"type": "integer"},
          "total": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/PublicationSummary"}}
        }
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
        "required": ["kind", "label", "total", "pages", "hits"],
        "properties": {
          "kind": {"type": "string", "enum": ["service", "publication", "policy", "report"]},
          "label": {"type": "string"},
          "total": {"type": "integer", "description": "此类全部结果数"},
          "pages": {"type": "integer", "description": "此类的页数"},
          "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}}
        }
      },
      "SearchResults": {
        "type": "object",
        "required": ["query", "total", "page", "per_page", "groups"],
        "properties": {
          "query": {"type": "string"},
          "total": {"type": "integer"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
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
