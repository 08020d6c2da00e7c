/** One entry of the Azure provider's `objects` parameter. */
export interface CsiObjectEntry {
  /** Name of the object in Key Vault. */
  readonly objectName: string;
  /** `secret`, `key` or `cert`. */
  readonly objectType: string;
  /** File name in the mount, when it differs from the object's name. */
  readonly objectAlias?: string;
  /** Pinned version of the object. */
  readonly objectVersion?: string;
}

/**
 * Writes the Azure provider's `objects` parameter: a YAML document whose `array` holds one YAML document per
 * object, each as a literal block. Values are double-quoted so that names YAML would read as something
 * else (`null`, `true`, `1e5`) stay strings; callers only pass values without quotes or backslashes.
 */
export function renderCsiObjects(objects: readonly CsiObjectEntry[]): string {
  const lines = ['array:'];
  for (const object of objects) {
    lines.push('  - |');
    lines.push(`    objectName: "${object.objectName}"`);
    lines.push(`    objectType: "${object.objectType}"`);
    if (object.objectAlias !== undefined) lines.push(`    objectAlias: "${object.objectAlias}"`);
    if (object.objectVersion !== undefined) lines.push(`    objectVersion: "${object.objectVersion}"`);
  }
  return `${lines.join('\n')}\n`;
}
