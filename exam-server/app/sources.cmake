find_package(prometheus-cpp REQUIRED COMPONENTS core)
target_link_libraries(exam_server PRIVATE prometheus-cpp::core)

# The OpenAPI document is compiled in from docs/openapi.json.
file(READ ${PROJECT_SOURCE_DIR}/docs/openapi.json OPENAPI_JSON)
configure_file(app/openapi_document.cpp.in ${CMAKE_CURRENT_BINARY_DIR}/openapi_document.cpp @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/openapi.json)

target_sources(exam_server PRIVATE
  app/application.cpp
  app/config.cpp
  app/demo_data.cpp
  app/logger.cpp
  app/metrics.cpp
  app/shared_throttle.cpp
  app/storage_backend.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/openapi_document.cpp
)
set_source_files_properties(app/application.cpp PROPERTIES
  COMPILE_DEFINITIONS "EXAM_BANK_DATA_DIR=\"${EXAM_BANK_DATA_DIR}\";EXAM_CLIENT_DIR=\"${EXAM_CLIENT_DIR}\";EXAM_STAFF_DIR=\"${EXAM_STAFF_DIR}\"")

add_executable(exam-server app/main.cpp)
target_link_libraries(exam-server PRIVATE exam_server exam_warnings)
