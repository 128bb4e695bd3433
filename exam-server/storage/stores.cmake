# The aggregate stores and the schema (the SQLite layer below them is in sources.cmake).
target_sources(exam_server PRIVATE
  storage/audit_event.cpp
  storage/migration.cpp
  storage/schema_migrations.cpp
  storage/sqlite/audit_anchor.cpp
  storage/sqlite/database.cpp
  storage/sqlite/result_json.cpp
  storage/sqlite/sqlite_audit_store.cpp
  storage/sqlite/sqlite_bank_import_store.cpp
  storage/sqlite/sqlite_attempt_store.cpp
  storage/sqlite/sqlite_certificate_store.cpp
  storage/sqlite/sqlite_ledger_store.cpp
  storage/sqlite/sqlite_people_store.cpp
  storage/sqlite/sqlite_player_state_store.cpp
  storage/sqlite/sqlite_results_store.cpp
  storage/sqlite/sqlite_session_store.cpp
  storage/sqlite/sqlite_token_store.cpp
)
