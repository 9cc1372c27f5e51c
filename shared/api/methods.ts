import type { EventChannel, RequestChannel } from './contract.js';

/**
 * Every request channel, as a run-time list for the preload, which builds one method per entry.
 * Kept free of run-time imports so the sandboxed preload bundles it without zod; the type-level
 * test in methods.test.ts fails when this list and the contract drift apart.
 */
export const requestChannels = [
  'renderer:app.info',
  'renderer:templates.list',
  'renderer:templates.create',
  'renderer:files.list',
  'renderer:project.open',
  'renderer:project.save',
  'renderer:project.recent',
  'renderer:recovery.write',
  'renderer:recovery.list',
  'renderer:recovery.discard',
  'renderer:window.state',
  'renderer:training.start',
  'renderer:training.control',
  'renderer:runs.list',
  'renderer:runs.log',
  'renderer:runs.update',
  'renderer:runs.delete',
  'renderer:runs.snapshot',
  'renderer:datasets.list',
  'renderer:backends.describe',
  'renderer:model.predict',
  'renderer:model.inspect',
  'renderer:export.run',
  'renderer:data.inspect',
  'renderer:data.cancel',
  'renderer:data.csvPreview',
  'renderer:data.browse',
  'renderer:data.pick',
] as const satisfies readonly RequestChannel[];

/** Every event channel, for transports that check an event name at run time. */
export const eventChannels = [
  'main:menu.command',
  'main:project.changedOnDisk',
  'main:project.openPath',
  'main:training.event',
  'main:export.progress',
  'main:data.progress',
] as const satisfies readonly EventChannel[];

/** `renderer:project.open` → `project.open`: the client's method name for a request channel. */
export type MethodOf<C extends RequestChannel> = C extends `renderer:${infer M}` ? M : never;

/** The name of one client method. */
export type MethodName = MethodOf<RequestChannel>;

/** The client's method name for a channel. */
export function methodOf<C extends RequestChannel>(channel: C): MethodOf<C> {
  return channel.slice('renderer:'.length) as MethodOf<C>;
}
