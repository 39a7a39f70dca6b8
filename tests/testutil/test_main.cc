// Test entry point: GoogleTest with libsodium started once.
#include <gtest/gtest.h>

#include "common/crypto.h"

int main(int argc, char** argv) {
  parkhq::CryptoInit();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
