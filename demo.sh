#!/usr/bin/env bash
# The camel-stora demo in one command, from a clean clone: builds what it needs (the first time a minute or two),
# then runs the example routes against an embedded Stora simulator, printing the events and calls as they flow.
# It stops by itself (or on Ctrl-C) and leaves its files in .demo/.
#   ./demo.sh            the YAML DSL routes
#   ./demo.sh --java     the same flows in Java DSL
#   ./demo.sh --cluster  three nodes of one application on an embedded PostgreSQL, one killed with kill -9 mid-story
#                        (docs/several-nodes.md); its files are in .demo/cluster/
# With STORA_ACCESS_TOKEN (or STORA_CLIENT_ID, STORA_CLIENT_SECRET, STORA_SCOPES) set, the same application runs the
# routes against that Stora account instead (README.md, "Point the routes at the real API").
set -euo pipefail
cd "$(dirname "$0")"

echo "Building the component, the simulator and the examples (mvn package, tests skipped)..."
# (Maven 3.8 prints colour resets even in batch mode; only its errors should show)
mvn -B -q -pl routes-examples -am package -Dmaven.test.skip=true 2>&1 | sed -E 's/\x1B\[[0-9;]*m//g'

args=("$@")
if [ -t 1 ]; then
    args+=(--color)
fi
exec java -cp "routes-examples/target/classes:$(cat routes-examples/target/classpath.txt)" \
    io.camelstora.examples.ExamplesApplication "${args[@]}"
