target_sources(exam_server PRIVATE
  api/audit_routes.cpp
  api/auth_routes.cpp
  api/authentication.cpp
  api/candidate_routes.cpp
  api/centre_routes.cpp
  api/csv_text.cpp
  api/json_body.cpp
  api/json_reply.cpp
  api/json_views.cpp
  api/ledger_routes.cpp
  api/query_params.cpp
  api/result_routes.cpp
  api/router.cpp
  api/session_routes.cpp
  api/system_routes.cpp
)
