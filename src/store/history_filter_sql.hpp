#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "session_record.hpp"

namespace pocket {

// The filter's drill and date as the first four parameters of a query that reads
// "(? = '' OR drill = ?) AND (? = '' OR started_at >= ?)".
inline void bind_filter(SQLite::Statement& q, const HistoryFilter& filter) {
  q.bind(1, filter.drill);
  q.bind(2, filter.drill);
  q.bind(3, filter.since);
  q.bind(4, filter.since);
}

}  // namespace pocket
