// An AuditKey is the secret that anchors the audit trail outside the database: 32 random bytes
// kept in a key file the database never holds (`gongkai audit keygen`, mode 0600). Two keys are
// derived from it with libsodium's crypto_kdf: a BLAKE2b MAC key that seals every entry of the
// audit ledger (store/ledger.h), and an Ed25519 key pair that signs checkpoints. Whoever has the
// public key (PublicKeyHex) can check a checkpoint; only the holder of the file can make one.
//
// Immutable after loading; share one instance across threads. The secret bytes are wiped when
// the key is destroyed.

#ifndef GONGKAI_STORE_AUDIT_KEY_H_
#define GONGKAI_STORE_AUDIT_KEY_H_

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

class AuditKey {
 public:
  // A new random key.
  static AuditKey Generate();

  // Reads a key file written by Save. kInvalidInput naming the file when it cannot be read, is
  // not a key file, or is readable by its group or others (the key would no longer be secret).
  static Result<AuditKey> Load(const std::filesystem::path& file);

  // Writes the key to `file`, created with mode 0600. kConflict when the file exists (a key is
  // never overwritten: the ledger sealed under it could no longer be verified); kInvalidInput
  // naming the file when it cannot be written.
  Status Save(const std::filesystem::path& file) const;

  AuditKey(const AuditKey&) = default;
  AuditKey& operator=(const AuditKey&) = default;
  ~AuditKey();

  // Hex keyed BLAKE2b-256 of `message`.
  std::string Mac(std::string_view message) const;
  // Hex Ed25519 detached signature of `message`.
  std::string Sign(std::string_view message) const;
  // Hex Ed25519 public key, for outsiders who verify checkpoints.
  std::string PublicKeyHex() const;

 private:
  explicit AuditKey(const std::array<unsigned char, 32>& master);

  std::array<unsigned char, 32> master_{};
  std::array<unsigned char, 32> mac_key_{};
  std::array<unsigned char, 64> secret_key_{};
  std::array<unsigned char, 32> public_key_{};
};

// The key named by the environment variable GONGKAI_AUDIT_KEY, nullptr when it is unset or
// empty; Load's error when the file it names cannot be loaded.
Result<std::shared_ptr<const AuditKey>> AuditKeyFromEnvironment();

// True when `signature_hex` is a valid Ed25519 signature of `message` under `public_key_hex`;
// false for any malformed input.
bool VerifySignature(std::string_view public_key_hex, std::string_view message,
                     std::string_view signature_hex);

// Hex BLAKE2b-256 of `text` (the unkeyed digest of a ledger row or a checkpoint).
std::string Blake2bHex(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_STORE_AUDIT_KEY_H_
