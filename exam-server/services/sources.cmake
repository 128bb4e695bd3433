target_sources(exam_server PRIVATE
  services/access_rules.cpp
  services/attempt_assembly.cpp
  services/attempt_service.cpp
  services/audit_service.cpp
  services/blocking_pool.cpp
  services/candidate_csv.cpp
  services/candidate_registry.cpp
  services/credit_ledger.cpp
  services/identity_service.cpp
  services/results_service.cpp
  services/session_service.cpp
)
