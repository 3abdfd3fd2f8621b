-- A history file as pocket wrote it at schema version 1 (before notes, drill fingerprints,
-- click_heard and goals), frozen as SQL text: the store tests load it and open it with
-- today's SessionStore, which must migrate it with its data. Do not regenerate it from
-- the current schema: it is what old files on players' disks look like.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  drill TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  audio_device TEXT NOT NULL DEFAULT '',
  midi_port TEXT NOT NULL DEFAULT '',
  output_latency_ms REAL NOT NULL DEFAULT 0,
  calibration_ms REAL NOT NULL DEFAULT 0,
  input_latency_ms REAL NOT NULL DEFAULT 0,
  precision_bound_ms REAL NOT NULL DEFAULT 0,
  bpm_low REAL NOT NULL DEFAULT 0,
  bpm_high REAL NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'running',
  summary TEXT NOT NULL DEFAULT '',
  verdict TEXT NOT NULL DEFAULT ''
);
CREATE TABLE ladder_steps (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  bpm REAL NOT NULL,
  bars INTEGER NOT NULL,
  complete INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  missed INTEGER NOT NULL,
  mean_offset_ms REAL NOT NULL,
  sd_offset_ms REAL NOT NULL,
  slots_within_25ms REAL NOT NULL,
  first_bar INTEGER NOT NULL,
  PRIMARY KEY (session_id, step)
);
CREATE TABLE strokes (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  frame INTEGER NOT NULL,
  seconds REAL NOT NULL,
  pad TEXT NOT NULL,
  velocity INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  bar INTEGER NOT NULL,
  offset_ms REAL NOT NULL,
  matched INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strokes_by_session ON strokes(session_id, seconds);
PRAGMA user_version = 1;

-- A finished ladder of two steps, with four strokes (one of them extra).
INSERT INTO sessions (id, started_at, ended_at, drill, settings, audio_device, midi_port,
  output_latency_ms, calibration_ms, input_latency_ms, precision_bound_ms, bpm_low, bpm_high,
  status, summary, verdict)
VALUES (1, '2026-10-01T09:00:00Z', '2026-10-01T09:12:30Z', 'ladder',
  '{"bpm": 88, "meter": "4/4", "grid": 8}', 'JACK / system', 'TD-17 MIDI 1', 6.4, -3.5, 1.25,
  2.67, 88, 96, 'finished', '{"hits": 3}', 'stopped early: still at 91 % at 96 BPM');
INSERT INTO ladder_steps (session_id, step, bpm, bars, complete, passed, hits, missed,
  mean_offset_ms, sd_offset_ms, slots_within_25ms, first_bar)
VALUES (1, 0, 88, 4, 1, 1, 30, 2, 3.5, 7.25, 0.875, 0),
       (1, 1, 96, 4, 0, 0, 12, 5, -4.0, 11.5, 0.5, 4);
INSERT INTO strokes (session_id, frame, seconds, pad, velocity, slot, bar, offset_ms, matched)
VALUES (1, 48216, 1.0045, 'snare', 100, 2, 0, 4.5, 1),
       (1, 48000, 1.0, 'kick', 90, 2, 0, 0.0, 1),
       (1, 64536, 1.3445, 'snare', 64, 3, 0, -19.0, 1),
       (1, 48720, 1.015, 'snare', 80, 2, 0, 15.0, 0);

-- A session that never finished (a crash): its strokes stay.
INSERT INTO sessions (id, started_at, drill, bpm_low, bpm_high)
VALUES (2, '2026-10-03T18:30:00Z', 'play', 120, 120);
INSERT INTO strokes (session_id, frame, seconds, pad, velocity, slot, bar, offset_ms)
VALUES (2, 96000, 2.0, 'hihat', 70, 4, 1, -2.5);
