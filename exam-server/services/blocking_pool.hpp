#pragma once
// A few threads for work that must not run on a network thread because it is
// slow by design (password hashing: scrypt takes a few hundred milliseconds
// and 128 MiB). The queue is bounded so a login flood cannot grow memory.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace exam::services {

class BlockingPool {
public:
    BlockingPool(std::size_t threads, std::size_t max_queued);
    ~BlockingPool();  // runs what is queued, then joins
    BlockingPool(const BlockingPool&) = delete;
    BlockingPool& operator=(const BlockingPool&) = delete;

    // False when the queue is full: the caller answers "busy" at once.
    bool try_post(std::function<void()> work);

private:
    void run();
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    std::size_t max_queued_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace exam::services
