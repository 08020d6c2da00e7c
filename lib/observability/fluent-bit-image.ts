import { PinnedImage } from '../core/pinned-image';

/** Presets for the Fluent Bit image that {@link AuditLogCollector} runs: a {@link PinnedImage}. */
export class FluentBitImage {
  /** The repository the Fluent Bit project publishes to. */
  public static readonly OFFICIAL_REPOSITORY = 'cr.fluentbit.io/fluent/fluent-bit';
  /** Fluent Bit 5.1.1, the release this library's configuration was checked against. */
  public static readonly DEFAULT = FluentBitImage.release('5.1.1');

  /** An official image at a release tag (`MAJOR.MINOR.PATCH`); `.withRegistry(...)` for a mirror. */
  public static release(tag: string): PinnedImage {
    return PinnedImage.withTagRule(FluentBitImage.OFFICIAL_REPOSITORY, tag, { pattern: /^\d+\.\d+\.\d+$/, example: '5.1.1' });
  }

  private constructor() {}
}
