target_sources(exam_server PRIVATE
  domain/attempt_clock.cpp
  domain/certificate.cpp
  domain/clock.cpp
  domain/marking.cpp
  domain/names.cpp
)
