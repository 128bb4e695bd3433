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
# The PostgreSQL layer (issue 12), beside SQLite's: libpq (Debian libpq-dev).
target_sources(exam_server PRIVATE
  storage/postgresql/pg_change_listener.cpp
  storage/postgresql/pg_connection.cpp
  storage/postgresql/pg_database.cpp
  storage/postgresql/pg_migrations.cpp
  storage/postgresql/pg_placeholders.cpp
  storage/postgresql/pg_statement.cpp
)
