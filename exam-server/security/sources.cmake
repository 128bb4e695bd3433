target_sources(exam_server PRIVATE
  security/atomic_file.cpp
  security/awarding_key.cpp
  security/base64.cpp
  security/constant_time.cpp
  security/keycode.cpp
  security/login_throttle.cpp
  security/login_throttle_policy.cpp
  security/openssl_error.cpp
  security/password_hash.cpp
  security/password_policy.cpp
  security/secure_random.cpp
  security/self_signed_certificate.cpp
  security/session_token.cpp
  security/sha256.cpp
)
