# The server end to end: a real Application on an ephemeral port with TLS and a SQLite file.
add_library(exam_server_test_support STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/https_client.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/support/websocket_client.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/server_fixture.cpp
)
target_include_directories(exam_server_test_support PUBLIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server)
target_link_libraries(exam_server_test_support PUBLIC exam_server exam_test_support GTest::gtest PRIVATE exam_warnings)

# The integration suite (every test on ServerFixture), compiled once and run
# twice: on SQLite in exam_server_tests, and on PostgreSQL in
# exam_server_postgresql_tests, against the one server ctest's "postgresql"
# fixture starts (support/test-postgresql.sh), each test in its own database.
add_library(exam_server_integration_tests OBJECT
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
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/several_nodes_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/sitting_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/static_files_test.cpp
)
target_link_libraries(exam_server_integration_tests PRIVATE exam_server_test_support exam_admin_cli exam_warnings)
target_compile_definitions(exam_server_integration_tests PRIVATE
  EXAM_OPENAPI_DOCUMENT="${PROJECT_SOURCE_DIR}/docs/openapi.json")

target_link_libraries(exam_server_tests PRIVATE exam_server_integration_tests exam_server_test_support exam_admin_cli)
# The server binary itself, started as a process (SQLite only: it is about the process, not the storage).
target_sources(exam_server_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/server/server_process_test.cpp)
target_compile_definitions(exam_server_tests PRIVATE EXAM_SERVER_BINARY="$<TARGET_FILE:exam-server>")
add_dependencies(exam_server_tests exam-server)

add_executable(exam_server_postgresql_tests)
target_link_libraries(exam_server_postgresql_tests PRIVATE exam_server_integration_tests exam_server_test_support
  exam_admin_cli GTest::gtest_main exam_warnings)
set(EXAM_TEST_POSTGRESQL_DIR ${CMAKE_CURRENT_BINARY_DIR}/test-postgresql)
add_test(NAME postgresql.start COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/test-postgresql.sh start ${EXAM_TEST_POSTGRESQL_DIR})
add_test(NAME postgresql.stop COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/test-postgresql.sh stop ${EXAM_TEST_POSTGRESQL_DIR})
set_tests_properties(postgresql.start PROPERTIES FIXTURES_SETUP postgresql)
set_tests_properties(postgresql.stop PROPERTIES FIXTURES_CLEANUP postgresql)
gtest_discover_tests(exam_server_postgresql_tests TEST_PREFIX "postgresql." DISCOVERY_TIMEOUT 60
  PROPERTIES FIXTURES_REQUIRED postgresql ENVIRONMENT "EXAM_TEST_POSTGRESQL_HOST=${EXAM_TEST_POSTGRESQL_DIR}")
