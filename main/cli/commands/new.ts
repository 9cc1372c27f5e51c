import { access } from 'node:fs/promises';
import { PROJECT_EXTENSION } from '../../../shared/project/schema.js';
import { findTemplate, templates } from '../../../shared/templates/index.js';
import { writeProject } from '../../services/projects/files.js';
import { EXIT, type CliIo } from '../io.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** `strata new --template <name> <file>`: writes a template's project; never overwrites a file. */
export async function newCommand(
  file: string,
  options: { template: string },
  io: CliIo,
): Promise<number> {
  const chosen = findTemplate(options.template);
  if (!chosen) {
    io.err(
      `strata: no template "${options.template}". Templates: ${templates.map((t) => t.name).join(', ')}.`,
    );
    return EXIT.usage;
  }
  if (!file.endsWith(PROJECT_EXTENSION)) {
    io.err(`strata: project files end in ${PROJECT_EXTENSION}; try ${file}${PROJECT_EXTENSION}.`);
    return EXIT.usage;
  }
  if (await exists(file)) {
    io.err(`strata: ${file} already exists; choose another name or delete it first.`);
    return EXIT.failed;
  }
  const written = await writeProject(file, chosen.project);
  if (!written.ok) {
    io.err(`strata: ${written.message}`);
    return EXIT.failed;
  }
  io.out(`Created ${file} from the ${chosen.name} template.`);
  return EXIT.ok;
}
