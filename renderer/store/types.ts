import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { ModelAnalysis } from '../../shared/graph/analyze.js';
import type { GraphNode, ModelGraph } from '../../shared/graph/document.js';
import type { ConnectionAttempt, ConnectionCheck } from '../document/connection.js';
import type { Fragment } from '../document/fragment.js';
import type { ProjectDoc } from '../document/project.js';
import type { History } from './history.js';

/** Options for an undoable edit. */
export interface EditOptions {
  /** Edits with the same key in quick succession are one undo step (typing in one field). */
  mergeKey?: string;
}

/** The document, its history, and the analysis of the model on screen. */
export interface DocumentSlice {
  doc: ProjectDoc;
  history: History<ProjectDoc>;
  activeModelId: string;
  /** Counts openings and model switches: the canvas fits its view once per value. */
  viewEpoch: number;
  analysis: ModelAnalysis;
  /** The document when the current drag began; a drag is one undo step. */
  dragStart?: ProjectDoc;
  /** Replaces the document as one labelled undo step. */
  commit(label: string, change: (doc: ProjectDoc) => ProjectDoc, options?: EditOptions): void;
  /** Edits the active model as one labelled undo step. */
  editModel(label: string, change: (graph: ModelGraph) => ModelGraph, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  setActiveModel(id: string): void;
  /** Starts over with a document, history and selection cleared (open, new, recover). */
  replaceDocument(doc: ProjectDoc): void;
}

/** What is selected and how big React Flow measured each node: never in undo history. */
export interface ViewSlice {
  selection: { nodes: string[]; edges: string[] };
  measured: Record<string, { width: number; height: number }>;
  select(nodes: string[], edges?: string[]): void;
  selectAll(): void;
  applyNodeChanges(changes: NodeChange[]): void;
  applyEdgeChanges(changes: EdgeChange[]): void;
}

/** The edits the canvas, palette and inspector make. */
export interface EditSlice {
  /**
   * Adds a layer named like Keras (`Dense 2`); `onEdge` splices it into that edge, `after` feeds
   * it from that node and hands it that node's consumers. One undo step either way.
   */
  addNode(
    kind: string,
    position: { x: number; y: number },
    params?: Record<string, unknown>,
    where?: { onEdge?: string; after?: string; shift?: number },
  ): GraphNode;
  /** Adds a layer below `afterId`, fed by it (the palette's "add after the selected layer"). */
  addAfter(kind: string, afterId: string, params?: Record<string, unknown>): GraphNode | undefined;
  connect(attempt: ConnectionAttempt): ConnectionCheck;
  deleteSelection(): void;
  duplicateSelection(): void;
  copySelection(): Fragment | undefined;
  paste(fragment: Fragment, offset: { x: number; y: number }): void;
  setParam(nodeId: string, param: string, value: unknown): void;
  renameNode(nodeId: string, name: string): void;
  moveAll(positions: ReadonlyMap<string, { x: number; y: number }>, label: string): void;
  addModel(): void;
  renameModel(id: string, name: string): void;
}

/** Where the document lives on disk and whether it changed since. */
export interface FileSlice {
  screen: 'start' | 'editor';
  path: string | null;
  stamp: string | null;
  /** The document as last saved or opened; the editor is dirty when it differs. */
  saved: ProjectDoc | null;
  /** Names this window's autosave in the recovery folder. */
  recoveryKey: string;
  showEditor(
    doc: ProjectDoc,
    file: { path: string | null; stamp: string | null; clean: boolean },
  ): void;
  markSaved(path: string, stamp: string, doc: ProjectDoc): void;
  showStart(): void;
}

export type EditorState = DocumentSlice & ViewSlice & EditSlice & FileSlice;
