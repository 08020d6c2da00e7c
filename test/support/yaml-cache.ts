import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The documents of a multi-document YAML file, through a JSON copy in the temp directory keyed by content.
 *
 * Jest gives every test file a fresh module registry, so a module-level cache lasts one test file only, and
 * parsing all the vendored CRDs costs about 300 ms where reading their JSON copies costs under 10 ms.
 */
export function readYamlDocuments(file: string): unknown[] {
  const text = fs.readFileSync(file, 'utf8');
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 32);
  const cached = path.join(os.tmpdir(), 'minio-aks-yaml-cache', `${digest}.json`);
  if (fs.existsSync(cached)) {
    try {
      return JSON.parse(fs.readFileSync(cached, 'utf8'));
    } catch {
      // A copy that cannot be read is rebuilt below.
    }
  }
  // Loaded only here: requiring the YAML library costs more than reading every cached copy.
  const { parseAllDocuments } = require('yaml') as typeof import('yaml');
  const documents = parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS() as unknown;
  });
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    // Parallel jest workers may write the same copy: rename is atomic, so no reader sees half a file.
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, JSON.stringify(documents));
    fs.renameSync(partial, cached);
  } catch {
    // Without a writable temp directory every test file parses the YAML itself: slower, still correct.
  }
  return documents;
}
