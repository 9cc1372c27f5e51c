import { LAYER_FAMILIES, type LayerFamily } from '../../shared/layers/definition.js';
import { LAYER_KINDS, layerDefinition, type LayerKind } from '../../shared/layers/catalogue.js';

/** The palette's headings, one per family. */
export const FAMILY_LABELS: Record<LayerFamily, string> = {
  io: 'Input & output',
  core: 'Core',
  activation: 'Activation',
  reshape: 'Reshape',
  convolution: 'Convolution',
  pooling: 'Pooling',
  normalization: 'Normalization',
  embedding: 'Embedding',
  recurrent: 'Recurrent',
  attention: 'Attention',
  transformer: 'Transformer',
  merge: 'Merge',
};

/** Catalogue kinds matching a search (label, kind or docs), grouped by family in palette order. */
export function paletteGroups(search: string): { family: LayerFamily; kinds: LayerKind[] }[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (kind: LayerKind) => {
    const { label, docs } = layerDefinition(kind);
    const text = `${kind} ${label} ${docs}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return LAYER_FAMILIES.map((family) => ({
    family,
    kinds: LAYER_KINDS.filter((k) => layerDefinition(k).family === family && matches(k)),
  })).filter((group) => group.kinds.length > 0);
}
