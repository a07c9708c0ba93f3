#include "cli/transport_flags.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "util/text.h"

namespace gongkai::cli {

void AddTransportFlags(CLI::App* cmd, TransportFlags& flags) {
  cmd->add_option("--smtp", flags.smtp,
                  "发送邮件的 SMTP 服务器 smtp://主机:端口；不设则邮件保持待发送 / SMTP relay");
  cmd->add_option("--mail-from", flags.mail_from, "发件地址 / sender address");
  cmd->add_option("--sms-url", flags.sms_url,
                  "短信服务商接口地址（POST JSON {to, text}）；不设则短信保持待发送 / SMS API URL");
  cmd->add_option("--sms-key-file", flags.sms_key_file,
                  "短信接口密钥文件（作为 X-Api-Key 发送）/ file holding the SMS API key");
}

Result<Transports> MakeTransports(const TransportFlags& flags) {
  TransportOptions o;
  o.smtp_url = flags.smtp;
  o.mail_from = flags.mail_from;
  o.sms_url = flags.sms_url;
  if (!flags.sms_key_file.empty()) {
    std::ifstream in(flags.sms_key_file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      return Status::InvalidInput(
          fmt::format("无法读取短信接口密钥文件 {}：请检查路径和读取权限", flags.sms_key_file));
    }
    o.sms_key = std::string(Trim(text.str()));
    if (o.sms_key.empty()) {
      return Status::InvalidInput(fmt::format("短信接口密钥文件 {} 是空的", flags.sms_key_file));
    }
  }
  return Transports::Create(std::move(o));
}

}  // namespace gongkai::cli
