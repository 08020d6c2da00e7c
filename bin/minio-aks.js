#!/usr/bin/env node
'use strict';
// Runs the compiled CLI after `npm run build`; in a fresh clone (only `npm ci`) it transpiles the TypeScript
// sources in memory instead, so the tool works without a build step.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'build', 'lib', 'kms', 'cli.js');

function loadFromSource() {
  const { transformSync } = require('esbuild');
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename });
    module._compile(code, filename);
  };
  return require(path.join(root, 'lib', 'kms', 'cli.ts'));
}

const { runKmsCli } = fs.existsSync(compiled) ? require(compiled) : loadFromSource();
process.exitCode = runKmsCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
