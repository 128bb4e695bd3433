find_package(prometheus-cpp REQUIRED COMPONENTS core)
target_link_libraries(exam_server PRIVATE prometheus-cpp::core)
target_sources(exam_server PRIVATE
  app/config.cpp
  app/logger.cpp
  app/metrics.cpp
)
