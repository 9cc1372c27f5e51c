import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BLOCK_KIND } from '../../shared/graph/document.js';
import { isLayerKind, layerDefinition } from '../../shared/layers/catalogue.js';
import { formatShape } from '../../shared/layers/shape.js';
import { isNumberedName } from '../document/names.js';
import { portHandle } from '../document/ports.js';
import type { LayerFlowNode } from '../hooks/useFlowElements.js';
import { useEditor } from '../store/editorStore.js';
import { nodeFacts } from './analysisFacts.js';
import { nodeWidth } from '../layout/nodeSize.js';
import { compactNumber, keyParams } from './nodeSummary.js';

/** A layer on the canvas: name, key parameters, output shape, parameter count and problems. */
function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { node, ports, hasOutput } = data;
  // Narrow and stable: this node re-renders when its own facts change, not on every analysis.
  const { info, problems } = useEditor((s) => nodeFacts(s.analysis, id));
  const blockName = useEditor((s) =>
    node.kind === BLOCK_KIND
      ? s.doc.blocks.find((b) => b.id === node.params.block)?.name
      : undefined,
  );
  const definition = isLayerKind(node.kind) ? layerDefinition(node.kind) : undefined;
  const family = definition?.family ?? (node.kind === BLOCK_KIND ? 'block' : 'unknown');
  const kindLabel = definition?.label ?? blockName ?? node.kind;
  const title = node.name ?? kindLabel;
  const errors = problems.filter((p) => p.severity === 'error').length;
  // A Block node's only parameter is its block's id, which the title already names.
  const params = node.kind === BLOCK_KIND ? [] : keyParams(info?.params ?? node.params);
  // A fixed width (wider for many named ports) so layouts computed before measuring match.
  const width = nodeWidth(ports);
  const count = info?.counts ? info.counts.trainable + info.counts.nonTrainable : undefined;

  return (
    <div
      className={`layer-node family-${family}${selected ? ' selected' : ''}${errors ? ' has-error' : problems.length ? ' has-warning' : ''}`}
      data-testid="layer-node"
      data-kind={node.kind}
      aria-label={`${title} layer`}
      style={{ width }}
    >
      {ports.map((name, port) => (
        <Handle
          key={port}
          type="target"
          position={Position.Top}
          id={portHandle(port)}
          title={name}
          aria-label={`${title} ${name}`}
          style={{ left: `${((port + 1) / (ports.length + 1)) * 100}%` }}
        />
      ))}
      {ports.length > 1 && (
        <div className="port-names">
          {ports.map((name, port) => (
            <span key={port} style={{ left: `${((port + 1) / (ports.length + 1)) * 100}%` }}>
              {name}
            </span>
          ))}
        </div>
      )}
      <div className="layer-node-header">
        <span className="family-dot" />
        <span className="layer-node-title" title={title}>
          {title}
        </span>
        {node.name && node.name !== kindLabel && !isNumberedName(node.name, kindLabel) && (
          <span className="layer-node-kind">{kindLabel}</span>
        )}
        {problems.length > 0 && (
          <span
            className={`diagnostic-badge ${errors ? 'error' : 'warning'}`}
            role="img"
            aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}
            title={problems.map((p) => `${p.message} ${p.hint}`).join('\n')}
            data-testid="diagnostic-badge"
          >
            {problems.length}
          </span>
        )}
      </div>
      {params.length > 0 && (
        <div className="layer-node-params">
          {params.map((p) => (
            <span key={p} title={p}>
              {p}
            </span>
          ))}
        </div>
      )}
      <div className="layer-node-footer">
        <span className="layer-node-shape" data-testid="node-shape">
          {info?.shape ? formatShape(info.shape) : '—'}
        </span>
        {count !== undefined && count > 0 && (
          <span className="layer-node-count" title={`${count.toLocaleString()} parameters`}>
            {compactNumber(count)} params
          </span>
        )}
      </div>
      {hasOutput && (
        <Handle type="source" position={Position.Bottom} id="out" aria-label={`${title} output`} />
      )}
    </div>
  );
}

/** Memoised: React Flow re-renders a node only when its own props change. */
export const LayerNode = memo(LayerNodeView);
