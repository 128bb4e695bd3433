# The aggregate stores, written once and compiled for both engines, and the
# schema (the SQLite and PostgreSQL layers below them are in sources.cmake).
target_sources(exam_server PRIVATE
  storage/audit_event.cpp
  storage/migration.cpp
  storage/schema_migrations.cpp
  storage/sqlite/audit_anchor.cpp
  storage/sqlite/database.cpp
  storage/sql/result_json.cpp
  storage/sql/sql_audit_store.cpp
  storage/sql/sql_bank_import_store.cpp
  storage/sql/sql_attempt_store.cpp
  storage/sql/sql_certificate_store.cpp
  storage/sql/sql_ledger_store.cpp
  storage/sql/sql_people_store.cpp
  storage/sql/sql_player_state_store.cpp
  storage/sql/sql_results_store.cpp
  storage/sql/sql_session_store.cpp
  storage/sql/sql_throttle_store.cpp
  storage/sql/sql_token_store.cpp
)
