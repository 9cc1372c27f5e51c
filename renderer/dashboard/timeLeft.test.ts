import { describe, expect, it } from 'vitest';
import { formatDuration, secondsLeft } from './timeLeft.js';

describe('secondsLeft', () => {
  it('extrapolates the pace so far to the steps still to do', () => {
    // 30 steps in 60 s is 2 s a step; 70 steps remain.
    expect(secondsLeft(30, 100, 60)).toBe(140);
  });

  it('has no estimate before the first step, and none below zero once done', () => {
    expect(secondsLeft(0, 100, 5)).toBeUndefined();
    expect(secondsLeft(10, 100, 0)).toBeUndefined();
    expect(secondsLeft(120, 100, 60)).toBe(0);
  });
});

describe('formatDuration', () => {
  it('reads at a glance', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});
