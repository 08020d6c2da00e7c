import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

/**
 * The largest Go `int32`, the type of every number in the hsm.j5t.io API (api/v1alpha1/*_types.go of
 * evanjarrett/hsm-secrets-operator): a larger value cannot be decoded by the operator.
 */
export const HSM_OPERATOR_INT32_MAX = 2_147_483_647;

/** Rejects `value` unless it is a whole number from `min` up to the largest Go `int32`. */
export function requireHsmOperatorInt32(scope: IConstruct, field: string, value: number, min: number, unit: string, fix: string): number {
  if (!Number.isInteger(value) || value < min || value > HSM_OPERATOR_INT32_MAX) {
    reject(scope, field, value, `must be a whole number of ${unit} from ${min} to ${HSM_OPERATOR_INT32_MAX} (the operator's int32)`, fix);
  }
  return value;
}
