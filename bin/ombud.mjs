#!/usr/bin/env node
// The `ombud` command. Runs the TypeScript sources through tsx so the CLI always matches the
// checked-out code without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/index.ts');
await main(process.argv);
