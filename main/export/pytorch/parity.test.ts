import { templates } from '../../../shared/templates/index.js';
import { parityCase } from './parity-harness.js';
import { paritySuite } from './parity-suite.js';

paritySuite('PyTorch export of every template', () =>
  templates.flatMap((t) =>
    t.project.models.map((m) => parityCase(`${t.name}/${m.id}`, t.project, m)),
  ),
);
