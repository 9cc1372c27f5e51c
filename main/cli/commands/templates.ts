import { templates } from '../../../shared/templates/index.js';
import { EXIT, type CliIo } from '../io.js';

/** `strata templates`: each built-in template's name and description. */
export function templatesCommand(io: CliIo): number {
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const t of templates) io.out(`${t.name.padEnd(width)}  ${t.description}`);
  return EXIT.ok;
}
