#include "stroke_bars.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "stroke_packing.hpp"

namespace pocket {

void insert_stroke_bars(SQLite::Database& db, std::int64_t session,
                        std::span<const StoredStroke> strokes) {
  SQLite::Statement q(db, "INSERT INTO stroke_bars (session_id, strokes) VALUES (?, ?)");
  std::size_t first = 0;
  for (std::size_t i = 1; i <= strokes.size(); ++i) {
    if (i < strokes.size() && strokes[i].bar == strokes[first].bar) continue;
    const std::vector<std::uint8_t> packed = pack_strokes(strokes.subspan(first, i - first));
    q.bind(1, session);
    q.bind(2, packed.data(), static_cast<int>(packed.size()));
    q.exec();
    q.reset();
    first = i;
  }
}

}  // namespace pocket
