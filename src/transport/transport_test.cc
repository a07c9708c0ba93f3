// End to end through real transports: a real SMTP server on loopback (aiosmtpd, Debian's
// python3-aiosmtpd, run by tests/notify/smtp_sink.py) and a stub SMS endpoint (cpp-httplib's
// server). Proves that the receipt arrives with its number, query code and deadline; that with
// the SMTP server down the message stays queued, keeps its error, and goes out once the server
// is back; and that the SMS provider gets {to, text} with the key header.

#include "transport/transports.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "store/agencies.h"
#include "store/case_store.h"
#include "store/outbox.h"
#include "transport/sender.h"

extern char** environ;

namespace gongkai {
namespace {

using namespace std::chrono_literals;

// A Python with aiosmtpd: Debian's (the package installs there), else the one on PATH.
std::string PythonWithAiosmtpd() {
  for (std::string python : {"/usr/bin/python3", "python3"}) {
    std::string probe = python + " -c 'import aiosmtpd' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return python;
  }
  return "";
}

// A temp path unique to this process and call.
std::string TempPath(const std::string& stem) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          (stem + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
      .string();
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// tests/notify/smtp_sink.py as a child process.
class SmtpSink {
 public:
  SmtpSink(std::string python, int port, std::filesystem::path dir)
      : python_(std::move(python)), port_(port), dir_(std::move(dir)) {}
  ~SmtpSink() { Stop(); }

  // Starts the server and waits until it greets a client (at most 15 s).
  bool Start() {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    std::string script = std::string(GONGKAI_SOURCE_DIR) + "/tests/notify/smtp_sink.py";
    std::string port = std::to_string(port_), dir = dir_.string();
    std::vector<char*> argv{python_.data(), script.data(), port.data(), dir.data(), nullptr};
    int spawned = posix_spawnp(&pid_, python_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
      pid_ = 0;
      return false;
    }
    for (int i = 0; i < 150; ++i) {
      if (Greets()) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
  }

  // The messages received so far, in order (smtp_sink.py's files).
  std::vector<std::string> Received() const {
    std::vector<std::string> out;
    for (int n = 1;; ++n) {
      std::ifstream in(dir_ / (std::to_string(n) + ".txt"));
      if (!in) return out;
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
  }

 private:
  // True when a connection gets the server's 220 greeting (then says QUIT).
  bool Greets() const {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    bool ok = false;
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
      pollfd p{fd, POLLIN, 0};
      char buf[256];
      if (poll(&p, 1, 2000) > 0 && read(fd, buf, sizeof buf) >= 3 &&
          std::string_view(buf, 3) == "220") {
        ok = write(fd, "QUIT\r\n", 6) == 6;
        poll(&p, 1, 2000);
      }
    }
    close(fd);
    return ok;
  }

  std::string python_;
  int port_;
  std::filesystem::path dir_;
  pid_t pid_ = 0;
};

// The SMS provider: records each POST's body and key.
class SmsStub {
 public:
  SmsStub() {
    server_.Post("/send", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      bodies_.push_back(req.body);
      keys_.push_back(req.get_header_value("X-Api-Key"));
      res.set_content(R"({"ok":true})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~SmsStub() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }
  std::vector<std::string> bodies() {
    std::lock_guard lock(mu_);
    return bodies_;
  }
  std::vector<std::string> keys() {
    std::lock_guard lock(mu_);
    return keys_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> bodies_, keys_;
};

class TransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = PythonWithAiosmtpd();
    if (python_.empty()) {
      GTEST_SKIP() << "python3-aiosmtpd is not installed: the SMTP tests need a real SMTP "
                      "server (apt-get install python3-aiosmtpd, or scripts/install-deps.sh)";
    }
    path_ = TempPath("gongkai-transport-test") + ".db";
    mail_dir_ = TempPath("gongkai-mail");
    std::filesystem::create_directories(mail_dir_);
    auto opened = Database::Open(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_.emplace(std::move(opened).value());
    ASSERT_TRUE(db_->EnsureSchema().ok());
    *now_ = std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h;
    db_->SetClock([now = now_] { return *now; });
    auto agency = AddAgency(*db_, Agency{0, {}, "某县教育局", AgencyKind::kDepartment, "", "{}"});
    ASSERT_TRUE(agency.ok());
    agency_ = *agency;
  }

  void TearDown() override {
    db_.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix, ignored);
    std::filesystem::remove_all(mail_dir_, ignored);
  }

  // Registers a case received Monday 2025-01-06 (due Saturday 2025-02-08, a worked day: see
  // store/outbox_test.cc for the count).
  NewCase Register(const std::string& name) {
    Event received;
    received.type = EventType::kReceived;
    received.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(6)};
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.channel = Channel::kInternet;
    received.items = std::vector<std::string>{"2024年学校食堂抽检报告"};
    Applicant applicant{
        name, "resident_id", "110101199003074512", "139-0375-1234", "wang@example.cn", ""};
    auto created = CaseRegister(*db_, calendars_)
                       .RegisterCase(agency_, received, applicant, "电子邮件", "clerk");
    EXPECT_TRUE(created.ok()) << created.status().message();
    return created.ok() ? *created : NewCase{};
  }

  std::string python_, path_;
  std::filesystem::path mail_dir_;
  std::optional<Database> db_;
  std::shared_ptr<std::chrono::system_clock::time_point> now_ =
      std::make_shared<std::chrono::system_clock::time_point>();
  Calendars calendars_;
  int64_t agency_ = 0;
};

TransportOptions Options(std::string smtp, std::string from, std::string sms, std::string key) {
  TransportOptions o;
  o.smtp_url = std::move(smtp);
  o.mail_from = std::move(from);
  o.sms_url = std::move(sms);
  o.sms_key = std::move(key);
  return o;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(TransportTest, ReceiptArrivesByMailAndSmsAndAnOutageLosesNothing) {
  const int port = FreePort();
  SmtpSink smtp(python_, port, mail_dir_);
  ASSERT_TRUE(smtp.Start()) << "the SMTP server on 127.0.0.1:" << port << " did not start";
  SmsStub sms;
  TransportOptions options;
  options.smtp_url = "smtp://127.0.0.1:" + std::to_string(port);
  options.mail_from = "gongkai@example.gov.cn";
  options.sms_url = sms.url();
  options.sms_key = "test-key-123";
  options.timeout = 10s;
  auto transports = Transports::Create(options);
  ASSERT_TRUE(transports.ok()) << transports.status().message();
  Outbox outbox(*db_);

  NewCase first = Register("王小明");
  auto drained = DrainOnce(outbox, *transports, "test");
  ASSERT_TRUE(drained.ok()) << drained.status().message();
  EXPECT_EQ(drained->sent, 2);
  EXPECT_EQ(drained->failed, 0);
  auto mails = smtp.Received();
  ASSERT_EQ(mails.size(), 1u);
  for (const std::string& part :
       {std::string("To: wang@example.cn"), std::string("From: gongkai@example.gov.cn"),
        "Subject: 【某县教育局】政府信息公开申请已收到（案件编号 " + first.number + "）",
        "案件编号：" + first.number, "查询码：" + first.query_code,
        std::string("收到申请之日：2025年1月6日"), std::string("答复期限：2025年2月8日"),
        std::string("第三十三条")}) {
    EXPECT_TRUE(Has(mails[0], part)) << part << "\n" << mails[0];
  }
  ASSERT_EQ(sms.bodies().size(), 1u);
  auto json = nlohmann::json::parse(sms.bodies()[0]);
  EXPECT_EQ(json["to"], "13903751234") << "separators dropped";
  EXPECT_TRUE(Has(json["text"].get<std::string>(), first.query_code)) << json.dump();
  EXPECT_EQ(sms.keys()[0], "test-key-123");

  // The SMTP server goes down: the e-mail stays queued with its error; the SMS still goes.
  smtp.Stop();
  NewCase second = Register("李四");
  drained = DrainOnce(outbox, *transports, "test");
  ASSERT_TRUE(drained.ok());
  EXPECT_EQ(drained->sent, 1);
  EXPECT_EQ(drained->failed, 1);
  auto queued = outbox.List(OutboxFilter{agency_, second.number, OutboxState::kQueued, 10});
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ((*queued)[0].message.channel, MessageChannel::kEmail);
  EXPECT_EQ((*queued)[0].attempts, 1);
  EXPECT_TRUE(Has((*queued)[0].last_error, "邮件发送失败")) << (*queued)[0].last_error;
  EXPECT_FALSE(Has((*queued)[0].last_error, "wang@")) << "errors carry no address";

  // Back up: after the back-off the message goes out, once.
  ASSERT_TRUE(smtp.Start());
  drained = DrainOnce(outbox, *transports, "test");
  EXPECT_EQ(drained->sent, 0) << "not before the back-off";
  *now_ += RetryDelay(1);
  drained = DrainOnce(outbox, *transports, "test");
  EXPECT_EQ(drained->sent, 1);
  drained = DrainOnce(outbox, *transports, "test");
  EXPECT_EQ(drained->sent, 0);
  mails = smtp.Received();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_TRUE(Has(mails[1], "查询码：" + second.query_code)) << mails[1];
  EXPECT_EQ(outbox.List(OutboxFilter{agency_, "", OutboxState::kSent, 10})->size(), 4u);
}

TEST_F(TransportTest, UnconfiguredChannelsStayQueued) {
  auto mail_only =
      Transports::Create(Options("smtp://127.0.0.1:9", "gongkai@example.gov.cn", "", ""));
  ASSERT_TRUE(mail_only.ok());
  EXPECT_EQ(mail_only->channels(), std::set<MessageChannel>{MessageChannel::kEmail});
  auto none = Transports::Create({});
  ASSERT_TRUE(none.ok());
  Register("王小明");
  Outbox outbox(*db_);
  auto drained = DrainOnce(outbox, *none, "test");
  ASSERT_TRUE(drained.ok());
  EXPECT_EQ(drained->sent + drained->failed, 0);
  EXPECT_EQ(*outbox.CountQueued(MessageChannel::kEmail), 1);
  EXPECT_EQ(*outbox.CountQueued(MessageChannel::kSms), 1);
}

TEST(TransportOptionsTest, RefusesIncompleteConfiguration) {
  EXPECT_FALSE(Transports::Create(Options("smtp://127.0.0.1:25", "", "", "")).ok())
      << "no --mail-from";
  EXPECT_FALSE(Transports::Create(Options("http://x", "a@b.cn", "", "")).ok());
  EXPECT_FALSE(Transports::Create(Options("", "", "http://127.0.0.1/sms", "")).ok()) << "no key";
  EXPECT_FALSE(Transports::Create(Options("", "", "http://127.0.0.1/sms", "a\r\nX-Evil: 1")).ok());
}

TEST(MailTextTest, HeadersCannotBeForgedFromTheText) {
  Message m{MessageKind::kReceipt, MessageChannel::kEmail, "wang@example.cn",
            "主题\r\nBcc: evil@example.com", "正文\n第二行"};
  std::string text = MailText("abc", "gongkai@example.gov.cn", m,
                              std::chrono::sys_days(std::chrono::year(2025) / 1 / 10));
  EXPECT_FALSE(Has(text, "Bcc:")) << text;
  EXPECT_TRUE(Has(text, "Date: Fri, 10 Jan 2025 00:00:00 +0000\r\n")) << text;
  EXPECT_TRUE(Has(text, "Content-Transfer-Encoding: base64\r\n")) << text;
}

}  // namespace
}  // namespace gongkai
