// TypeDoc settings for `npm run docs`: the public API of lib/index.ts into docs/api/.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'minio-aks',
  entryPoints: ['../../lib/index.ts'],
  tsconfig: '../../tsconfig.build.json',
  out: '../../docs/api',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  sort: ['kind', 'alphabetical'],
  // `cdk8s import` marks the generated L1 classes with @schema.
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  // The generated L1 types that constructs expose (e.g. MinioTenant.resource) are documented by their CRDs.
  validation: { notExported: false },
  // No "Defined in" links: they need a git remote on a known host, which a clone of this project need not have
  // (TypeDoc warns, and warnings are errors here).
  disableSources: true,
  treatWarningsAsErrors: true,
};
