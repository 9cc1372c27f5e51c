import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel } from '../../../shared/api/contract.js';
import { fixtureFiles } from '../../../shared/project/fixtures.js';
import { loadProject } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { RecoveryStore } from '../recovery/recovery-store.js';
import { RecentFiles } from '../storage/recent-files.js';
import type { TemplateSource } from '../templates/template-source.js';
import { confinedPaths } from '../workspace/paths.js';
import type { SessionHost } from './session.js';

/** The current-format fixture as a loaded project, for tests that need a valid document. */
export function sampleProject(): Project {
  const fixture = fixtureFiles.find((f) => f.version === 2);
  const loaded = fixture && loadProject(fixture.text);
  if (!loaded?.ok) throw new Error('the v2 project fixture no longer loads');
  return loaded.project;
}

/** Two fixed templates, so tests do not depend on the built-in list. */
export const testTemplates: TemplateSource = {
  list: () => [{ name: 'mlp', title: 'Digits MLP', description: 'A small classifier.' }],
  create: (name) => (name === 'mlp' ? sampleProject() : undefined),
};

/** A host for `strata serve`-like sessions in a fresh temporary folder, and its cleanup. */
export async function temporaryHost(overrides: Partial<SessionHost> = {}) {
  const base = await mkdtemp(join(tmpdir(), 'strata-services-'));
  const folder = join(base, 'work');
  const userData = join(base, 'user');
  const events: { event: EventChannel; payload: unknown }[] = [];
  const host: SessionHost = {
    transport: 'websocket',
    version: '9.9.9-test',
    paths: confinedPaths(folder),
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
    templates: testTemplates,
    dialogs: null,
    emit: (event, payload) => events.push({ event, payload }),
    checkResponses: true,
    ...overrides,
  };
  return {
    host,
    base,
    folder,
    userData,
    events,
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}
