#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout, so `npx strata` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
