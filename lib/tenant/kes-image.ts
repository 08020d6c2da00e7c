import { PinnedImage } from '../core/pinned-image';

/** Presets for the KES image the operator runs next to a tenant: a {@link PinnedImage}. */
export class KesImage {
  /** The repository the official images are published to. */
  public static readonly OFFICIAL_REPOSITORY = 'quay.io/minio/kes';

  /** An official image at a release tag, e.g. `2025-03-12T09-35-18Z`; `.withRegistry(...)` for a mirror. */
  public static release(tag: string): PinnedImage {
    return PinnedImage.withTagRule(KesImage.OFFICIAL_REPOSITORY, tag, { pattern: /./, example: '2025-03-12T09-35-18Z' });
  }

  private constructor() {}
}
