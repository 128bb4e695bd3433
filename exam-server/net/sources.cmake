target_sources(exam_server PRIVATE
  net/boost_sources.cpp
  net/client_address.cpp
  net/connection_registry.cpp
  net/http_server.cpp
  net/http_session.cpp
  net/http_types.cpp
  net/websocket_session.cpp
)
