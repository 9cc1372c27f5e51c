import { v1ToV2 } from './migrations/v1-to-v2.js';
import { v2ToV3 } from './migrations/v2-to-v3.js';

/** A document as parsed JSON, before it is validated. */
export type RawDocument = Record<string, unknown>;

/**
 * Upgrades a document from format `from` to `from + 1`. Steps see unvalidated JSON, so they must
 * not throw on odd input: they move what they find and leave validation to the loader.
 */
export interface MigrationStep {
  from: number;
  /** What changed in this version, for the changelog and test names. */
  describe: string;
  up(doc: RawDocument): RawDocument;
}

/** Every up-step, in order; step `i` upgrades format `i + 1`. Add one per format change. */
export const migrations: readonly MigrationStep[] = [v1ToV2, v2ToV3];

/** The versions whose steps ran, in order, and the upgraded document. */
export interface Migrated {
  doc: RawDocument;
  applied: number[];
}

/** Runs every step from the document's version up to `target`, one version at a time. */
export function migrate(doc: RawDocument, from: number, target: number): Migrated {
  const applied: number[] = [];
  let current = doc;
  for (let version = from; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    // A gap in the registry is a programming error, caught by the registry test.
    if (!step) throw new Error(`No migration from format version ${version}.`);
    current = { ...step.up(current), formatVersion: version + 1 };
    applied.push(version);
  }
  return { doc: current, applied };
}
