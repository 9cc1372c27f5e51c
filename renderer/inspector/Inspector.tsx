import { formatShape } from '../../shared/layers/shape.js';
import { groupSelection } from '../actions/blocks.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { NodeInspector } from './NodeInspector.js';

/** The right-hand panel: what is selected, or the model when nothing is. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const model = useEditor((s) => activeModel(s.doc, s.activeModelId));
  const analysis = useEditor((s) => s.analysis);
  const single =
    selection.nodes.length === 1 ? model.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge =
    selection.nodes.length === 0 && selection.edges.length === 1
      ? model.edges.find((e) => e.id === selection.edges[0])
      : undefined;
  let body;
  if (single) {
    body = <NodeInspector node={single} />;
  } else if (selection.nodes.length > 1) {
    body = (
      <div className="inspector-body">
        <h2 className="inspector-title">{selection.nodes.length} layers selected</h2>
        <button type="button" onClick={() => groupSelection()}>
          Group into block
        </button>
      </div>
    );
  } else if (edge) {
    const shape = analysis.edges.get(edge.id) ?? analysis.nodes.get(edge.source)?.shape;
    body = (
      <div className="inspector-body">
        <h2 className="inspector-title">Connection</h2>
        <p className="inspector-docs">
          {edge.source} → {edge.target} (input {edge.targetPort + 1})
        </p>
        <dl className="inspector-facts">
          <dt>Tensor</dt>
          <dd>{shape ? formatShape(shape) : 'unknown'}</dd>
        </dl>
      </div>
    );
  } else {
    body = (
      <div className="inspector-body">
        <h2 className="inspector-title">Model</h2>
        <div className="param-field">
          <label htmlFor="model-name" className="param-label">
            Model name
          </label>
          <input
            id="model-name"
            value={model.name}
            onChange={(e) => editorStore.getState().renameModel(model.id, e.target.value)}
          />
        </div>
        <p className="inspector-docs">
          {model.nodes.length} layers, {model.edges.length} connections. Select a layer to edit it.
        </p>
      </div>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-heading">Inspector</div>
      {body}
    </aside>
  );
}
