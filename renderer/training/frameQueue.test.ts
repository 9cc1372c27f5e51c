import { describe, expect, it } from 'vitest';
import { frameQueue, type Schedule } from './frameQueue.js';

/** A schedule driven by hand: `tick` runs what was scheduled since the last one. */
function manualSchedule() {
  let pending: (() => void)[] = [];
  const schedule: Schedule = (flush) => {
    pending.push(flush);
    return () => (pending = pending.filter((f) => f !== flush));
  };
  const tick = () => {
    const due = pending;
    pending = [];
    due.forEach((flush) => flush());
  };
  return { schedule, tick, waiting: () => pending.length };
}

describe('frameQueue', () => {
  it('hands over everything that arrived before a frame together, in order, once', () => {
    const { schedule, tick, waiting } = manualSchedule();
    const flushed: number[][] = [];
    const push = frameQueue<number>((items) => flushed.push(items), schedule);
    push(1);
    push(2);
    push(3);
    expect(flushed).toEqual([]);
    expect(waiting()).toBe(1);
    tick();
    expect(flushed).toEqual([[1, 2, 3]]);
    tick();
    expect(flushed).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch for items that arrive after a flush', () => {
    const { schedule, tick } = manualSchedule();
    const flushed: string[][] = [];
    const push = frameQueue<string>((items) => flushed.push(items), schedule);
    push('a');
    tick();
    push('b');
    push('c');
    tick();
    expect(flushed).toEqual([['a'], ['b', 'c']]);
  });
});
