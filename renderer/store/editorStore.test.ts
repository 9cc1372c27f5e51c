import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../document/fragment.js';
import { blankProject } from '../document/project.js';
import { activeModel } from './documentSlice.js';
import { createEditorStore, isDirty } from './editorStore.js';

function editorWith(...kinds: string[]) {
  const store = createEditorStore();
  store.getState().showEditor(blankProject(), { path: '/p.strata', stamp: 's', clean: true });
  const ids = kinds.map((kind, i) => store.getState().addNode(kind, { x: 0, y: i * 100 }).id);
  return {
    store,
    ids,
    model: () => activeModel(store.getState().doc, store.getState().activeModelId),
  };
}

const labels = (store: ReturnType<typeof createEditorStore>) =>
  store.getState().history.past.map((s) => s.label);

describe('editor store', () => {
  it('labels an added layer by its kind and undoes it', () => {
    const { store, model } = editorWith('Conv2D');
    expect(labels(store)).toEqual(['Add Conv2D']);
    store.getState().undo();
    expect(model().nodes).toEqual([]);
    store.getState().redo();
    expect(model().nodes.map((n) => n.kind)).toEqual(['Conv2D']);
  });

  it('records a whole drag as one step', () => {
    const { store, ids, model } = editorWith('Dense');
    const move = (x: number, dragging: boolean): NodeChange =>
      ({ type: 'position', id: ids[0], position: { x, y: 0 }, dragging }) as NodeChange;
    for (const x of [10, 20, 30]) store.getState().applyNodeChanges([move(x, true)]);
    store.getState().applyNodeChanges([move(40, false)]);
    expect(labels(store)).toEqual(['Add Dense', 'Move layer']);
    expect(model().nodes[0].position.x).toBe(40);
    store.getState().undo();
    expect(model().nodes[0].position.x).toBe(0);
  });

  it('keeps selection out of history, so selecting does not clear redo', () => {
    const { store, ids } = editorWith('Dense', 'Dropout');
    store.getState().undo();
    store.getState().applyNodeChanges([{ type: 'select', id: ids[0], selected: true }]);
    expect(store.getState().selection.nodes).toEqual([ids[0]]);
    expect(store.getState().history.future).toHaveLength(1);
  });

  it('makes typing into one field a single step', () => {
    const { store, ids, model } = editorWith('Dense');
    for (const units of [1, 12, 128]) store.getState().setParam(ids[0], 'units', units);
    expect(labels(store)).toEqual(['Add Dense', 'Change units']);
    expect(model().nodes[0].params.units).toBe(128);
  });

  it('is dirty after an edit and clean again once undone to the saved document', () => {
    const { store } = editorWith();
    expect(isDirty(store.getState())).toBe(false);
    store.getState().addNode('Dense', { x: 0, y: 0 });
    expect(isDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
  });

  it('infers the shape a new connection carries', () => {
    const { store, ids } = editorWith('Input', 'Flatten');
    const result = store
      .getState()
      .connect({ source: ids[0], target: ids[1], targetHandle: 'in-0' });
    expect(result.ok).toBe(true);
    // Input defaults to 28×28×1, and Flatten yields their product.
    expect(store.getState().analysis.nodes.get(ids[1])?.shape).toEqual([28 * 28 * 1]);
  });

  it('replaces the edge into a used input as one undoable step', () => {
    const { store, ids, model } = editorWith('Input', 'Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[2], targetHandle: 'in-0' });
    const result = store
      .getState()
      .connect({ source: ids[1], target: ids[2], targetHandle: 'in-0' });
    expect(result.ok).toBe(true);
    expect(model().edges.map((e) => e.source)).toEqual([ids[1]]);
    expect(labels(store).at(-1)).toBe("Replace Dense 1's input by Input 2");
    store.getState().undo();
    expect(model().edges.map((e) => e.source)).toEqual([ids[0]]);
  });

  it('refuses drawing an edge that is already there', () => {
    const { store, ids } = editorWith('Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1], targetHandle: 'in-0' });
    const again = store
      .getState()
      .connect({ source: ids[0], target: ids[1], targetHandle: 'in-0' });
    expect(again).toMatchObject({ ok: false, reason: expect.stringContaining('already feeds') });
  });

  it('numbers default names per kind', () => {
    const { model } = editorWith('Dense', 'Dropout', 'Dense');
    expect(model().nodes.map((n) => n.name)).toEqual(['Dense 1', 'Dropout 1', 'Dense 2']);
  });

  it('splices a layer dropped on an edge into it, as one step', () => {
    const { store, ids, model } = editorWith('Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1] });
    const edge = model().edges[0].id;
    const drop = store.getState().addNode('Dropout', { x: 0, y: 50 }, {}, { onEdge: edge });
    const wires = model().edges.map((e) => `${e.source}>${e.target}`);
    expect(wires.sort()).toEqual([`${ids[0]}>${drop.id}`, `${drop.id}>${ids[1]}`].sort());
    expect(labels(store).at(-1)).toBe('Insert Dropout');
    store.getState().undo();
    expect(model().nodes).toHaveLength(2);
    expect(model().edges.map((e) => e.id)).toEqual([edge]);
  });

  it('adds a layer after the selected one, fed by it and feeding its consumers', () => {
    const { store, ids, model } = editorWith('Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1] });
    const added = store.getState().addAfter('Dropout', ids[0])!;
    const wires = model().edges.map((e) => `${e.source}>${e.target}`);
    expect(wires.sort()).toEqual([`${ids[0]}>${added.id}`, `${added.id}>${ids[1]}`].sort());
    expect(store.getState().selection.nodes).toEqual([added.id]);
    expect(labels(store).at(-1)).toBe('Add Dropout after Input 1');
  });

  it('refuses an edge that would close a loop', () => {
    const { store, ids } = editorWith('Dense', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1], targetHandle: 'in-0' });
    const result = store
      .getState()
      .connect({ source: ids[1], target: ids[0], targetHandle: 'in-0' });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('cycle') });
  });

  it('deletes a layer with its edges in one step', () => {
    const { store, ids, model } = editorWith('Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1] });
    store.getState().select([ids[0]]);
    store.getState().deleteSelection();
    expect(model().nodes.map((n) => n.id)).toEqual([ids[1]]);
    expect(model().edges).toEqual([]);
    expect(labels(store).at(-1)).toBe('Delete Input 1');
  });

  it('pastes copied layers with fresh ids and their edge between them', () => {
    const { store, ids, model } = editorWith('Input', 'Dense');
    store.getState().connect({ source: ids[0], target: ids[1] });
    store.getState().select(ids);
    const copied = parseFragment(JSON.stringify(store.getState().copySelection()))!;
    store.getState().paste(copied, { x: 40, y: 40 });
    const pasted = store.getState().selection.nodes;
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => ids.includes(id))).toBe(false);
    const edge = model().edges.find((e) => e.target === pasted[1]);
    expect(edge?.source).toBe(pasted[0]);
  });
});
