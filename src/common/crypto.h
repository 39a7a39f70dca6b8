// Password hashing (Argon2id) and random tokens, over libsodium.
#pragma once
#include <string>
#include <string_view>

namespace parkhq {

// Initializes libsodium once; safe to call many times. Returns false when it cannot start.
bool CryptoInit();
// Argon2id hash in libsodium's encoded form ("$argon2id$v=19$...").
// `fast` uses the minimum cost (for tests and the demo seed only).
std::string HashPassword(std::string_view password, bool fast = false);
bool VerifyPassword(std::string_view password, const std::string& encoded);
// A random URL-safe token with `bytes` bytes of entropy.
std::string RandomToken(size_t bytes = 32);
// Lower-case hex SHA-256 of s (tokens are stored hashed).
std::string Sha256Hex(std::string_view s);
// Compares in constant time.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace parkhq
