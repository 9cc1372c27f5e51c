import type { z } from 'zod';
import { zodMessage } from '../graph/message-text.js';

/** Something wrong in a file, at a JSON path such as `models[0].nodes[3].position.x`. @public */
export interface LoadIssue {
  /** Empty when the problem is the file as a whole. */
  path: string;
  message: string;
}

/** `['models', 0, 'nodes', 3, 'position', 'x']` → `models[0].nodes[3].position.x`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Joins a parent path and a relative one: `models[0]` + `nodes[3]` → `models[0].nodes[3]`. */
export function joinPath(parent: string, child: string): string {
  if (parent === '') return child;
  if (child === '' || child.startsWith('[')) return parent + child;
  return `${parent}.${child}`;
}

/**
 * Zod issues as load issues under `prefix`, with zod's "Invalid input:" preamble dropped and its
 * "received undefined" (a field the file lacks) said as "missing".
 */
export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
  suffix = '',
): LoadIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: zodMessage(issue) + suffix,
  }));
}

/** `path: message`, or the message alone for whole-file problems. */
export function formatIssue(issue: LoadIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
