# Included from tests/CMakeLists.txt. The player's tests run with the node and
# npm packages candidate-client/CMakeLists.txt installed.
set(client_src ${PROJECT_SOURCE_DIR}/candidate-client)

add_test(NAME candidate_client.typecheck
         COMMAND ${NODE_EXECUTABLE} node_modules/typescript/bin/tsc --noEmit -p .
         WORKING_DIRECTORY ${client_src})
add_test(NAME candidate_client.unit
         COMMAND ${NPM_EXECUTABLE} test --silent
         WORKING_DIRECTORY ${client_src})

# The staff console's type check and unit tests (the room's model and the like).
set(console_src ${PROJECT_SOURCE_DIR}/admin/console)
add_test(NAME staff_console.typecheck
         COMMAND ${NODE_EXECUTABLE} node_modules/typescript/bin/tsc --noEmit -p .
         WORKING_DIRECTORY ${console_src})
add_test(NAME staff_console.unit
         COMMAND ${NPM_EXECUTABLE} test --silent
         WORKING_DIRECTORY ${console_src})

add_executable(browser_test_server ${CMAKE_CURRENT_SOURCE_DIR}/browser/browser_test_server.cpp)
target_link_libraries(browser_test_server PRIVATE exam_server exam_warnings)
add_dependencies(browser_test_server candidate_client staff_console)

find_program(CHROMIUM_EXECUTABLE chromium PATHS /usr/bin)
file(GLOB browser_test_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/browser/*.test.mjs)
foreach(test_file IN LISTS browser_test_files)
  get_filename_component(test_name ${test_file} NAME_WE)
  add_test(NAME browser.${test_name} COMMAND ${NODE_EXECUTABLE} --test ${test_file})
  set_tests_properties(browser.${test_name} PROPERTIES
    ENVIRONMENT "EXAM_TEST_SERVER=$<TARGET_FILE:browser_test_server>;EXAM_CLIENT_DIR=${EXAM_CLIENT_DIR};EXAM_STAFF_DIR=${EXAM_STAFF_DIR};EXAM_CLIENT_MODULES=${client_src}/node_modules;EXAM_BANK_ITEMS=${EXAM_BANK_DATA_DIR}/items;CHROMIUM=${CHROMIUM_EXECUTABLE}"
    TIMEOUT 300
    # Each starts Chromium: two at once is what two cores bear.
    RESOURCE_LOCK chromium)
endforeach()
