target_sources(exam_server PRIVATE
  api/auth_routes.cpp
  api/authentication.cpp
  api/candidate_routes.cpp
  api/centre_routes.cpp
  api/certificate_routes.cpp
  api/feed_endpoint.cpp
  api/feed_publisher.cpp
  api/invigilation_routes.cpp
  api/json_body.cpp
  api/json_reply.cpp
  api/json_views.cpp
  api/ledger_routes.cpp
  api/room_json.cpp
  api/router.cpp
  api/session_routes.cpp
  api/system_routes.cpp
)
