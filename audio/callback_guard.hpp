#pragma once

#include <atomic>

namespace pocket {

// Lets an audio output leave its device alone once the audio server died. Stopping the stream
// would order a callback still returning before the output is destroyed, and that is not
// possible any more: abandon() waits for such a callback instead, and every later one is told to
// touch nothing.
//
// seq_cst throughout: the callback marks itself running before it reads abandoned_, abandon()
// the other way round, and only seq_cst makes one of the two see the other's store; so once
// abandon() sees no callback running, none will touch the owner again.
class CallbackGuard {
 public:
  // [audio-thread] Taken first thing in the callback and held until it returns. Neither
  // allocates, locks nor waits.
  class Entry {
   public:
    explicit Entry(CallbackGuard& guard) : guard_(guard) {
      guard_.running_.fetch_add(1);
      abandoned_ = guard_.abandoned_.load();
    }
    ~Entry() { guard_.running_.fetch_sub(1); }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

    // The owner was abandoned: return at once (silence at most), as its device is left alone.
    bool abandoned() const { return abandoned_; }

   private:
    CallbackGuard& guard_;
    bool abandoned_ = false;
  };

  // [main-thread] From now on every callback is told the owner was abandoned. Returns true once
  // no callback is running, so that the owner may be destroyed; false when one still ran after
  // about a second (a callback takes well under a millisecond: one that long is stuck).
  bool abandon();

  // [any thread]
  bool abandoned() const { return abandoned_.load(); }

 private:
  static_assert(std::atomic<int>::is_always_lock_free, "the callback must never take a lock");
  std::atomic<int> running_{0};  // callbacks between Entry and its end
  std::atomic<bool> abandoned_{false};
};

}  // namespace pocket
