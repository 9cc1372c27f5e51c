import { memo, useMemo } from 'react';
import { BLOCK_KIND, type GraphNode } from '../../shared/graph/document.js';
import { isLayerKind, layerDefinition } from '../../shared/layers/catalogue.js';
import { formatShape } from '../../shared/layers/shape.js';
import { expandBlock } from '../actions/blocks.js';
import { nodeDiagnostics } from '../canvas/nodeSummary.js';
import { paramFields } from '../forms/paramFields.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { InsightSection } from '../inspection/InsightSection.js';
import { DiagnosticItem } from './DiagnosticItem.js';
import { ParamField } from './ParamField.js';

/** Name, parameters, shape, counts and problems of one layer. */
function NodeInspectorView({ node }: { node: GraphNode }) {
  const analysis = useEditor((s) => s.analysis);
  const block = useEditor((s) =>
    node.kind === BLOCK_KIND ? s.doc.blocks.find((b) => b.id === node.params.block) : undefined,
  );
  const definition = isLayerKind(node.kind) ? layerDefinition(node.kind) : undefined;
  const fields = useMemo(() => (definition ? paramFields(definition.params) : []), [definition]);
  const info = analysis.nodes.get(node.id);
  const problems = nodeDiagnostics(analysis.diagnostics, node.id);
  const store = editorStore.getState();
  const title = definition?.label ?? block?.name ?? node.kind;

  return (
    <div className="inspector-body" key={node.id}>
      <h2 className="inspector-title">{title}</h2>
      <p className="inspector-docs">
        {definition?.docs ??
          (block
            ? `A reusable block of ${block.nodes.length - block.inputs.length} layers.`
            : 'Unknown layer kind.')}
      </p>
      <div className="param-field">
        <label htmlFor="node-name" className="param-label">
          Name
        </label>
        <input
          id="node-name"
          value={node.name ?? ''}
          placeholder={title}
          onChange={(e) => store.renameNode(node.id, e.target.value)}
        />
      </div>
      {definition &&
        fields.map((field) => (
          <ParamField
            key={`${node.id}-${field.name}`}
            idPrefix={`param-${node.id}`}
            schema={definition.params}
            field={field}
            value={node.params[field.name] ?? info?.params?.[field.name] ?? field.default}
            onCommit={(value) => store.setParam(node.id, field.name, value)}
          />
        ))}
      {block && (
        <button type="button" onClick={() => expandBlock(node.id)}>
          Expand block
        </button>
      )}
      <dl className="inspector-facts">
        <dt>Output</dt>
        <dd data-testid="inspector-shape">{info?.shape ? formatShape(info.shape) : 'unknown'}</dd>
        <dt>Parameters</dt>
        <dd>
          {info?.counts
            ? `${info.counts.trainable.toLocaleString()} trainable, ${info.counts.nonTrainable.toLocaleString()} non-trainable`
            : '—'}
        </dd>
        <dt>MACs</dt>
        <dd>{info?.macs !== undefined ? info.macs.toLocaleString() : '—'}</dd>
      </dl>
      {problems.length > 0 && (
        <ul className="inspector-problems" aria-label="Problems with this layer">
          {problems.map((p, i) => (
            <DiagnosticItem key={i} diagnostic={p} />
          ))}
        </ul>
      )}
      {definition && <InsightSection nodeId={node.id} />}
    </div>
  );
}

/** What the inspector shows of a node: dragging it (a new position every frame) changes none of it. */
const sameShown = (a: { node: GraphNode }, b: { node: GraphNode }) =>
  a.node.id === b.node.id &&
  a.node.kind === b.node.kind &&
  a.node.name === b.node.name &&
  a.node.params === b.node.params;

/** Memoised: the inspector is not redrawn on every frame of a drag. */
export const NodeInspector = memo(NodeInspectorView, sameShown);
