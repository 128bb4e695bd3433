target_sources(exam_server PRIVATE
  services/access_rules.cpp
  services/attempt_assembly.cpp
  services/attempt_service.cpp
  services/audit_service.cpp
  services/blocking_pool.cpp
  services/candidate_csv.cpp
  services/candidate_registry.cpp
  services/certificate_document.cpp
  services/certification_service.cpp
  services/credit_ledger.cpp
  services/feed_subscription.cpp
  services/identity_service.cpp
  services/invigilation_service.cpp
  services/live_feed.cpp
  services/results_service.cpp
  services/session_service.cpp
)
