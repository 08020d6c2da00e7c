// `npm run validate [dir]`: strict schema validation of synthesized manifests (default dist/), the same check every
// construct test runs: core kinds against the Kubernetes 1.28 schemas, custom resources against the vendored
// CRDs, unknown fields are errors. Exits non-zero and lists every error when anything is off.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { bundleTypeScript } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? 'dist');
// Two levels below the root, like test/support/, because the validator finds schemas/ and crds/ from its own place.
const bundle = join(root, '.build', 'validate', 'strict-validator.cjs');
await bundleTypeScript(join(root, 'test', 'support', 'strict-validator.ts'), bundle, root);
const { validateManifests } = createRequire(join(root, 'package.json'))(bundle);

const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();
const manifests = files.flatMap((name) => parseAllDocuments(readFileSync(join(dir, name), 'utf8')).map((doc) => doc.toJS()));
const errors = validateManifests(manifests);
for (const error of errors) console.error(error);
console.log(`${manifests.length} objects in ${files.length} files under ${dir}: ${errors.length} errors`);
process.exitCode = errors.length === 0 && manifests.length > 0 ? 0 : 1;
