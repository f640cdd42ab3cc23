#!/usr/bin/env bash
# make token ROLE=<role> NETWORK=<network> [PERSON=<person id>]: prints an access token from the embedded issuer of
# `make run` (10 minutes). People (secretariat, group-leader, representative, dashboard-reader, operator) come through the
# demo grant, which that issuer offers only in the demo: it needs the demo client's secret from the data directory and
# hands out tokens of the registered demo people only, as its sign-in page does with one click. partner-system uses the
# demo partner system's own client credentials, as a partner's system would. ISSUER and DATA_DIR point elsewhere.
# make tokens (--exports): `export NAME=<token>` for each of the demo's tokens, as make run lists them (tokens.list).
set -euo pipefail
issuer=${ISSUER:-http://127.0.0.1:${HTTP_PORT:-5080}/}
secrets=${SECRETS_DIR:-${DATA_DIR:-.data}/identity/secrets}

if [ "${1:-}" = --exports ]; then
  list=$secrets/tokens.list
  [ -r "$list" ] || { echo "No $list: is \`make run\` running on this data directory (DATA_DIR)?" >&2; exit 1; }
  while read -r variable role network; do
    token=$(ROLE=$role NETWORK=$network PERSON='' "$0") || exit 1
    echo "export $variable=$token"
  done <"$list"
  exit 0
fi

role=${ROLE:?Set ROLE to secretariat, group-leader, representative, dashboard-reader, operator or partner-system.}
network=${NETWORK:-partnerskap-mot-mobbing}

secret_of() {
  local file=$secrets/$1.secret
  [ -r "$file" ] || { echo "No secret for the client $1 in $secrets: is \`make run\` running on this data directory (DATA_DIR)?" >&2; exit 1; }
  cat "$file"
}

if [ "$role" = partner-system ]; then
  client=demo-partner-$network
  form=(-d grant_type=client_credentials)
else
  client=demo-token
  form=(-d grant_type=urn:networkplatform:params:oauth:grant-type:demo-person -d "role=$role" -d "network_id=$network")
  [ -n "${PERSON:-}" ] && form+=(-d "person_id=$PERSON")
fi
secret=$(secret_of "$client")
answer=$(curl -sS -u "$client:$secret" "${form[@]}" "${issuer%/}/connect/token") \
  || { echo "The issuer at $issuer does not answer: start it with \`make run\`." >&2; exit 1; }
token=$(sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p' <<<"$answer")
if [ -z "$token" ]; then
  echo "The issuer refused: $(sed -n 's/.*"error_description": *"\([^"]*\)".*/\1/p' <<<"$answer")" >&2
  exit 1
fi
echo "$token"
