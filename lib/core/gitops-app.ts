import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { App, AppProps, Yaml, YamlOutputType } from 'cdk8s';
import { reject } from './errors';
import { stringifyManifests } from './manifest-yaml';
import { compareOrdinal } from './ordinal-order';

/**
 * The endings of the files besides manifests that an app writes with {@link GitOpsApp.addFile}: an Azure Resource
 * Manager template and a Grafana dashboard. Files with these endings in the output directory belong to the app, so
 * synth removes those it no longer writes, as it does for manifests.
 */
export const GENERATED_FILE_SUFFIXES: readonly string[] = Object.freeze(['.arm.json', '.dashboard.json']);

/**
 * A cdk8s App for estates of many charts, whose output directory holds exactly the current app.
 *
 * cdk8s prepares the whole app (dependency resolution and validation) once more for every chart it writes, which
 * makes synth quadratic in the number of charts: 1,000 single-tenant charts took about 4 s instead of 0.4 s.
 * `GitOpsApp.synth()` prepares the app once; its {@link GitOpsChart}s then render only themselves.
 *
 * `synth()` also removes the manifests of charts that no longer exist, as `cdk8s synth` does by emptying the
 * output directory, so a GitOps engine prunes what was deleted from the app. It writes into a staging directory
 * beside `outdir` first: when synth fails, the previous output stays untouched. Only files with the app's output
 * extension (`.k8s.yaml` by default) are removed; other files in `outdir` stay.
 *
 * It writes the manifests with `stringifyManifests` (lib/core/manifest-yaml.ts): the bytes cdk8s writes, in a fraction of the time.
 */
export class GitOpsApp extends App {
  private preparedForSynth = false;
  private readonly files = new Map<string, string>();

  public constructor(props: AppProps = {}) {
    super(props);
  }

  /**
   * Writes `content` to `fileName` in the output directory on every synth, beside the manifests: for deployment
   * artifacts that are not Kubernetes objects (e.g. `azureRuleGroupArmTemplate(...)` as `minio-alerts.arm.json`).
   *
   * @param fileName a plain file name ending in one of {@link GENERATED_FILE_SUFFIXES}, so that a later synth that
   *   no longer adds it removes it
   * @param content the file's text; write it deterministically (e.g. `JSON.stringify(value, null, 2)`)
   */
  public addFile(fileName: string, content: string): void {
    if (typeof fileName !== 'string' || !/^[a-z0-9][a-z0-9.-]*$/.test(fileName) || !GENERATED_FILE_SUFFIXES.some((suffix) => fileName.endsWith(suffix))) {
      reject(this, 'addFile.fileName', fileName, `must be a lower-case file name ending in ${GENERATED_FILE_SUFFIXES.join(' or ')}`,
        'use e.g. minio-alerts.arm.json or minio.dashboard.json');
    }
    if (this.files.has(fileName)) reject(this, 'addFile.fileName', fileName, 'is already added', 'add each file once');
    if (typeof content !== 'string') reject(this, `addFile(${fileName}).content`, typeof content, 'must be a string', 'serialize the value first');
    this.files.set(fileName, content);
  }

  /** Whether `synth()` has already resolved and validated the whole app, so a chart may render on its own. */
  public get isPreparedForSynth(): boolean {
    return this.preparedForSynth;
  }

  public override synth(): void {
    const outdir = resolve(this.outdir);
    mkdirSync(dirname(outdir), { recursive: true });
    const staging = mkdtempSync(join(dirname(outdir), `.${basename(outdir)}-synth-`));
    const writable = this as { outdir: string };
    writable.outdir = staging;
    this.preparedForSynth = true;
    // App.synth writes every manifest file through the static Yaml.save (node_modules/cdk8s/lib/app.js) and offers
    // no other way in: point it at the faster writer for this synth only.
    const save = Yaml.save;
    Yaml.save = (filePath: string, docs: unknown[]) => writeFileSync(filePath, stringifyManifests(docs), { encoding: 'utf8' });
    try {
      super.synth();
      for (const [fileName, content] of [...this.files].sort(([a], [b]) => compareOrdinal(a, b))) {
        writeFileSync(join(staging, fileName), content);
      }
      // Only the folder-per-chart layout writes below the top level: never walk further (outdir may be '.').
      const depth = this.yamlOutputType === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE ? 1 : 0;
      replaceManifests(staging, outdir, [this.outputFileExtension, ...GENERATED_FILE_SUFFIXES], depth);
    } finally {
      Yaml.save = save;
      this.preparedForSynth = false;
      writable.outdir = outdir;
      rmSync(staging, { recursive: true, force: true });
    }
  }
}

/** Moves every file of `staging` into `outdir`, after removing the app's files in `outdir` that synth did not write. */
function replaceManifests(staging: string, outdir: string, extensions: readonly string[], depth: number): void {
  const written = new Set(filesUnder(staging, depth).map((file) => relative(staging, file)));
  for (const file of filesUnder(outdir, depth)) {
    const path = relative(outdir, file);
    if (extensions.some((extension) => file.endsWith(extension)) && !written.has(path)) {
      rmSync(file);
      removeEmptyParents(dirname(file), outdir);
    }
  }
  for (const path of written) {
    mkdirSync(dirname(join(outdir, path)), { recursive: true });
    renameSync(join(staging, path), join(outdir, path));
  }
}

/** The files in `dir` and, `depth` levels down, in its subdirectories. */
function filesUnder(dir: string, depth: number): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    if (!entry.isDirectory()) return [join(dir, entry.name)];
    return depth > 0 ? filesUnder(join(dir, entry.name), depth - 1) : [];
  });
}

/** Removes `dir` and its parents up to (not including) `top` while they are empty, e.g. a deleted chart's folder. */
function removeEmptyParents(dir: string, top: string): void {
  for (let current = dir; current !== top && current.startsWith(top); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
