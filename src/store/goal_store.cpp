// The session store's goals: one per drill.
#include <SQLiteCpp/SQLiteCpp.h>

#include "session_store.hpp"

namespace pocket {

void SessionStore::set_goal(const StoredGoal& goal) {
  SQLite::Statement q(*db_, R"sql(
    INSERT OR REPLACE INTO goals (drill, bpm, by_date, set_at) VALUES (?, ?, ?, ?))sql");
  q.bind(1, goal.drill);
  q.bind(2, goal.bpm);
  q.bind(3, goal.by_date);
  q.bind(4, goal.set_at);
  q.exec();
}

bool SessionStore::clear_goal(const std::string& drill) {
  SQLite::Statement q(*db_, "DELETE FROM goals WHERE drill = ?");
  q.bind(1, drill);
  return q.exec() > 0;
}

std::optional<StoredGoal> SessionStore::goal(const std::string& drill) const {
  for (StoredGoal& g : goals()) {
    if (g.drill == drill) return std::move(g);
  }
  return std::nullopt;
}

std::vector<StoredGoal> SessionStore::goals() const {
  SQLite::Statement q(*db_, "SELECT drill, bpm, by_date, set_at FROM goals ORDER BY drill");
  std::vector<StoredGoal> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getDouble(),
                   q.getColumn(2).getString(), q.getColumn(3).getString()});
  }
  return out;
}

}  // namespace pocket
