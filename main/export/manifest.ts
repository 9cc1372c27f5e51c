import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { EXPORT_FORMATS } from './exporter.js';

/**
 * The file that marks a folder as a Strata export and lists what Strata wrote there: a later
 * export may replace such a folder (when the user agrees), and nothing else.
 */
export const MANIFEST_FILE = 'strata-export.json';

const manifestSchema = z.object({
  strataExport: z.literal(1),
  format: z.enum(EXPORT_FORMATS),
  /** The project file's name. */
  project: z.string(),
  models: z.array(z.string()),
  /** The run whose weights went out; null for untrained weights. */
  runId: z.string().nullable(),
  exportedAt: z.string(),
  /** Every file Strata wrote, relative to the folder with `/`, the manifest excepted. */
  files: z.array(z.string()),
});
export type ExportManifest = z.infer<typeof manifestSchema>;

/** Files the operating system drops into folders a person opened; never a person's work. */
export const SYSTEM_FILES: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Every file and link under `dir`, relative with `/`, system files left out; folders are walked. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory() && !SYSTEM_FILES.has(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Lists the folder's files into its manifest. */
export async function writeManifest(
  dir: string,
  about: Omit<ExportManifest, 'strataExport' | 'files' | 'exportedAt'>,
): Promise<ExportManifest> {
  const manifest: ExportManifest = {
    strataExport: 1,
    ...about,
    exportedAt: new Date().toISOString(),
    files: await listFiles(dir),
  };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The folder's manifest; null when it has none or one Strata cannot read. */
export async function readManifest(dir: string): Promise<ExportManifest | null> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
