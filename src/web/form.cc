#include "web/form.h"

#include <fmt/format.h>

#include "util/text.h"
#include "util/utf8.h"

namespace gongkai::web {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

// Reads a parameter value of a header (`name="value"` or `name=value`) from `params`, the part
// after the first ';'. Returns nullopt when the parameter is absent.
std::optional<std::string> HeaderParam(std::string_view params, std::string_view name) {
  while (!params.empty()) {
    std::size_t semi = params.find(';');
    std::string_view item = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = Trim(item.substr(0, eq));
    if (key.size() != name.size() || !StartsWithNoCase(key, name)) continue;
    std::string_view value = Trim(item.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

// The kInvalidInput for a text field whose name or value is not UTF-8: the page is a 400 naming
// the field, so no handler stores text that no notice or page could render later.
Status CheckUtf8Field(std::string_view name, std::string_view value) {
  if (IsValidUtf8(name) && IsValidUtf8(value)) return Status::Ok();
  return Status::InvalidInput(fmt::format(
      "表单字段「{}」含有无效字符（不是 UTF-8 编码的文字）。请检查输入内容（可从其他软件复制时"
      "带入），删除后重新填写并提交",
      ToValidUtf8(name)));
}

}  // namespace

void Form::Add(std::string name, std::string value) {
  fields_.emplace(std::move(name), std::move(value));
}

std::string_view Form::Get(std::string_view name) const {
  auto it = fields_.find(std::string(name));
  return it == fields_.end() ? std::string_view() : std::string_view(it->second);
}

bool Form::Has(std::string_view name) const { return fields_.count(std::string(name)) > 0; }

std::vector<std::string_view> Form::GetAll(std::string_view name) const {
  std::vector<std::string_view> out;
  auto [first, last] = fields_.equal_range(std::string(name));
  for (auto it = first; it != last; ++it) out.emplace_back(it->second);
  return out;
}

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return Status::InvalidInput(
            fmt::format("第 {} 个字符处的百分号编码不完整（应为 %XX）", i + 1));
      }
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) {
        return Status::InvalidInput(
            fmt::format("第 {} 个字符处的百分号编码不是十六进制数（应为 %XX）", i + 1));
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Result<Form> ParseUrlEncoded(std::string_view text) {
  Form form;
  std::size_t count = 0;
  while (!text.empty()) {
    std::size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    if (++count > kMaxFormFields) {
      return Status::InvalidInput(fmt::format("表单字段过多（最多 {} 个）", kMaxFormFields));
    }
    std::size_t eq = pair.find('=');
    auto name = PercentDecode(pair.substr(0, eq), true);
    if (!name.ok()) return name.status();
    std::string value;
    if (eq != std::string_view::npos) {
      auto v = PercentDecode(pair.substr(eq + 1), true);
      if (!v.ok()) return v.status();
      value = std::move(v).value();
    }
    if (Status s = CheckUtf8Field(*name, value); !s.ok()) return s;
    form.Add(std::move(name).value(), std::move(value));
  }
  return form;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    std::size_t semi = header.find(';');
    std::string_view item = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string_view name = Trim(item.substr(0, eq));
    std::string_view value = Trim(item.substr(eq + 1));
    if (name.empty()) continue;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    out.emplace(std::string(name), std::string(value));
  }
  return out;
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  std::string_view type = Trim(content_type.substr(0, semi));
  if (type.size() != 19 || !StartsWithNoCase(type, "multipart/form-data")) {
    return Status::InvalidInput("请求不是 multipart/form-data 格式的表单");
  }
  if (semi == std::string_view::npos) {
    return Status::InvalidInput("multipart/form-data 缺少 boundary 参数");
  }
  auto boundary = HeaderParam(content_type.substr(semi + 1), "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    return Status::InvalidInput("multipart/form-data 的 boundary 参数缺失或长度超过 70 个字符");
  }
  return *boundary;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  if (body.substr(0, delimiter.size()) != delimiter) {
    return Status::InvalidInput("表单内容没有以分隔符开头，可能已损坏，请重新提交");
  }
  std::vector<FormPart> parts;
  std::size_t pos = delimiter.size();
  while (true) {
    // After a delimiter: "--" closes the body, CRLF starts a part.
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, 2) != "\r\n") {
      return Status::InvalidInput("表单分隔符后格式错误，可能已损坏，请重新提交");
    }
    pos += 2;
    std::size_t header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos) {
      return Status::InvalidInput("表单某一部分缺少头部，可能已损坏，请重新提交");
    }
    FormPart part;
    bool has_name = false;
    std::string_view headers = body.substr(pos, header_end - pos);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = Trim(line.substr(0, colon));
      std::string_view value = Trim(line.substr(colon + 1));
      if (name.size() == 19 && StartsWithNoCase(name, "content-disposition")) {
        std::size_t semi = value.find(';');
        if (semi == std::string_view::npos) continue;
        if (auto n = HeaderParam(value.substr(semi + 1), "name")) {
          part.name = *n;
          has_name = true;
        }
        part.filename = HeaderParam(value.substr(semi + 1), "filename");
      } else if (name.size() == 12 && StartsWithNoCase(name, "content-type")) {
        part.content_type = std::string(value);
      }
    }
    if (!has_name) {
      return Status::InvalidInput("表单某一部分缺少字段名（Content-Disposition name），请重新提交");
    }
    std::size_t data_start = header_end + 4;
    std::size_t data_end = body.find(next_delimiter, data_start);
    if (data_end == std::string_view::npos) {
      return Status::InvalidInput("表单缺少结束分隔符，上传可能被中断，请重新提交");
    }
    part.data = std::string(body.substr(data_start, data_end - data_start));
    if (!part.filename) {
      if (Status s = CheckUtf8Field(part.name, part.data); !s.ok()) return s;
    }
    parts.push_back(std::move(part));
    if (parts.size() > kMaxFormFields) {
      return Status::InvalidInput(fmt::format("表单字段过多（最多 {} 个）", kMaxFormFields));
    }
    pos = data_end + next_delimiter.size();
  }
}

}  // namespace gongkai::web
