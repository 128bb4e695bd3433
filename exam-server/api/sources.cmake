target_sources(exam_server PRIVATE
  api/json_reply.cpp
  api/router.cpp
)
