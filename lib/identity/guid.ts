import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Whether `value` has the 8-4-4-4-12 hexadecimal form Entra ID uses for client and tenant IDs. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Rejects `value` unless it is a GUID.
 *
 * Entra ID accepts nothing else as a client or tenant ID, and a typo here only shows up at run time as an
 * AADSTS error in a pod's log, so it is caught at synth time instead.
 */
export function requireGuid(scope: IConstruct, field: string, value: string): string {
  if (!isGuid(value)) {
    reject(scope, field, value, 'must be a GUID',
      'copy the ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) from the Azure portal or `az` output');
  }
  return value;
}
