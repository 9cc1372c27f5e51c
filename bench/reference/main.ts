/// <reference lib="dom" />
// The editor benchmark's reference: React Flow itself, as its docs set it up (controlled nodes,
// default node and edge types, no Strata code), on the nodes and edges the benchmark hands it.
import {
  applyNodeChanges,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** What the benchmark serves as `graph.json`. */
interface Graph {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
  minZoom: number;
}

function Flow({ graph }: { graph: Graph }) {
  const [nodes, setNodes] = useState<Node[]>(() =>
    graph.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      data: { label: n.label },
      ariaLabel: `${n.label} layer`,
    })),
  );
  const [edges] = useState<Edge[]>(() => graph.edges.map((e) => ({ ...e })));
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return createElement(ReactFlow, {
    nodes,
    edges,
    onNodesChange,
    fitView: true,
    minZoom: graph.minZoom,
  });
}

const graph = (await (await fetch('./graph.json')).json()) as Graph;
createRoot(document.getElementById('root')!).render(
  createElement(ReactFlowProvider, null, createElement(Flow, { graph })),
);
