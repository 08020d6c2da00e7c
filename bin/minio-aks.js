#!/usr/bin/env node
'use strict';
// The installed command runs the compiled library only: nothing from devDependencies is loaded at run time.
// In a checkout, `npm ci` builds dist-lib/ through the `prepare` script (`npm run build` refreshes it).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist-lib', 'kms', 'cli.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write("minio-aks: the compiled library (dist-lib/) is missing: run 'npm run build' in this checkout\n");
  process.exit(3);
}
const { runKmsCli } = require(compiled);
const { version } = require(path.join(root, 'package.json'));
process.exitCode = runKmsCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}, { version });
