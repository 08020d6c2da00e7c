import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { IMAGE_DIGEST, requireImageRepository } from '../core/pinned-image';

const FLOATING = /^(latest|stable|edge|main|master)$/i;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** minkms release tags: RELEASE.YYYY-MM-DDTHH-MM-SSZ, ordered as strings. */
const RELEASE_TAG = /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/;

/**
 * The MinIO KMS (`minkms`) image, pinned by tag or digest.
 *
 * There is deliberately no default: AIStor images are licensed and their release tags are not something this
 * library can verify, so the release you have validated (often mirrored to Azure Container Registry) is an input.
 * The membership Job runs the same image, so the CLI always matches the servers.
 */
export class MinkmsImage {
  /** The repository official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/aistor/minkms';

  /** An official image at a release tag, e.g. `RELEASE.2026-07-17T11-53-00Z`. */
  public static release(tag: string): MinkmsImage {
    return new MinkmsImage(MinkmsImage.OFFICIAL_REPOSITORY, tag);
  }

  /** An image from another repository, pinned by tag or `sha256:` digest. */
  public static fromRepository(repository: string, tagOrDigest: string): MinkmsImage {
    return new MinkmsImage(repository, tagOrDigest);
  }

  private constructor(public readonly repository: string, public readonly tagOrDigest: string) {}

  /** The image reference, validated against `scope`. */
  public render(scope: IConstruct, field: string): string {
    requireImageRepository(scope, `${field}.repository`, this.repository, 'quay.io/minio/aistor/minkms');
    if (IMAGE_DIGEST.test(this.tagOrDigest)) return `${this.repository}@${this.tagOrDigest}`;
    if (!TAG.test(this.tagOrDigest) || FLOATING.test(this.tagOrDigest)) {
      reject(scope, `${field}.tag`, this.tagOrDigest, 'must pin a release',
        'use a release tag such as RELEASE.2026-07-17T11-53-00Z or a sha256: digest; floating tags are not allowed');
    }
    return `${this.repository}:${this.tagOrDigest}`;
  }

  /**
   * Whether the tag is a `RELEASE.<timestamp>` tag older than `release` (same form). Digests and other tags cannot
   * be dated, so they are never reported older.
   */
  public releaseBefore(release: string): boolean {
    return RELEASE_TAG.test(this.tagOrDigest) && this.tagOrDigest < release;
  }
}
