import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPathsFromArgv } from './launch.js';

describe('project files on the command line', () => {
  it('picks the .strata arguments, resolved against the launch folder, and skips flags', () => {
    const argv = [
      '/opt/Strata/strata',
      '--inspect',
      'a.strata',
      '/abs/B.STRATA',
      'notes.txt',
      '--x=y.strata',
    ];
    expect(projectPathsFromArgv(argv, '/home/u')).toEqual([
      resolve('/home/u', 'a.strata'),
      '/abs/B.STRATA',
    ]);
  });

  it('ignores the executable itself', () => {
    expect(projectPathsFromArgv(['/odd/name.strata'], '/')).toEqual([]);
  });
});
