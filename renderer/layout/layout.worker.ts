/// <reference lib="webworker" />
import { autoLayout, type LayoutInput } from './autoLayout.js';

/** Lays out graphs off the UI thread: one request in, its positions (or its error) out. */
self.onmessage = async (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data;
  try {
    const positions = await autoLayout(input);
    self.postMessage({ id, positions: [...positions] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
