# Plain domain and service logic, without sockets or a database.
target_sources(exam_server_tests PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/attempt_clock_unit_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/bank_folder_unit_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/candidate_csv_unit_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/feed_subscription_unit_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/marking_unit_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/exam-server/domain/token_cache_unit_test.cpp
)
