#!/usr/bin/env bash
# make test: install what the tests need, build once, run every tests/*/*.Tests project, print "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

tests/tools/install-deps.sh || { echo "Could not install the test dependencies (see above)."; echo "0 passed, 1 failed"; exit 1; }

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

echo "Building NetworkPlatform.sln ..."
if ! dotnet build NetworkPlatform.sln -c Debug --nologo -clp:ErrorsOnly; then
  echo "Build failed: fix the errors above."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" -- RunConfiguration.TestSessionTimeout=900000 || status=1
done

/usr/bin/python3 tests/tools/summarize-trx.py "$results" || status=1
exit $status
