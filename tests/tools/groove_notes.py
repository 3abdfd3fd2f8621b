#!/usr/bin/env python3
"""An independent reading of a groove and a recording of it, for pocket score --groove's test.

groove_notes.py GROOVE.mid RECORDING.mid NOTE:PAD,... [DOUBLE_MS]

Reads both Standard MIDI Files with nothing but the standard library (constant tempo: their
first tempo) and prints, as JSON, each expected note of the groove on the sixteenth grid
("pad position" -> {"due": N, "missed": M}) over the recording's bars from its first struck
expected note to its last. Notes not in the map and the hi-hat pedal (note 44) are left out of
the groove; a second note of a pad within DOUBLE_MS (10) of its last is a double trigger.
"""
import json
import struct
import sys


def read(path):
    data = open(path, "rb").read()
    _, tracks, division = struct.unpack(">HHH", data[8:14])
    at, notes, tempo, end = 14, [], None, 0
    for _ in range(tracks):
        length = struct.unpack(">I", data[at + 4:at + 8])[0]
        track, at = data[at + 8:at + 8 + length], at + 8 + length
        i = tick = 0
        status = None
        while i < len(track):
            delta, i = vlq(track, i)
            tick += delta
            if track[i] == 0xFF:
                kind = track[i + 1]
                size, j = vlq(track, i + 2)
                if kind == 0x51 and tempo is None:
                    tempo = int.from_bytes(track[j:j + 3], "big")
                if kind == 0x2F:
                    end = max(end, tick)
                i = j + size
            elif track[i] in (0xF0, 0xF7):
                size, j = vlq(track, i + 1)
                i = j + size
            else:
                if track[i] & 0x80:
                    status, i = track[i], i + 1
                width = 1 if status & 0xF0 in (0xC0, 0xD0) else 2
                if status & 0xF0 == 0x90 and track[i + 1] > 0:
                    notes.append((tick, track[i]))
                i += width
    notes.sort()
    return division, (tempo or 500000) / 1e6 / division, notes, end


def vlq(data, i):
    value = 0
    while True:
        value = (value << 7) | (data[i] & 0x7F)
        i += 1
        if data[i - 1] < 0x80:
            return value, i


def label(position):
    bar, slot = divmod(position, 16)
    return f"{bar + 1}:{slot // 4 + 1}{['', 'e', '&', 'a'][slot % 4]}"


def main():
    pads = dict((int(n), p) for n, p in (pair.split(":") for pair in sys.argv[3].split(",")))
    double_ms = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    division, _, groove_notes, groove_end = read(sys.argv[1])
    per_slot = division // 4
    bars = -(-(groove_end - division // 8) // (16 * per_slot))  # a tail under a 32nd is no bar
    positions = bars * 16
    expected = set()
    for tick, note in groove_notes:
        if note in pads and note != 44:
            expected.add((pads[note], round(tick / per_slot) % positions))

    division, seconds_per_tick, played, _ = read(sys.argv[2])
    per_slot = division // 4
    last, struck = {}, {}  # (pad or pedal) -> seconds; (pad, slot) -> distance in ticks
    for tick, note in played:
        if note not in pads:
            continue
        seconds, limb = tick * seconds_per_tick, (pads[note], note == 44)
        if seconds - last.get(limb, -1e9) < double_ms / 1000 - 1e-9:
            continue
        last[limb] = seconds
        slot = round(tick / per_slot)
        if (pads[note], slot % positions) in expected:
            struck[(pads[note], slot)] = True
    bars = [slot // 16 for _, slot in struck]
    result = {}
    for slot in range(min(bars) * 16, (max(bars) + 1) * 16):
        for pad, position in expected:
            if position == slot % positions:
                note = result.setdefault(f"{pad} {label(position)}", {"due": 0, "missed": 0})
                note["due"] += 1
                note["missed"] += (pad, slot) not in struck
    print(json.dumps(result, sort_keys=True))


main()
