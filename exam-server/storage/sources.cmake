target_sources(exam_server PRIVATE
  storage/sqlite/connection.cpp
  storage/sqlite/error.cpp
  storage/sqlite/migrations.cpp
  storage/sqlite/raise_error.cpp
  storage/sqlite/read_tracker.cpp
  storage/sqlite/reader_pool.cpp
  storage/sqlite/savepoint.cpp
  storage/sqlite/statement.cpp
  storage/sqlite/statement_cache.cpp
  storage/sqlite/transaction.cpp
  storage/sqlite/write_queue.cpp
)
