#!/bin/sh
# Runs once, when the PostgreSQL data directory is first initialised: a login role per service and for the token issuer
# (identity), with no superuser, CREATEDB or CREATEROLE, owning its own database, which no other role may connect to;
# each role's password from its Secret (<name>-database), passed in as <NAME>_PASSWORD.
set -eu
for service in membership groups meetings reporting identity; do
  password=$(printenv "$(echo "$service" | tr '[:lower:]' '[:upper:]')_PASSWORD")
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
