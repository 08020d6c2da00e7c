import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const lib = join(__dirname, '../../lib');
const files = readdirSync(lib, { recursive: true }).map(String).filter((file) => file.endsWith('.sh')).sort();

describe('the shell scripts the library ships', () => {
  test('live in scripts/ folders beside the code that runs them', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^[a-z-]+\/scripts\/[a-z0-9-]+\.sh$/);
  });

  // CI installs shellcheck (.ci/run); a missing binary fails here rather than passing unchecked.
  test.each(files)('%s passes shellcheck as POSIX sh', (file) => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-x', join(lib, file)], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
