import { IConstruct } from 'constructs';
import { reject } from './errors';

const PINNED = /^[^\s:@]+(:[0-9]+)?(\/[^\s:@]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const FLOATING = /:(latest|stable|edge|main|master)$/i;

/**
 * Rejects an image reference unless it names a tag or a digest that does not float, so the same manifests always
 * run the same software.
 *
 * @param example a pinned reference to suggest in the message
 */
export function requirePinnedImage(scope: IConstruct, field: string, image: string, example: string): string {
  if (typeof image !== 'string' || !PINNED.test(image) || FLOATING.test(image)) {
    reject(scope, field, image, 'must be pinned to a tag or digest', `use e.g. ${example}`);
  }
  return image;
}

/** A content digest, which pins an image whatever its tag. */
export const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;

const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** Rejects an image repository that is not lower-case, or that carries a tag or digest itself. */
export function requireImageRepository(scope: IConstruct, field: string, repository: string, example: string): string {
  if (!REPOSITORY.test(repository)) {
    reject(scope, field, repository, 'is not a valid image repository', `give a lower-case repository such as ${example}, without tag or digest`);
  }
  return repository;
}
