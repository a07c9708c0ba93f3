#include "transport/transports.h"

#include <curl/curl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>

namespace gongkai {

namespace {

// curl_global_init is not thread-safe: once per process.
void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool HasLineBreakOrNul(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// An address usable in an SMTP envelope and a header: one '@', no spaces, brackets or breaks.
bool UsableAddress(std::string_view a) {
  return !a.empty() && a.size() <= 254 && std::count(a.begin(), a.end(), '@') == 1 &&
         a.front() != '@' && a.back() != '@' &&
         a.find_first_of(std::string_view(" <>,;\"\r\n\t\0", 10)) == std::string_view::npos;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

struct Upload {
  std::string_view data;
  std::size_t pos = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t len = std::min(size * n, up->data.size() - up->pos);
  std::copy_n(up->data.data() + up->pos, len, buffer);
  up->pos += len;
  return len;
}

std::size_t Discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

Status CurlFailure(std::string_view transport, CURLcode code, const char* detail) {
  return Status::Internal(fmt::format("{}发送失败：{}（curl {}）", transport,
                                      *detail ? detail : curl_easy_strerror(code),
                                      static_cast<int>(code)));
}

}  // namespace

std::string MailText(std::string_view id, std::string_view from, const Message& message,
                     std::chrono::system_clock::time_point date) {
  std::string body = message.body;
  // Lines end in CRLF on the wire; the base64 of the text keeps every byte as written.
  std::string crlf;
  for (char c : body) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string encoded = Base64(crlf), wrapped;
  for (std::size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\r\n";
  auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(date);
  return fmt::format(
      "Date: {:%a, %d %b %Y %H:%M:%S} +0000\r\n"
      "From: <{}>\r\n"
      "To: <{}>\r\n"
      "Message-ID: <{}@gongkai>\r\n"
      "Subject: =?UTF-8?B?{}?=\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n{}",
      seconds, from, message.to, id, Base64(message.subject), wrapped);
}

Result<Transports> Transports::Create(TransportOptions o) {
  if (!o.smtp_url.empty()) {
    if (!o.smtp_url.starts_with("smtp://") && !o.smtp_url.starts_with("smtps://")) {
      return Status::InvalidInput("--smtp 应为 smtp://主机:端口 或 smtps://主机:端口");
    }
    if (!UsableAddress(o.mail_from)) {
      return Status::InvalidInput(
          "使用 --smtp 时须以 --mail-from 给出发件地址，例如 gongkai@example.gov.cn");
    }
  }
  if (!o.sms_url.empty()) {
    if (!o.sms_url.starts_with("http://") && !o.sms_url.starts_with("https://")) {
      return Status::InvalidInput("--sms-url 应为 http:// 或 https:// 开头的短信接口地址");
    }
    if (o.sms_key.empty() || HasLineBreakOrNul(o.sms_key)) {
      return Status::InvalidInput(
          "使用 --sms-url 时须以 --sms-key-file 给出接口密钥文件（一行，不含换行以外的空白）");
    }
  }
  if (sodium_init() < 0) return Status::Internal("libsodium 初始化失败");
  InitCurl();
  return Transports(std::move(o));
}

std::set<MessageChannel> Transports::channels() const {
  std::set<MessageChannel> out;
  if (!options_.smtp_url.empty()) out.insert(MessageChannel::kEmail);
  if (!options_.sms_url.empty()) out.insert(MessageChannel::kSms);
  return out;
}

Status Transports::Send(std::string_view id, const Message& message) const {
  const bool mail = message.channel == MessageChannel::kEmail;
  if (mail ? options_.smtp_url.empty() : options_.sms_url.empty()) {
    return Status::Internal(mail ? "未配置邮件发送（--smtp）" : "未配置短信接口（--sms-url）");
  }
  CurlHandle curl(curl_easy_init());
  if (!curl) return Status::Internal("libcurl 初始化失败");
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count()));
  if (mail) {
    if (!UsableAddress(message.to)) {
      return Status::InvalidInput("收件地址格式不正确，无法发送电子邮件：请核对申请人的电子邮箱");
    }
    std::string text = MailText(id, options_.mail_from, message, std::chrono::system_clock::now());
    Upload up{text};
    std::string from = "<" + options_.mail_from + ">", to = "<" + message.to + ">";
    Slist rcpt(curl_slist_append(nullptr, to.c_str()));
    curl_easy_setopt(c, CURLOPT_URL, options_.smtp_url.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return CurlFailure("邮件", rc, error);
    return Status::Ok();
  }
  std::string phone(message.to);
  phone.erase(
      std::remove_if(phone.begin(), phone.end(), [](char ch) { return ch == ' ' || ch == '-'; }),
      phone.end());
  if (phone.empty() || phone.size() > 20 ||
      phone.find_first_not_of("+0123456789") != std::string::npos) {
    return Status::InvalidInput("手机号码格式不正确，无法发送短信：请核对申请人的手机号码");
  }
  std::string json = nlohmann::json{{"to", phone}, {"text", message.body}}.dump();
  std::string key = "X-Api-Key: " + options_.sms_key;
  Slist headers(curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"));
  curl_slist_append(headers.get(), key.c_str());
  curl_easy_setopt(c, CURLOPT_URL, options_.sms_url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, json.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
  // The provider's answer may echo the number: read and dropped, never logged.
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Discard);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) return CurlFailure("短信", rc, error);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return Status::Internal(fmt::format("短信发送失败：短信接口返回 HTTP {}", status));
  }
  return Status::Ok();
}

}  // namespace gongkai
