"""Reads a MusicXML file with music21 and prints what it found as JSON, for NotationTests.

Per part: notes and chords with tied notes merged (offset and length in quarter notes from the start,
MIDI pitches), drum strokes (unpitched), rests' total length, every measure's length, the chord symbols
(root, bass, pitch classes), key signatures, time signatures and metronome marks.
"""
import json
import sys

from music21 import converter, harmony, note, chord, percussion, tempo, key, meter, expressions


def describe(path):
    score = converter.parse(path, format="musicxml")
    out = {"parts": []}
    for part in score.parts:
        flat = part.flatten()
        notes = []
        for element in part.stripTies().flatten().notes:
            if isinstance(element, harmony.ChordSymbol):
                continue
            if isinstance(element, (note.Unpitched, percussion.PercussionChord)):
                notes.append({"offset": float(element.offset), "length": float(element.quarterLength),
                              "pitches": [], "unpitched": True})
                continue
            pitches = [p.midi for p in element.pitches]
            notes.append({"offset": float(element.offset), "length": float(element.quarterLength),
                          "pitches": sorted(pitches), "names": [p.nameWithOctave for p in element.pitches],
                          "unpitched": False})
        symbols = []
        for cs in flat.getElementsByClass(harmony.ChordSymbol):
            symbols.append({"offset": float(cs.offset), "root": cs.root().name,
                            "bass": cs.bass().name if cs.bass() is not None else None,
                            "pitchClasses": sorted({p.pitchClass for p in cs.pitches}),
                            "figure": cs.figure})
        measures = [float(m.duration.quarterLength) for m in part.getElementsByClass("Measure")]
        bars = []
        for m in part.getElementsByClass("Measure"):
            ts = m.timeSignature or m.getContextByClass(meter.TimeSignature)
            bars.append({"length": float(m.duration.quarterLength),
                         "expected": float(ts.barDuration.quarterLength) if ts else None})
        keys = [{"sharps": k.sharps, "offset": float(k.offset)} for k in flat.getElementsByClass(key.KeySignature)]
        times = [m.ratioString for m in flat.getElementsByClass(meter.TimeSignature)]
        tempos = [{"number": float(t.number), "unit": t.referent.type, "dots": t.referent.dots}
                  for t in flat.getElementsByClass(tempo.MetronomeMark) if t.number is not None]
        rehearsals = [r.content for r in flat.getElementsByClass(expressions.RehearsalMark)]
        out["parts"].append({"name": part.partName, "notes": notes, "chordSymbols": symbols, "bars": bars,
                             "keys": keys, "times": times, "tempos": tempos, "rehearsals": rehearsals})
    return out


if __name__ == "__main__":
    print(json.dumps(describe(sys.argv[1])))
