# The server end to end: a real Application on an ephemeral port with TLS and a SQLite file.
add_library(exam_server_test_support STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/https_client.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/websocket_client.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/server_fixture.cpp
)
target_include_directories(exam_server_test_support PUBLIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server)
target_link_libraries(exam_server_test_support PUBLIC exam_server exam_test_support GTest::gtest PRIVATE exam_warnings)

target_link_libraries(exam_server_tests PRIVATE exam_server_test_support)
# The offline certificate verifier of exam-admin, checked against what the server issues.
target_link_libraries(exam_server_tests PRIVATE exam_admin_cli)
target_sources(exam_server_tests PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/attempt_clock_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/attempt_media_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/audit_log_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/authorization_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/bad_input_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/bank_interchange_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/interchange_walkthrough_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/certificate_exam_admin_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/certification_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/centre_records_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/centre_results_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/credit_ledger_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/invigilation_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/live_feed_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/player_state_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/results_release_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/server_options_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/sitting_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/static_files_test.cpp
)
target_sources(exam_server_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/server_process_test.cpp)
target_compile_definitions(exam_server_tests PRIVATE EXAM_SERVER_BINARY="$<TARGET_FILE:exam-server>")
target_compile_definitions(exam_server_tests PRIVATE EXAM_OPENAPI_DOCUMENT="${PROJECT_SOURCE_DIR}/docs/openapi.json")
add_dependencies(exam_server_tests exam-server)
