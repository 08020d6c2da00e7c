import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A name a module exports, whether it exists at run time, and whether its declaration is tagged `@internal`. */
export interface ExportedName {
  readonly name: string;
  readonly runtime: boolean;
  readonly internal: boolean;
  readonly file: string;
}

const DECLARATION = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export\s+(?:declare\s+)?(?:abstract\s+)?(class|function|const|let|enum|interface|type)\s+([A-Za-z_$][\w$]*)/g;

function resolveModule(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** What `file` declares as exported, by name. */
function declarations(file: string): Map<string, ExportedName> {
  const text = readFileSync(file, 'utf8');
  const found = new Map<string, ExportedName>();
  for (const match of text.matchAll(DECLARATION)) {
    const [, doc, keyword, name] = match;
    found.set(name, { name, runtime: !['interface', 'type'].includes(keyword), internal: /@internal\b/.test(doc ?? ''), file });
  }
  return found;
}

/**
 * Every name `file` exports, following `export *` and `export { ... } from` through the library's own modules: a
 * reading of the source that needs no compiler API (TypeScript 7 ships none for JavaScript).
 */
export function exportedNames(file: string): Map<string, ExportedName> {
  const text = readFileSync(file, 'utf8');
  const names = new Map(declarations(file));
  for (const match of text.matchAll(/export\s+\*\s+from\s+'([^']+)'/g)) {
    for (const [name, exported] of exportedNames(resolveModule(file, match[1]))) names.set(name, exported);
  }
  for (const match of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    const source = exportedNames(resolveModule(file, match[3]));
    for (const item of match[2].split(',').map((part) => part.trim()).filter(Boolean)) {
      const [original, alias] = item.replace(/^type\s+/, '').split(/\s+as\s+/);
      const declared = source.get(original);
      if (declared === undefined) throw new Error(`${file} re-exports ${original}, which ${match[3]} does not export`);
      names.set(alias ?? original, { ...declared, name: alias ?? original, runtime: declared.runtime && match[1] === undefined && !item.startsWith('type ') });
    }
  }
  return names;
}
