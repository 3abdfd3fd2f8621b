#include "realtime_watch.hpp"

#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <ctime>

#include "core/realtime_probe.hpp"

namespace {

thread_local bool armed = false;
std::atomic<std::size_t> allocations{0};
std::atomic<std::size_t> locks{0};
std::atomic<std::size_t> calls{0};

void count(std::atomic<std::size_t>& counter) {
  if (armed) counter.fetch_add(1, std::memory_order_relaxed);
}

// The next definition of a function after this program's: the C library's, or a sanitizer's
// that wraps it. Looked up on first use; a race only looks it up twice.
template <typename Function>
Function next(std::atomic<void*>& slot, const char* name) {
  void* f = slot.load(std::memory_order_relaxed);
  if (f == nullptr) {
    f = dlsym(RTLD_NEXT, name);
    if (f == nullptr) std::abort();
    slot.store(f, std::memory_order_relaxed);
  }
  return reinterpret_cast<Function>(f);
}

void enter_callback() {
  armed = true;
  calls.fetch_add(1, std::memory_order_relaxed);
}
void leave_callback() { armed = false; }
constexpr pocket::RealtimeProbe kProbe{enter_callback, leave_callback};

}  // namespace

// --- Allocation -------------------------------------------------------------------------------
// The sanitizers own malloc and tell of each allocation through a hook; otherwise the C
// library's allocator is reached through the names it exports for programs that replace it.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void*,
                                                                  std::size_t),
                                                         void (*)(const volatile void*));
namespace {
void on_malloc(const volatile void*, std::size_t) { count(allocations); }
void on_free(const volatile void*) {}
const int hooks_installed = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}  // namespace
#else
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void* __libc_valloc(std::size_t);
void* __libc_pvalloc(std::size_t);
void __libc_free(void*);

void* malloc(std::size_t size) {
  count(allocations);
  return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) {
  count(allocations);
  return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) {
  count(allocations);
  return __libc_realloc(p, size);
}
void* memalign(std::size_t alignment, std::size_t size) {
  count(allocations);
  return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
  count(allocations);
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  count(allocations);
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  void* p = __libc_memalign(alignment, size);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}
void* valloc(std::size_t size) {
  count(allocations);
  return __libc_valloc(size);
}
void* pvalloc(std::size_t size) {
  count(allocations);
  return __libc_pvalloc(size);
}
void free(void* p) { __libc_free(p); }
}
#endif

// --- Locks ------------------------------------------------------------------------------------
// `except` is the C library's own exception specification for the function: noexcept, or
// nothing for the semaphore waits, which are cancellation points.
#define POCKET_COUNTED_LOCK(name, params, args, except) \
  int name params except {                              \
    static std::atomic<void*> real{nullptr};            \
    count(locks);                                       \
    return next<int(*) params>(real, #name) args;       \
  }

extern "C" {
POCKET_COUNTED_LOCK(pthread_mutex_lock, (pthread_mutex_t * m), (m), noexcept)
POCKET_COUNTED_LOCK(pthread_mutex_trylock, (pthread_mutex_t * m), (m), noexcept)
POCKET_COUNTED_LOCK(pthread_mutex_timedlock, (pthread_mutex_t * m, const timespec* t), (m, t),
                    noexcept)
POCKET_COUNTED_LOCK(pthread_mutex_clocklock, (pthread_mutex_t * m, clockid_t c, const timespec* t),
                    (m, c, t), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_rdlock, (pthread_rwlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_wrlock, (pthread_rwlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_tryrdlock, (pthread_rwlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_trywrlock, (pthread_rwlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_timedrdlock, (pthread_rwlock_t * l, const timespec* t), (l, t),
                    noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_timedwrlock, (pthread_rwlock_t * l, const timespec* t), (l, t),
                    noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_clockrdlock,
                    (pthread_rwlock_t * l, clockid_t c, const timespec* t), (l, c, t), noexcept)
POCKET_COUNTED_LOCK(pthread_rwlock_clockwrlock,
                    (pthread_rwlock_t * l, clockid_t c, const timespec* t), (l, c, t), noexcept)
POCKET_COUNTED_LOCK(pthread_spin_lock, (pthread_spinlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(pthread_spin_trylock, (pthread_spinlock_t * l), (l), noexcept)
POCKET_COUNTED_LOCK(sem_wait, (sem_t * s), (s), )
POCKET_COUNTED_LOCK(sem_trywait, (sem_t * s), (s), noexcept)
POCKET_COUNTED_LOCK(sem_timedwait, (sem_t * s, const timespec* t), (s, t), )
POCKET_COUNTED_LOCK(sem_clockwait, (sem_t * s, clockid_t c, const timespec* t), (s, c, t), )
}

namespace pocket::test {

ArmedThread::ArmedThread() {
  allocations = 0;
  locks = 0;
  armed = true;
}
ArmedThread::~ArmedThread() { armed = false; }
RealtimeCounts ArmedThread::counts() const { return {allocations.load(), locks.load(), 0}; }

CallbackWatch::CallbackWatch() {
  allocations = 0;
  locks = 0;
  calls = 0;
  realtime_probe.store(&kProbe, std::memory_order_release);
}
CallbackWatch::~CallbackWatch() { realtime_probe.store(nullptr, std::memory_order_release); }
RealtimeCounts CallbackWatch::counts() const {
  return {allocations.load(), locks.load(), calls.load()};
}

}  // namespace pocket::test
