#include "app/application.hpp"

#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "api/api_context.hpp"
#include "api/feed_endpoint.hpp"
#include "api/feed_publisher.hpp"
#include "api/player_state_routes.hpp"
#include "api/route_params.hpp"
#include "api/router.hpp"
#include "api/static_files.hpp"
#include "app/demo_data.hpp"
#include "app/logger.hpp"
#include "app/metrics.hpp"
#include "app/openapi_document.hpp"
#include "app/shared_throttle.hpp"
#include "app/throttle_adapter.hpp"
#include "item_bank/bank.hpp"
#include "net/http_server.hpp"
#include "security/atomic_file.hpp"
#include "security/awarding_key.hpp"
#include "security/secure_random.hpp"
#include "security/self_signed_certificate.hpp"
#include "services/attempt_service.hpp"
#include "services/audit_service.hpp"
#include "services/bank_export_service.hpp"
#include "services/bank_import_service.hpp"
#include "services/blocking_pool.hpp"
#include "services/candidate_registry.hpp"
#include "services/certification_service.hpp"
#include "services/credit_ledger.hpp"
#include "services/identity_service.hpp"
#include "services/invigilation_service.hpp"
#include "services/live_feed.hpp"
#include "services/player_state_service.hpp"
#include "services/results_service.hpp"
#include "services/session_service.hpp"
#include "app/storage_backend.hpp"

namespace exam::app {

namespace {

std::uint64_t random_seed() {
    const auto bytes = security::random_bytes(8);
    std::uint64_t seed = 0;
    std::memcpy(&seed, bytes.data(), sizeof seed);
    return seed;
}

// --bank, or the bank bundled with the build.
std::filesystem::path bank_folder(const std::string& dir) {
    return dir.empty() ? std::filesystem::path(EXAM_BANK_DATA_DIR) : std::filesystem::path(dir);
}

std::shared_ptr<const item_bank::Bank> load_bank(const std::string& dir) {
    const std::filesystem::path path = bank_folder(dir);
    auto loaded = item_bank::load_bank({path});
    if (!loaded.bank) {
        std::string message = "the item bank in " + path.string() + " does not load:";
        for (std::size_t i = 0; i < loaded.errors.size() && i < 20; ++i) message += "\n  " + loaded.errors[i].to_string();
        throw std::runtime_error(message);
    }
    return loaded.bank;
}

// The signing key, and its public half beside it for verifiers to be given
// (exam-admin verify --public-key); rewritten only when it differs.
security::AwardingKey load_awarding_key(const std::string& data_dir) {
    const std::filesystem::path dir(data_dir);
    auto key = security::AwardingKey::load_or_create(dir / "awarding-key.pem");
    const auto public_file = dir / "awarding-public-key.pem";
    std::string existing;
    if (std::ifstream in{public_file, std::ios::binary}) existing.assign(std::istreambuf_iterator<char>(in), {});
    if (existing != key.public_key_pem()) security::write_file_atomically(public_file, key.public_key_pem(), 0644);
    return key;
}

}  // namespace

struct Application::Impl {
    explicit Impl(ApplicationOptions o) : options(std::move(o)) {
        LogLevel level = LogLevel::info;
        parse_log_level(options.config.log_level, level);
        logger = std::make_unique<Logger>(level);
    }

    ApplicationOptions options;
    domain::SystemClock system_clock;
    std::unique_ptr<Logger> logger;
    Metrics metrics;
    std::unique_ptr<services::Throttle> throttle;
    std::shared_ptr<const item_bank::Bank> bank;
    std::unique_ptr<StorageBackend> storage;
    std::optional<security::AwardingKey> awarding_key;
    std::unique_ptr<services::BlockingPool> kdf_pool;
    std::unique_ptr<services::IdentityService> identity;
    std::unique_ptr<services::AttemptService> attempts;
    std::unique_ptr<services::CandidateRegistry> registry;
    std::unique_ptr<services::SessionService> session_service;
    std::unique_ptr<services::CreditLedger> ledger;
    // A dashboard's queue holds at most one message per candidate (about 400
    // bytes): 2 MiB is a room of 5,000 and bounds what a stalled one can hold.
    services::LiveFeed feed{2 * 1024 * 1024};
    std::unique_ptr<api::FeedPublisher> feed_publisher;
    std::unique_ptr<services::InvigilationService> invigilation;
    std::unique_ptr<services::CertificationService> certification;
    std::unique_ptr<services::ResultsService> results;
    std::unique_ptr<services::AuditService> audit;
    std::unique_ptr<services::PlayerStateService> player_states;
    std::unique_ptr<services::BankImportService> bank_imports;
    std::unique_ptr<services::BankExportService> bank_exports;
    // Reading uploaded item files and writing the bank folder: one thread, so
    // confirmations never race (services/bank_import_service.hpp).
    // Declared after the two services, so it is joined before they go.
    std::unique_ptr<services::BlockingPool> interchange_pool;
    std::unique_ptr<api::ApiContext> api_context;
    std::unique_ptr<api::FeedEndpoint> feed_endpoint;
    std::unique_ptr<api::StaticFiles> player_files;
    std::unique_ptr<api::StaticFiles> console_files;
    std::unique_ptr<api::Router> router;
    std::unique_ptr<net::HttpServer> server;

    std::thread scheduler;
    std::mutex scheduler_mutex;
    std::condition_variable scheduler_wake;
    bool stopping = false;
    bool started = false;

    const domain::Clock& clock() const { return options.clock ? *options.clock : system_clock; }
};

Application::Application(ApplicationOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Application::~Application() { stop(); }

const ServerConfig& Application::config() const { return impl_->options.config; }

void Application::start() {
    auto& i = *impl_;
    const auto& c = i.options.config;
    i.bank = load_bank(c.bank_dir);

    // The data folder holds the keys and TLS files whichever database is used.
    std::filesystem::create_directories(c.data_dir);
    const auto& clock = i.clock();
    i.storage = std::make_unique<StorageBackend>(c, clock, i.bank, i.metrics);
    auto& st = *i.storage;
    if (st.shared_by_nodes()) {
        i.throttle = std::make_unique<SharedThrottle>(st.throttle(), clock);
    } else {
        i.throttle = std::make_unique<InMemoryThrottle>();
    }

    // scrypt costs 128 MiB a hash: two at a time keeps memory bounded.
    i.kdf_pool = std::make_unique<services::BlockingPool>(2, 256);
    i.identity = std::make_unique<services::IdentityService>(st.people(), st.tokens(), clock, i.options.kdf, *i.throttle,
                                                             *i.kdf_pool);
    i.attempts = std::make_unique<services::AttemptService>(st.attempts(), clock, i.bank,
                                                            c.clock_grace_seconds * 1000, random_seed);
    i.attempts->load_unfinished();
    i.registry = std::make_unique<services::CandidateRegistry>(st.people(), clock, i.bank);
    i.session_service = std::make_unique<services::SessionService>(st.people(), st.sessions(), *i.attempts, *i.identity,
                                                                   *i.throttle, clock, i.bank);

    i.ledger = std::make_unique<services::CreditLedger>(st.people(), st.ledger(), clock, i.bank);
    i.invigilation = std::make_unique<services::InvigilationService>(st.people(), st.sessions(), *i.attempts, clock);
    i.feed_publisher = std::make_unique<api::FeedPublisher>(i.feed, clock);
    i.invigilation->set_observer(i.feed_publisher.get());
    i.session_service->set_observer(i.feed_publisher.get());
    i.attempts->set_observer([&i](const services::AttemptSnapshot& s) { i.feed_publisher->attempt_changed(s); });
    i.attempts->set_admission_lookup([&i](domain::Id booking) {
        auto b = i.storage->sessions().booking(booking);
        return b && b->admitted_at.has_value();
    });
    // Other nodes' changes (PostgreSQL): re-read what this node caches, and
    // tell the rooms watched here. After the observers above are set.
    st.listen({[&i](const storage::Change& change) {
                   if (change.topic == "attempt") {
                       if (auto id = api::parse_id(change.key)) i.attempts->changed_elsewhere(*id);
                   } else if (change.topic == "token") {
                       i.identity->revoked_elsewhere(change.key);
                   }
               },
               [&i] {
                   i.identity->revoked_elsewhere_maybe();
                   i.attempts->resync_with_database();
               }});
    i.awarding_key = load_awarding_key(c.data_dir);
    i.certification = std::make_unique<services::CertificationService>(st.people(), st.ledger(), st.certificates(),
                                                                       clock, i.bank, *i.awarding_key);
    i.results = std::make_unique<services::ResultsService>(st.people(), st.results(), i.bank);
    i.audit = std::make_unique<services::AuditService>(st.people(), st.audit());
    i.player_states = std::make_unique<services::PlayerStateService>(st.player_states(), *i.attempts, *i.registry, clock);
    i.interchange_pool = std::make_unique<services::BlockingPool>(1, 16);
    i.bank_imports = std::make_unique<services::BankImportService>(st.bank_imports(), clock, i.bank,
                                                                   services::BankFolder(bank_folder(c.bank_dir)),
                                                                   *i.interchange_pool);
    i.bank_exports = std::make_unique<services::BankExportService>(st.bank_imports(), clock, i.bank, *i.interchange_pool);
    i.api_context = std::make_unique<api::ApiContext>(api::ApiContext{
        *i.identity, *i.registry, *i.session_service, *i.attempts, *i.ledger, *i.invigilation, i.feed, *i.certification,
        *i.results, *i.audit, *i.bank_imports, *i.bank_exports, i.metrics, [] { return openapi_document(); }});
    i.feed_endpoint = std::make_unique<api::FeedEndpoint>(*i.api_context);
    i.router = std::make_unique<api::Router>(*i.logger, i.metrics, c.tls);
    api::add_system_routes(*i.router, *i.api_context);
    api::add_auth_routes(*i.router, *i.api_context);
    api::add_centre_routes(*i.router, *i.api_context);
    api::add_session_routes(*i.router, *i.api_context);
    api::add_candidate_routes(*i.router, *i.api_context);
    api::add_ledger_routes(*i.router, *i.api_context);
    api::add_invigilation_routes(*i.router, *i.api_context);
    api::add_bank_routes(*i.router, *i.api_context);
    api::add_bank_import_routes(*i.router, *i.api_context);
    api::add_bank_export_routes(*i.router, *i.api_context);
    api::add_certificate_routes(*i.router, *i.api_context);
    api::add_result_routes(*i.router, *i.api_context);
    api::add_audit_routes(*i.router, *i.api_context);
    api::add_player_state_routes(*i.router, *i.api_context, *i.player_states);
    i.player_files = std::make_unique<api::StaticFiles>(
        c.client_dir.empty() ? std::filesystem::path(EXAM_CLIENT_DIR) : std::filesystem::path(c.client_dir), "/", false,
        api::player_security_policy);
    i.console_files = std::make_unique<api::StaticFiles>(
        c.staff_dir.empty() ? std::filesystem::path(EXAM_STAFF_DIR) : std::filesystem::path(c.staff_dir), "/staff/", true);
    api::add_static_routes(*i.router, *i.player_files, *i.console_files);

    net::HttpServerOptions server_options;
    server_options.address = c.listen_address;
    server_options.port = c.port;
    server_options.tls = c.tls;
    server_options.threads = c.threads;
    server_options.limits = c.limits;
    server_options.trusted_proxies = c.trusted_proxies;
    if (c.tls) {
        if (c.tls_certificate.empty() != c.tls_key.empty()) {
            throw std::runtime_error("give both --tls-cert and --tls-key, or neither for a self-signed certificate");
        }
        if (c.tls_certificate.empty()) {
            auto files = security::ensure_self_signed_certificate(std::filesystem::path(c.data_dir) / "tls");
            server_options.certificate_file = files.certificate.string();
            server_options.private_key_file = files.private_key.string();
        } else {
            server_options.certificate_file = c.tls_certificate;
            server_options.private_key_file = c.tls_key;
        }
    }
    i.server = std::make_unique<net::HttpServer>(server_options, *i.router, i.feed_endpoint.get());
    i.server->start();
    i.started = true;

    if (i.options.run_scheduler) {
        i.scheduler = std::thread([&i] {
            std::unique_lock lock(i.scheduler_mutex);
            while (!i.stopping) {
                lock.unlock();
                try {
                    i.attempts->submit_expired();
                    i.attempts->sweep_connections();
                } catch (const domain::Error& e) {
                    // The database is away (PostgreSQL restarting): the next turn tries again.
                    i.logger->warning("scheduler", {{"error", e.message}});
                } catch (const std::exception& e) {
                    i.logger->warning("scheduler", {{"error", std::string(e.what())}});
                }
                i.metrics.set_open_connections(static_cast<double>(i.server->open_connections()));
                lock.lock();
                i.scheduler_wake.wait_for(lock, std::chrono::milliseconds(250), [&i] { return i.stopping; });
            }
        });
    }
    i.logger->info("serving", {{"address", c.listen_address},
                               {"port", static_cast<long long>(i.server->port())},
                               {"tls", c.tls},
                               {"data_dir", c.data_dir},
                               {"database", i.storage->description()},
                               {"player_files", static_cast<long long>(i.player_files->file_count())},
                               {"items", static_cast<long long>(i.bank->items().size())}});
}

unsigned short Application::port() const { return impl_->server ? impl_->server->port() : 0; }

void Application::stop() {
    auto& i = *impl_;
    if (!i.started) return;
    i.started = false;
    {
        std::lock_guard lock(i.scheduler_mutex);
        i.stopping = true;
    }
    i.scheduler_wake.notify_all();
    if (i.scheduler.joinable()) i.scheduler.join();
    i.server->stop(std::chrono::seconds(10));
    i.kdf_pool.reset();  // finishes queued log-ins, whose writes go to the still-open database
    i.interchange_pool.reset();  // likewise uploads and confirmations (a confirmation waits for its commit)
    i.storage->stop();
    i.logger->info("stopped");
    i.logger->flush();
}

std::size_t Application::run_scheduler_once() {
    const auto submitted = impl_->attempts->submit_expired();
    impl_->attempts->sweep_connections();
    return submitted;
}

services::AttemptService& Application::attempts() { return *impl_->attempts; }

std::string Application::create_demo_data() {
    auto& i = *impl_;
    return app::create_demo_data(DemoServices{i.storage->people(), *i.identity, *i.registry, *i.session_service, *i.invigilation, i.clock()});
}

}  // namespace exam::app
