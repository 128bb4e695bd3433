target_sources(exam_server_tests PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/atomic_file_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/awarding_key_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/base64_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/client_address_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/certificate_document_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/constant_time_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/keycode_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/login_throttle_policy_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/login_throttle_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/openssl_error_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/password_hash_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/password_policy_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/self_signed_certificate_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/session_token_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/security/sha256_test.cpp
)
