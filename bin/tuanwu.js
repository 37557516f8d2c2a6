#!/usr/bin/env node
// Entry point of the `tuanwu` command. The sources are TypeScript run through tsx,
// so there is no separate build step between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
