#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx verbatim …` works in the repo without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
