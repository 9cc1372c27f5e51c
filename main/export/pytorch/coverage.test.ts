import { templates } from '../../../shared/templates/index.js';
import { coverageGraphs } from './coverage-graphs.js';
import { parityCase } from './parity-harness.js';
import { paritySuite } from './parity-suite.js';

paritySuite('PyTorch export of every exportable kind', () =>
  Object.entries(coverageGraphs).map(([name, graph]) =>
    parityCase(name, templates[0].project, graph),
  ),
);
