#!/usr/bin/env bash
# The package as a platform team gets it: pack it, install the tarball into a fresh project with the peer
# dependencies (from the npm cache that `npm ci` filled; only package metadata may come from the registry), compile a TypeScript app against the
# published declarations, synthesize with a plain cdk8s App and with GitOpsApp (a tenant, and a KMS cluster whose Jobs
# and probe run the package's .sh files), and run the installed CLI.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# `npm pack` runs `prepare`, which rebuilds dist-lib/ from lib/.
(cd "$root" && npm pack --pack-destination "$work" --loglevel=warn >/dev/null)
tarball="$(echo "$work"/minio-aks-*.tgz)"

# The consumer uses the exact versions the repository is tested with.
version_of() { node -p "require('$root/node_modules/$1/package.json').version"; }
consumer="$work/consumer"
mkdir "$consumer"
cp "$root"/test/package/consumer/* "$consumer"/
# The README's first app, as a user copies it into a project of their own.
cp "$root/apps/examples/first-app.ts" "$consumer/main.ts"
cd "$consumer"
npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  "$tarball" \
  "cdk8s@$(version_of cdk8s)" "cdk8s-plus-28@$(version_of cdk8s-plus-28)" "constructs@$(version_of constructs)" \
  "typescript@$(version_of typescript)" "@types/node@$(version_of @types/node)"

fail() { echo "consumer test: $*" >&2; exit 1; }

# One copy of cdk8s, shared by the app and the library; no build tool from the library's devDependencies.
[ "$(find node_modules -name package.json -path '*/cdk8s/package.json' | wc -l)" = 1 ] || fail 'more than one copy of cdk8s'
[ ! -e node_modules/esbuild ] || fail 'esbuild was installed with the package'
# The generated shell scripts are read at run time from the package's dist-lib/ (lib/core/shell-script.ts): the
# tarball must carry every lib/**/*.sh.
shipped="$(cd node_modules/minio-aks && find dist-lib -name '*.sh' | sort)"
[ "$shipped" = "$(cd "$root/lib" && find . -name '*.sh' | sed 's|^\./|dist-lib/|' | sort)" ] \
  || fail "the package ships these .sh files instead of every lib/**/*.sh: ${shipped:-none}"
# The Pulumi packages are optional peers: a cdk8s-only team does not get them, and synthesizes without them.
[ ! -e node_modules/@pulumi ] || fail 'the Pulumi packages were installed with the package'

npx --no-install tsc -p tsconfig.json
node main.js
grep -q '^kind: Tenant$' dist/storage.k8s.yaml || fail "the README's first app wrote no Tenant to dist/storage.k8s.yaml"
node app.js
[ -s dist-plain/storage.k8s.yaml ] || fail 'the plain cdk8s App wrote no storage.k8s.yaml'
cmp dist-plain/storage.k8s.yaml dist-gitops/storage.k8s.yaml || fail 'App and GitOpsApp wrote different manifests'
grep -q '^kind: Tenant$' dist-gitops/storage.k8s.yaml || fail 'no Tenant in the output'
cmp dist-plain/kms.k8s.yaml dist-gitops/kms.k8s.yaml || fail 'App and GitOpsApp wrote different KMS manifests'
# Each KMS script's input check (its first line that starts with ': "') reaches a Job or probe of the KMS cluster.
for script in $(printf '%s\n' "$shipped" | grep '^dist-lib/kms/'); do
  check="$(grep -m1 '^: "' "node_modules/minio-aks/$script")" || fail "$script checks no input"
  grep -qF -- "$check" dist-gitops/kms.k8s.yaml || fail "$script runs nowhere in dist-gitops/kms.k8s.yaml"
done
node --input-type=module -e "import { MinioTenant } from 'minio-aks'; if (typeof MinioTenant !== 'function') process.exit(1);" \
  || fail 'the package does not load from an ES module'

cli=node_modules/.bin/minio-aks
[ "$("$cli" --version)" = "$(node -p "require('minio-aks/package.json').version")" ] || fail '--version is not the package version'
"$cli" kms keygen --help | grep -q '^Usage: minio-aks kms keygen' || fail 'kms keygen --help'
echo 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag' | "$cli" kms identity - | grep -qx 'h1:FALvKoL5sB2mfvXrbheZ8tgKjIJZ60gN-VH9TcfK7Q0' \
  || fail 'kms identity - gave the wrong identity'
status=0
"$cli" kms rotate 2>/dev/null || status=$?
[ "$status" = 2 ] || fail "a misuse exited with $status instead of 2"

echo "consumer test: $(basename "$tarball") installs, compiles, synthesizes with App and GitOpsApp (with its $(echo "$shipped" | wc -l) shell scripts), and its CLI runs"
