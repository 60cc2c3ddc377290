import { describe, expect, it } from 'vitest';
import { covers, readWitness } from '../../../../src/engine/lineage/readings';

const ref =
  'I had a very close relationship with Jon. There was sort of like a mentor/protégé relationship there, very older brother, little sister.';

describe('readings of a wording against the reference', () => {
  it('codes a garble, a bracket, punctuation and a respelling at their places; two copies with the same change share the reading', () => {
    const thenews = readWitness(
      ref,
      'I have a very close relationship with Jon. There was sort of like a mentor-protegé relationship there, very older brother/little sister.',
    );
    const film = readWitness(
      ref,
      'I have a very close relationship with Jon [Hamm]. There was sort of like a mentor/protege relationship there, very older brother/little sister.',
    );
    const had = thenews.readings.get('w:1')!;
    expect(had).toMatchObject({ kind: 'garble', value: 'x:have', label: '“have” for “had”' });
    expect(film.readings.get('w:1')!.value).toBe(had.value);
    expect(film.readings.get('a:7')).toMatchObject({ kind: 'bracket', label: 'adds “[Hamm]”' });
    const slash = [...thenews.readings.values()].find((r) => r.label.includes('brother'))!;
    expect(slash.kind).toBe('punctuation');
    expect(film.readings.get(slash.at)!.value).toBe(slash.value);
    expect([...film.readings.values()].some((r) => r.kind === 'spelling' && r.label.startsWith('“protege”'))).toBe(true);
  });

  it('typography anyone normalises is a reading of its own kind, which weighs almost nothing', () => {
    const w = readWitness('He didn’t let go and then kissed it.', "He didn't let go and then kissed it.");
    expect([...w.readings.values()].map((r) => r.kind)).toEqual(['typography']);
    expect(readWitness('He didn’t let go.', 'He didn’t let go.').readings.size).toBe(0);
  });

  it('a cut quote covers only its span, and records where it starts or stops; an inner omission is one reading', () => {
    const w = readWitness('Like, that right there is the real Jon.', 'that right there is the real');
    expect(w.first).toBe(1);
    expect(w.last).toBe(6);
    expect(w.readings.get('start')!.kind).toBe('truncated');
    expect(w.readings.get('end')!.label).toBe('stops after “real”');
    expect(covers(w, 'w:0')).toBe(false);
    expect(covers(w, 'w:3')).toBe(true);
    const o = readWitness('There was sort of like a mentor relationship.', 'There was like a mentor relationship.');
    expect([...o.readings.values()]).toEqual([expect.objectContaining({ kind: 'omitted', value: 'o:2', label: 'omits “sort of”' })]);
  });

  it('an ellipsis where words were cut is its own reading', () => {
    const w = readWitness(
      'And so it meant something to us. That’s actually real tears.',
      'And so it meant something to us ... real tears.',
    );
    expect([...w.readings.values()].some((r) => r.kind === 'ellipsis')).toBe(true);
  });
});
