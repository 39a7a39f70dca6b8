// Test entry point: GoogleTest with libsodium started once.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "common/crypto.h"

int main(int argc, char** argv) {
  parkhq::CryptoInit();
  spdlog::set_level(spdlog::level::warn);  // request logs are noise in test output
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
