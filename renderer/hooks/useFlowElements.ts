import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { GraphNode } from '../../shared/graph/document.js';
import { inputPorts, portHandle } from '../document/ports.js';
import { activeModel } from '../store/documentSlice.js';
import { useEditor } from '../store/editorStore.js';

/** Data a layer node draws: the document node and the names of its input ports. */
export type LayerNodeData = { node: GraphNode; ports: string[]; hasOutput: boolean };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type ShapeFlowEdge = Edge<{ port: number }, 'shape'>;

const samePorts = (a: string[], b: string[]) =>
  a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * React Flow's nodes and edges, derived from the store. A node object is reused while its
 * document node, ports, selection and size are unchanged, so React Flow and the memoised node
 * components skip untouched nodes.
 */
export function useFlowElements(): { nodes: LayerFlowNode[]; edges: ShapeFlowEdge[] } {
  const doc = useEditor((s) => s.doc);
  const activeId = useEditor((s) => s.activeModelId);
  const selection = useEditor((s) => s.selection);
  const measured = useEditor((s) => s.measured);
  const cache = useRef(new Map<string, LayerFlowNode>());
  // Ports depend on the edges and blocks; a drag or a parameter edit changes neither, so the
  // per-node port scan (which reads every edge) is skipped for them.
  const portsOf = useRef({ edges: null as unknown, blocks: null as unknown });
  const model = activeModel(doc, activeId);

  const nodes = useMemo(() => {
    const selected = new Set(selection.nodes);
    const next = new Map<string, LayerFlowNode>();
    const wiringSame =
      portsOf.current.edges === model.edges && portsOf.current.blocks === doc.blocks;
    portsOf.current = { edges: model.edges, blocks: doc.blocks };
    const list = model.nodes.map((node) => {
      const old = cache.current.get(node.id);
      const ports =
        wiringSame &&
        old &&
        old.data.node.kind === node.kind &&
        old.data.node.params === node.params
          ? old.data.ports
          : inputPorts(node, model, doc.blocks).names;
      const size = measured[node.id];
      if (
        old &&
        old.data.node === node &&
        samePorts(old.data.ports, ports) &&
        old.selected === selected.has(node.id) &&
        old.measured === size
      ) {
        next.set(node.id, old);
        return old;
      }
      const flowNode: LayerFlowNode = {
        id: node.id,
        type: 'layer',
        position: node.position,
        data: { node, ports, hasOutput: node.kind !== 'Output' },
        selected: selected.has(node.id),
        measured: size,
      };
      next.set(node.id, flowNode);
      return flowNode;
    });
    cache.current = next;
    return list;
  }, [model, doc.blocks, selection.nodes, measured]);

  const edges = useMemo(() => {
    const selected = new Set(selection.edges);
    return model.edges.map((edge): ShapeFlowEdge => ({
      id: edge.id,
      type: 'shape',
      source: edge.source,
      target: edge.target,
      sourceHandle: 'out',
      targetHandle: portHandle(edge.targetPort),
      selected: selected.has(edge.id),
      data: { port: edge.targetPort },
    }));
  }, [model.edges, selection.edges]);

  return { nodes, edges };
}
