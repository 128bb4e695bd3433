#include "app/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>
#include <mutex>

namespace exam::app {

struct Metrics::Impl {
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests = prometheus::BuildCounter()
                                                            .Name("exam_http_requests_total")
                                                            .Help("HTTP requests by route, method and status")
                                                            .Register(*registry);
    prometheus::Family<prometheus::Histogram>& latency = prometheus::BuildHistogram()
                                                             .Name("exam_http_request_duration_seconds")
                                                             .Help("Time from a request read to its reply handed back")
                                                             .Register(*registry);
    prometheus::Gauge& connections = prometheus::BuildGauge()
                                         .Name("exam_open_connections")
                                         .Help("Open client connections")
                                         .Register(*registry)
                                         .Add({});
    prometheus::Gauge& attempts = prometheus::BuildGauge()
                                      .Name("exam_attempts_in_progress")
                                      .Help("Attempts in progress or paused")
                                      .Register(*registry)
                                      .Add({});
    prometheus::Histogram& batch_jobs = prometheus::BuildHistogram()
                                            .Name("exam_commit_batch_jobs")
                                            .Help("Writes committed together in one transaction (group commit)")
                                            .Register(*registry)
                                            .Add({}, prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64,
                                                                                              128, 256, 512, 1024});
    prometheus::Histogram& batch_seconds = prometheus::BuildHistogram()
                                               .Name("exam_commit_batch_duration_seconds")
                                               .Help("Time to run and commit one batch")
                                               .Register(*registry)
                                               .Add({}, prometheus::Histogram::BucketBoundaries{
                                                            0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5});
};

namespace {
const prometheus::Histogram::BucketBoundaries latency_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                              0.05,   0.1,   0.25,   0.5,   1,    2.5};
}

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe_request(const std::string& route, const std::string& method, int status, double seconds) {
    impl_->requests.Add({{"route", route}, {"method", method}, {"status", std::to_string(status)}}).Increment();
    impl_->latency.Add({{"route", route}, {"method", method}}, latency_buckets).Observe(seconds);
}

void Metrics::set_open_connections(double n) { impl_->connections.Set(n); }
void Metrics::set_attempts_in_progress(double n) { impl_->attempts.Set(n); }

void Metrics::observe_commit_batch(double jobs, double seconds) {
    impl_->batch_jobs.Observe(jobs);
    impl_->batch_seconds.Observe(seconds);
}

std::string Metrics::render() const {
    return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace exam::app
