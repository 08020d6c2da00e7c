import { SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { reject } from './errors';
import { parseQuantity } from './quantity';

/** Rejects resources whose requests exceed their limits, or which are not valid quantities. */
export function validateResources(scope: IConstruct, field: string, resources: kplus.ContainerResources | undefined): void {
  if (!resources) return;
  compare(scope, `${field}.cpu`, resources.cpu?.request?.amount, resources.cpu?.limit?.amount);
  compare(scope, `${field}.memory`, sizeText(resources.memory?.request), sizeText(resources.memory?.limit));
}

function compare(scope: IConstruct, field: string, request: string | undefined, limit: string | undefined): void {
  const requested = request === undefined ? undefined : parseQuantity(request);
  const limited = limit === undefined ? undefined : parseQuantity(limit);
  if (request !== undefined && !(requested! > 0)) {
    reject(scope, `${field}.request`, request, 'must be a positive quantity', 'use e.g. Cpu.units(2) or Size.gibibytes(8)');
  }
  if (limit !== undefined && !(limited! > 0)) {
    reject(scope, `${field}.limit`, limit, 'must be a positive quantity', 'use e.g. Cpu.units(4) or Size.gibibytes(8)');
  }
  if (requested !== undefined && limited !== undefined && requested > limited) {
    reject(scope, `${field}.request`, request, `must not exceed the limit (${limit})`, 'raise the limit or lower the request');
  }
}

function sizeText(size: { toKibibytes(opts?: object): number } | undefined): string | undefined {
  return size === undefined ? undefined : `${size.toKibibytes({ rounding: SizeRoundingBehavior.NONE })}Ki`;
}
