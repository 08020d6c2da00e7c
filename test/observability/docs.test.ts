import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabelMatcher, minioAlertRules } from '../../lib/observability';

const docs = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README, Observability', () => {
  const rules = minioAlertRules({ mirrorSelector: [], minioSelector: [LabelMatcher.equals('job', 'minio')] }).rules;

  test.each(rules.map((r) => [r.name, r]))('documents %s with its runbook and description', (name, rule) => {
    expect(docs).toContain(`#### ${name}\n`);
    expect(docs).toContain(rule.runbook);
    expect(docs).toContain(rule.description);
  });

  test('states the rule count Azure must hold', () => {
    expect(docs).toContain(`the full set has at most ${rules.length}.`);
  });
});
