import { PinnedImage } from '../core/pinned-image';

/**
 * Presets for the MinIO KMS (`minkms`) image: a {@link PinnedImage}.
 *
 * There is deliberately no default: AIStor images are licensed and their release tags are not something this
 * library can verify, so the release you have validated (often mirrored to Azure Container Registry) is an input.
 * The membership Jobs run the same image, so the CLI always matches the servers.
 */
export class MinkmsImage {
  /** The repository official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/aistor/minkms';

  /** An official image at a release tag, e.g. `RELEASE.2026-07-17T11-53-00Z`; `.withRegistry(...)` for a mirror. */
  public static release(tag: string): PinnedImage {
    return PinnedImage.withTagRule(MinkmsImage.OFFICIAL_REPOSITORY, tag, { pattern: /./, example: 'RELEASE.2026-07-17T11-53-00Z' });
  }

  /** An image from another repository, pinned by tag or `sha256:` digest. */
  public static fromRepository(repository: string, tagOrDigest: string): PinnedImage {
    return MinkmsImage.release(tagOrDigest).withRepository(repository);
  }

  private constructor() {}
}
