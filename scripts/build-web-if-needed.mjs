// Builds the web app when web/dist is missing or older than its sources, so that
// `npm start` and `npm test` work straight after `npm install`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');
const built = path.join(webDir, 'dist', 'index.html');

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (!fs.existsSync(webDir)) process.exit(0);
if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSourceTime(webDir)) process.exit(0);
console.log('正在构建网页 / building the web app …');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
