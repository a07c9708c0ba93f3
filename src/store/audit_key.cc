#include "store/audit_key.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace gongkai {
namespace {

constexpr std::string_view kFileTag = "gongkai-audit-key-v1";
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'g', 'k', 'a', 'u', 'd', 'i', 't', '1'};

void EnsureSodium() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot run at all: nothing is safe
}

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

// Decodes exactly `n` bytes of hex; false on any other input.
bool FromHex(std::string_view hex, unsigned char* out, size_t n) {
  if (hex.size() != n * 2) return false;
  size_t written = 0;
  return sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &written, nullptr) == 0 &&
         written == n;
}

}  // namespace

AuditKey::AuditKey(const std::array<unsigned char, 32>& master) : master_(master) {
  EnsureSodium();
  crypto_kdf_derive_from_key(mac_key_.data(), mac_key_.size(), 1, kKdfContext, master_.data());
  std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
  crypto_kdf_derive_from_key(seed.data(), seed.size(), 2, kKdfContext, master_.data());
  crypto_sign_seed_keypair(public_key_.data(), secret_key_.data(), seed.data());
  sodium_memzero(seed.data(), seed.size());
}

AuditKey::~AuditKey() {
  sodium_memzero(master_.data(), master_.size());
  sodium_memzero(mac_key_.data(), mac_key_.size());
  sodium_memzero(secret_key_.data(), secret_key_.size());
}

AuditKey AuditKey::Generate() {
  EnsureSodium();
  std::array<unsigned char, 32> master{};
  randombytes_buf(master.data(), master.size());
  AuditKey key(master);
  sodium_memzero(master.data(), master.size());
  return key;
}

Result<AuditKey> AuditKey::Load(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    return Status::InvalidInput(fmt::format(
        "审计密钥文件 {} 不存在或无法读取：请检查 --audit-key / GONGKAI_AUDIT_KEY，或用 "
        "`gongkai audit keygen --out {}` 生成",
        file.string(), file.string()));
  }
  if ((info.st_mode & 077) != 0) {
    return Status::InvalidInput(fmt::format(
        "审计密钥文件 {} 的权限为 {:o}，同组或其他用户可读：密钥已不再保密。请执行 chmod 600 {}",
        file.string(), info.st_mode & 0777, file.string()));
  }
  std::ifstream in(file);
  std::string tag, hex;
  in >> tag >> hex;
  std::array<unsigned char, 32> master{};
  if (tag != kFileTag || !FromHex(hex, master.data(), master.size())) {
    return Status::InvalidInput(
        fmt::format("{} 不是审计密钥文件（应为 `gongkai audit keygen` 生成的 {} 格式）",
                    file.string(), kFileTag));
  }
  AuditKey key(master);
  sodium_memzero(master.data(), master.size());
  sodium_memzero(hex.data(), hex.size());
  return key;
}

Status AuditKey::Save(const std::filesystem::path& file) const {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Status::Conflict(fmt::format(
          "{} 已存在：密钥不会被覆盖（用它签封的台账将无法核验）。请另选文件名", file.string()));
    }
    return Status::InvalidInput(fmt::format("无法创建审计密钥文件 {}", file.string()));
  }
  std::string text = fmt::format("{} {}\n", kFileTag, Hex(master_.data(), master_.size()));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  sodium_memzero(text.data(), text.size());
  if (!ok) return Status::InvalidInput(fmt::format("写入审计密钥文件 {} 失败", file.string()));
  return Status::Ok();
}

std::string AuditKey::Mac(std::string_view message) const {
  std::array<unsigned char, crypto_generichash_BYTES> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), mac_key_.data(), mac_key_.size());
  return Hex(mac.data(), mac.size());
}

std::string AuditKey::Sign(std::string_view message) const {
  std::array<unsigned char, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), secret_key_.data());
  return Hex(sig.data(), sig.size());
}

std::string AuditKey::PublicKeyHex() const { return Hex(public_key_.data(), public_key_.size()); }

Result<std::shared_ptr<const AuditKey>> AuditKeyFromEnvironment() {
  const char* file = std::getenv("GONGKAI_AUDIT_KEY");
  if (file == nullptr || *file == '\0') return std::shared_ptr<const AuditKey>();
  auto key = AuditKey::Load(file);
  if (!key.ok()) return key.status();
  return std::make_shared<const AuditKey>(std::move(key).value());
}

bool VerifySignature(std::string_view public_key_hex, std::string_view message,
                     std::string_view signature_hex) {
  EnsureSodium();
  std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
  std::array<unsigned char, crypto_sign_BYTES> sig{};
  if (!FromHex(public_key_hex, pk.data(), pk.size()) ||
      !FromHex(signature_hex, sig.data(), sig.size())) {
    return false;
  }
  return crypto_sign_verify_detached(sig.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk.data()) == 0;
}

std::string Blake2bHex(std::string_view text) {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), nullptr, 0);
  return Hex(hash.data(), hash.size());
}

}  // namespace gongkai
