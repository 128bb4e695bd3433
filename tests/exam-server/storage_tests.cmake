target_sources(exam_server_tests PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/postgresql_database_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/postgresql_migrations_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/postgresql_placeholders_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/postgresql_statement_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/schema_migrations_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_connection_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_migrations_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_read_tracker_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_reader_pool_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_statement_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_transaction_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/storage/sqlite_write_queue_test.cpp
)
