#pragma once

#include "schedule.hpp"

namespace pocket {

// Clicks in time order, for the mixer. Implementations never allocate in these calls, so the
// audio thread may use them.
class ClickSource {
 public:
  virtual ~ClickSource() = default;
  virtual bool done() const = 0;
  virtual const ClickEvent& current() const = 0;
  virtual void advance() = 0;
};

// Walks a fixed schedule.
class ScheduleSource final : public ClickSource {
 public:
  explicit ScheduleSource(const Schedule& schedule) : cursor_(schedule) {}
  bool done() const override { return cursor_.done(); }
  const ClickEvent& current() const override { return cursor_.current(); }
  void advance() override { cursor_.advance(); }

 private:
  Schedule::Cursor cursor_;
};

}  // namespace pocket
